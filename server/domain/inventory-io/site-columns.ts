import { z } from 'zod';
import { FunderKind } from '../../generated/prisma/enums.ts';
import { bool, cents, intIn, lat, lng, plainString } from '../../schemas/common.ts';

/**
 * The housing inventory's column set, shared by the CSV and GeoJSON formats
 * (GeoJSON puts `lng`/`lat` in the Point geometry and the rest in `properties`).
 *
 * | column | type | notes |
 * |---|---|---|
 * | slug | text, required | the key: import updates the site with this slug or creates it |
 * | name, commune, departement, subdivision | text, required | |
 * | address | text | |
 * | lng, lat | number, required | WGS 84 degrees |
 * | funderKind | departement, region, ars, hospital, commune, association, other | required |
 * | funderName | text | |
 * | rentCents | whole cents ≥ 0 | monthly rent; empty = unknown. French CSV: `loyer (€)` in euros (`150,00`) |
 * | chargesIncluded, furnished, partnerAllowed, guestsAllowed | true/false | empty = unknown |
 * | chargesNote, houseRules, description, contactName, contactEmail, contactPhone, source | text | |
 * | amenities | list | CSV: separated by `;` |
 * | active, planned | true/false | empty = keep (or default on creation: active, not planned) |
 * | rooms | rooms and their bed counts | CSV: `Chambre 1:2\|Chambre 2:1`; GeoJSON: `[{label, beds}]`. Import adds missing rooms and beds, never removes any |
 * | beds | number | total beds, exported for reading; ignored on import |
 *
 * Empty CSV cells and JSON `null` mean "unknown" (null); never invent a rent or a capacity.
 */
export const SITE_COLUMNS = [
  'slug', 'name', 'address', 'commune', 'departement', 'subdivision', 'lng', 'lat',
  'funderKind', 'funderName', 'rentCents', 'chargesIncluded', 'chargesNote', 'furnished', 'amenities',
  'partnerAllowed', 'guestsAllowed', 'houseRules', 'description',
  'contactName', 'contactEmail', 'contactPhone', 'active', 'planned', 'source', 'rooms', 'beds',
] as const;

export type SiteColumn = (typeof SITE_COLUMNS)[number];

/**
 * The CSV column headers of the French (default) export. That variant writes
 * the rent in euros (`loyer (€)`: `150,00`, decimal comma, two decimals, no
 * sign), yes/no as `oui`/`non` and decimals with a comma; the English variant
 * uses SITE_COLUMNS as headers, the rent in cents (`rentCents`), `true`/`false`
 * and decimal points. The importer accepts both header sets.
 */
export const FRENCH_HEADERS: Record<SiteColumn, string> = {
  slug: 'identifiant',
  name: 'nom',
  address: 'adresse',
  commune: 'commune',
  departement: 'département',
  subdivision: 'subdivision',
  lng: 'longitude',
  lat: 'latitude',
  funderKind: 'type de financeur',
  funderName: 'financeur',
  rentCents: 'loyer (€)',
  chargesIncluded: 'charges comprises',
  chargesNote: 'précisions charges',
  furnished: 'meublé',
  amenities: 'équipements',
  partnerAllowed: 'conjoint accepté',
  guestsAllowed: 'invités acceptés',
  houseRules: 'règlement',
  description: 'description',
  contactName: 'contact',
  contactEmail: 'e-mail contact',
  contactPhone: 'téléphone contact',
  active: 'actif',
  planned: 'prévu',
  source: 'source',
  rooms: 'chambres',
  beds: 'lits',
};

/** Columns a CSV header must have (and a GeoJSON feature must carry). */
export const REQUIRED_COLUMNS: SiteColumn[] = ['slug', 'name', 'commune', 'departement', 'subdivision', 'lng', 'lat', 'funderKind'];

/** Columns holding numbers or booleans; every other column holds text (or lists of text). */
export const VALUE_COLUMNS = new Set<SiteColumn>(['lng', 'lat', 'rentCents', 'beds', 'chargesIncluded', 'furnished', 'partnerAllowed', 'guestsAllowed', 'active', 'planned']);

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula
 * (CSV injection): exported text cells that do are prefixed with `'`, and the
 * importer removes that prefix again, so a round trip changes nothing.
 */
export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Undoes guardFormula on an imported text cell. */
export function unguardFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** Columns the importer reads; `beds` is informative only. */
export const IMPORTED_COLUMNS = SITE_COLUMNS.filter((c) => c !== 'beds');

const text = (max: number) => plainString().max(max, `is too long (at most ${max} characters)`);
const requiredText = (max: number) => text(max).refine((s) => s.trim().length > 0, 'is required');
const optText = (max: number) => text(max).nullable().optional();
const optBool = bool.nullable().optional();

/** A room as the inventory lists it. */
export const inventoryRoom = z.object({
  label: requiredText(100),
  beds: intIn(0, 50),
});

/**
 * One site row of an import, after the format's cells were converted to
 * values. `undefined` = column absent (keep the current value); `null` = unknown.
 */
export const inventorySiteRow = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'must be lowercase letters, digits and dashes'),
  name: requiredText(200),
  address: optText(300),
  commune: requiredText(100),
  departement: requiredText(100),
  subdivision: requiredText(100),
  lng,
  lat,
  funderKind: z.enum(Object.values(FunderKind) as [FunderKind, ...FunderKind[]], { message: `must be one of ${Object.values(FunderKind).join(', ')}` }),
  funderName: optText(200),
  rentCents: cents.nullable().optional(),
  chargesIncluded: optBool,
  chargesNote: optText(500),
  furnished: optBool,
  amenities: z.array(text(100)).max(50).optional(),
  partnerAllowed: optBool,
  guestsAllowed: optBool,
  houseRules: optText(4000),
  description: optText(4000),
  contactName: optText(200),
  contactEmail: plainString().max(200, 'is too long (at most 200 characters)').email('must be an email address').nullable().optional(),
  contactPhone: optText(50),
  active: bool.optional(),
  planned: bool.optional(),
  source: optText(500),
  rooms: z
    .array(inventoryRoom)
    .max(200)
    .refine((rs) => new Set(rs.map((r) => r.label)).size === rs.length, 'lists a room twice')
    .optional(),
});

export type InventorySiteRow = z.infer<typeof inventorySiteRow>;

/** The site fields an import may write (everything but slug and rooms). */
export const SITE_FIELDS = IMPORTED_COLUMNS.filter((c) => c !== 'slug' && c !== 'rooms') as Exclude<SiteColumn, 'slug' | 'rooms' | 'beds'>[];
export type SiteField = (typeof SITE_FIELDS)[number];
