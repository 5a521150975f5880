import type { Prisma } from '../../generated/prisma/client.ts';

/** Site fields as the API takes them (nested like the presenter shows them). */
export interface SiteInput {
  name?: string;
  slug?: string;
  address?: string | null;
  commune?: string;
  departement?: string;
  subdivision?: string;
  location?: [number, number];
  funder?: { kind: Prisma.SiteCreateInput['funderKind']; name?: string | null };
  rentCents?: number | null;
  chargesIncluded?: boolean | null;
  chargesNote?: string | null;
  furnished?: boolean | null;
  amenities?: string[];
  rules?: { partnerAllowed?: boolean | null; guestsAllowed?: boolean | null; text?: string | null };
  description?: string | null;
  contact?: { name?: string | null; email?: string | null; phone?: string | null };
  active?: boolean;
  planned?: boolean;
}

/** The fields a site's manager may change (contact, amenities, rules, description, rent). */
export const MANAGER_EDITABLE_SITE_FIELDS = ['contact', 'amenities', 'rules', 'description', 'rentCents', 'chargesIncluded', 'chargesNote', 'furnished'] as const;

/** Flattens API site input into database columns (only the keys present). */
export function siteColumns(input: SiteInput): Prisma.SiteUncheckedUpdateInput {
  const d: Prisma.SiteUncheckedUpdateInput = {};
  const copy = ['name', 'slug', 'address', 'commune', 'departement', 'subdivision', 'rentCents', 'chargesIncluded', 'chargesNote', 'furnished', 'amenities', 'description', 'active', 'planned'] as const;
  for (const k of copy) if (input[k] !== undefined) (d as Record<string, unknown>)[k] = input[k];
  if (input.location) [d.lng, d.lat] = input.location;
  if (input.funder) {
    d.funderKind = input.funder.kind;
    if (input.funder.name !== undefined) d.funderName = input.funder.name;
  }
  if (input.rules) {
    if (input.rules.partnerAllowed !== undefined) d.partnerAllowed = input.rules.partnerAllowed;
    if (input.rules.guestsAllowed !== undefined) d.guestsAllowed = input.rules.guestsAllowed;
    if (input.rules.text !== undefined) d.houseRules = input.rules.text;
  }
  if (input.contact) {
    if (input.contact.name !== undefined) d.contactName = input.contact.name;
    if (input.contact.email !== undefined) d.contactEmail = input.contact.email;
    if (input.contact.phone !== undefined) d.contactPhone = input.contact.phone;
  }
  return d;
}

/** A URL-safe slug from a name. */
export function slugify(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'site'
  );
}
