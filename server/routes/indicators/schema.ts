import { z } from 'zod';
import { refineWindow, windowFields } from '../../domain/search/date-window.ts';
import { registerRoute } from '../../openapi/registry.ts';
import { departementCode, queryIntIn, semesterId } from '../../schemas/common.ts';

/** GET /api/indicators query: a semester (default: the next one) or from/to. */
export const indicatorsQuery = refineWindow(z.object(windowFields));
export type IndicatorsQuery = z.infer<typeof indicatorsQuery>;

/** Aid granted over a window: in total and per scheme (only schemes with a grant). */
const aidSchema = z.object({
  count: z.number().int(),
  amountCents: z.number().int(),
  schemes: z.array(z.object({ schemeId: z.number().int(), code: z.string(), name: z.string(), count: z.number().int(), amountCents: z.number().int() })),
});

/** GET /api/indicators response. */
export const indicatorsResponse = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  occupancy: z.array(
    z.object({
      siteId: z.number().int(),
      name: z.string(),
      beds: z.number().int(),
      bookedBedDays: z.number().int(),
      availableBedDays: z.number().int(),
      rate: z.number().nullable(),
    }),
  ),
  interns: z.object({ placed: z.number().int(), housed: z.number().int() }),
  averageDriveMinutes: z.number().nullable(),
  aid: aidSchema,
});

registerRoute({
  method: 'get',
  path: '/api/indicators',
  summary: 'Occupancy per site, interns placed vs housed, average drive',
  description: 'Booked bed-days count non-cancelled assignments inside the window; available bed-days come from the rooms\' availability. `aid`: live grants (not cancelled) dated in the window to the interns the caller sees, in total and per scheme (cents).',
  roles: ['staff', 'admin'],
  tags: ['indicators'],
  request: { query: indicatorsQuery },
  responses: { 200: { description: 'Indicators for the window', schema: indicatorsResponse } },
});

/**
 * GET /api/indicators/semesters query: one département (default: all of the caller's; admin: national),
 * the number of semesters (1–24, default 6) up to `until` (default: the next semester), and the drive
 * limit of interns without one of their own (default 30 min, the matching's).
 */
export const semesterIndicatorsQuery = z.object({
  departement: departementCode.optional(),
  count: queryIntIn(1, 24).default(6),
  until: semesterId.optional(),
  limitMinutes: queryIntIn(5, 240).default(30),
});
export type SemesterIndicatorsQuery = z.infer<typeof semesterIndicatorsQuery>;

/** GET /api/indicators/semesters.csv query: the same, plus the CSV variant (as GET /api/export/sites.csv). */
export const semesterIndicatorsCsvQuery = semesterIndicatorsQuery.extend({
  sep: z.enum([';', ','], { message: 'must be ; or ,' }).optional(),
  format: z.enum(['fr', 'en'], { message: 'must be fr or en' }).optional(),
});

const occupancySchema = z.object({
  siteId: z.number().int(),
  name: z.string(),
  beds: z.number().int(),
  bookedBedDays: z.number().int(),
  availableBedDays: z.number().int(),
  rate: z.number().nullable(),
});

/** GET /api/indicators/semesters response. */
export const semesterIndicatorsResponse = z.object({
  departement: z.string().nullable().describe('the département asked for; null: the caller\'s whole scope'),
  departements: z.array(z.string()).nullable().describe('départements covered; null: national'),
  limitMinutes: z.number().int(),
  semesters: z.array(
    z.object({
      semester: z.object({ id: z.string(), from: z.string(), to: z.string() }),
      interns: z.object({
        placed: z.number().int(),
        housedWithinLimit: z.number().int(),
        housedBeyondLimit: z.number().int(),
        housedDriveUnknown: z.number().int(),
        notHoused: z.number().int(),
        foreign: z.number().int().describe('placed interns of another subdivision than their placement\'s département'),
        subdivisionUnknown: z.number().int(),
      }),
      drive: z.object({ averageMinutes: z.number().nullable(), worstMinutes: z.number().nullable(), counted: z.number().int(), estimate: z.boolean() }),
      occupancy: z.array(occupancySchema),
      aid: aidSchema,
    }),
  ),
});

const SEMESTERS_DOC =
  'Per semester (May–Oct, Nov–Apr), oldest first. *Placed*: interns with a placement at a practice of the scope overlapping the semester. ' +
  '*Housed*: with a live booking (not cancelled) overlapping it; within/beyond compare their longest recorded drive with their own limit, else ' +
  '`limitMinutes`; a booking with no recorded drive is `housedDriveUnknown`. *Foreign*: the intern\'s subdivision differs from the subdivision ' +
  'of their placement\'s département, taken from the subdivision its housing sites record (none: `subdivisionUnknown`). *Drive*: average and ' +
  'worst of each housed intern\'s longest drive. *Occupancy*: the scope\'s sites, booked out of offered bed-days. *Aid*: live (not cancelled) ' +
  'grants dated in the semester to the interns of the scope, per scheme (count, cents) and in total. Staff see their départements ' +
  '(403 for another\'s `departement`); the admin sees every département, or one.';

registerRoute({
  method: 'get',
  path: '/api/indicators/semesters',
  summary: 'Indicators over the last semesters, per département',
  description: SEMESTERS_DOC,
  roles: ['staff', 'admin'],
  tags: ['indicators'],
  request: { query: semesterIndicatorsQuery },
  responses: { 200: { description: 'One entry per semester', schema: semesterIndicatorsResponse } },
});
registerRoute({
  method: 'get',
  path: '/api/indicators/semesters.csv',
  summary: 'Indicators over the last semesters as CSV (UTF-8 with BOM)',
  description:
    `${SEMESTERS_DOC}\n\nOne row per semester. French (default): \`;\`, French headers (semestre, début, fin, internes placés, logés dans la limite, ` +
    'logés au-delà de la limite, logés, trajet inconnu, non logés, internes d\'une autre subdivision, subdivision du département inconnue, trajet moyen (min), ' +
    'trajet le plus long (min), trajets estimés, aides accordées (nombre), aides accordées (€), then `aide <code> : nombre` and `aide <code> : montant (€)` ' +
    'per scheme and `taux d\'occupation (%) : <site>` per site), decimal commas, euros as 1800,00, oui/non. English (`sep=,` or `format=en`): `,`, ' +
    'camelCase headers (aidCount, aidAmountCents, `aid:<code>:count`, `aid:<code>:amountCents`), cents, `occupancy:<siteId>:<name>` as a 0–1 rate.',
  roles: ['staff', 'admin'],
  tags: ['indicators'],
  request: { query: semesterIndicatorsCsvQuery },
  responses: { 200: { description: 'CSV file', schema: z.string(), contentType: 'text/csv' } },
});
