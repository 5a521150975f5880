import { z } from 'zod';

/** A housing site as the public catalogue shows it (no personal data). */
export const publicSiteSchema = z.object({
  id: z.number(),
  name: z.string(),
  address: z.string().nullish(),
  commune: z.string().nullish(),
  departement: z.string().nullish(),
  location: z.tuple([z.number(), z.number()]),
  funder: z.object({ kind: z.string().nullish(), name: z.string().nullish() }).nullish(),
  rentCents: z.number().nullish(),
  chargesIncluded: z.boolean().nullish(),
  furnished: z.boolean().nullish(),
  amenities: z.array(z.string()).default([]),
  rules: z.object({ partnerAllowed: z.boolean().nullish(), guestsAllowed: z.boolean().nullish(), text: z.string().nullish() }).nullish(),
  description: z.string().nullish(),
  planned: z.boolean().nullish(),
  isDemo: z.boolean().nullish(),
  beds: z.number().nullish(),
  freeBeds: z.number().nullish(),
});
export type PublicSite = z.infer<typeof publicSiteSchema>;
