import { z } from 'zod';
import { registerRoute } from '../../openapi/registry.ts';

/** POST /api/import/sites query: the format (else guessed from Content-Type) and whether to only check. */
export const importSitesQuery = z.object({
  format: z.enum(['csv', 'geojson'], { message: 'must be csv or geojson' }).optional(),
  dryRun: z
    .enum(['1', '0', 'true', 'false'], { message: 'must be 1 or 0' })
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});
export type ImportSitesQuery = z.infer<typeof importSitesQuery>;

/**
 * GET /api/export/sites.csv query: French by default (`;`, French headers, rent in euros);
 * `sep=,` or `format=en` gives the English variant (`,`, SITE_COLUMNS headers, rent in cents).
 */
export const exportSitesCsvQuery = z.object({
  sep: z.enum([';', ','], { message: 'must be ; or ,' }).optional(),
  format: z.enum(['fr', 'en'], { message: 'must be fr or en' }).optional(),
});

/** What an import did or would do. */
export const importSummarySchema = z.object({
  dryRun: z.boolean(),
  created: z.array(z.string()).describe('slugs of new sites'),
  updated: z.array(z.string()).describe('slugs of changed sites'),
  unchanged: z.number().int(),
  roomsCreated: z.number().int(),
  bedsCreated: z.number().int(),
});

const COLUMNS_DOC =
  'Columns (CSV header, GeoJSON properties): slug, name, address, commune, departement, subdivision, lng, lat, funderKind, funderName, ' +
  'rentCents, chargesIncluded, chargesNote, furnished, amenities (CSV: `;`-separated), partnerAllowed, guestsAllowed, houseRules, description, ' +
  'contactName, contactEmail, contactPhone, active, planned, source, rooms (CSV: `Chambre 1:2|Chambre 2:1`; GeoJSON: `[{label, beds}]`), ' +
  'beds (total, export only). Empty cells / null mean unknown. See server/domain/inventory-io/site-columns.ts.';

const CSV_DOC =
  'CSV variants. French (default): `;` separator, French headers (identifiant, nom, adresse, commune, département, subdivision, longitude, latitude, ' +
  'type de financeur, financeur, loyer (€), charges comprises, précisions charges, meublé, équipements, conjoint accepté, invités acceptés, règlement, ' +
  'description, contact, e-mail contact, téléphone contact, actif, prévu, source, chambres, lits), rent in euros as `150,00`, oui/non, decimal commas. ' +
  'English (`sep=,` or `format=en`): `,` separator, the column names below, rent in cents (`rentCents`), true/false. Import detects the separator ' +
  'from the header line and accepts either header set; text cells starting with = + - @ tab or CR are exported prefixed with `\'`, removed again on import.';

registerRoute({
  method: 'get',
  path: '/api/export/sites.csv',
  summary: 'Export the housing inventory as CSV (UTF-8 with BOM, RFC 4180)',
  description: `${CSV_DOC}\n\n${COLUMNS_DOC}`,
  roles: ['staff', 'admin'],
  tags: ['inventory'],
  responses: { 200: { description: 'CSV file', schema: z.string(), contentType: 'text/csv' } },
});
registerRoute({
  method: 'get',
  path: '/api/export/sites.geojson',
  summary: 'Export the housing inventory as a GeoJSON FeatureCollection of Points',
  description: COLUMNS_DOC,
  roles: ['staff', 'admin'],
  tags: ['inventory'],
  responses: { 200: { description: 'GeoJSON', schema: z.object({ type: z.literal('FeatureCollection'), features: z.array(z.any()) }), contentType: 'application/geo+json' } },
});
registerRoute({
  method: 'post',
  path: '/api/import/sites',
  summary: 'Import sites (upsert by slug), all or nothing',
  description: `${CSV_DOC}\n\n${COLUMNS_DOC}\n\nBody: text/csv or GeoJSON (application/json or application/geo+json). Every problem is listed in \`error.details.errors\` with its CSV line (header = line 1) or GeoJSON feature index (from 0) and field, e.g. \`line 7, rentCents: must not be negative\`; nothing is written then. \`dryRun=1\` checks and reports without writing. An import never removes rooms or beds.`,
  roles: ['staff', 'admin'],
  tags: ['inventory'],
  request: { query: importSitesQuery },
  responses: { 200: { description: 'What was (or would be) created and updated', schema: importSummarySchema } },
});
