import type { FunderKind } from '../server/generated/prisma/enums.ts';

/** A housing site as the seed describes it; rooms list their bed counts. */
export interface SiteSeed {
  slug: string;
  name: string;
  address?: string;
  commune: string;
  departement: string;
  subdivision: string;
  lng: number;
  lat: number;
  funderKind: FunderKind;
  funderName?: string;
  rentCents?: number;
  chargesIncluded?: boolean;
  chargesNote?: string;
  furnished?: boolean;
  amenities?: string[];
  partnerAllowed?: boolean;
  guestsAllowed?: boolean;
  houseRules?: string;
  description?: string;
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string;
  active?: boolean;
  planned?: boolean;
  source?: string;
  isDemo?: boolean;
  rooms: { label: string; beds: number; availability?: { from: string; to: string }[] }[];
}
