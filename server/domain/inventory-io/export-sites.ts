import type { PrismaClient } from '../../generated/prisma/client.ts';
import { sitesIn, type Scope } from '../departements/visibility.ts';
import { writeCsv, type CsvDelimiter } from './csv.ts';
import { FRENCH_HEADERS, guardFormula, SITE_COLUMNS, VALUE_COLUMNS, type SiteColumn } from './site-columns.ts';

type Db = Pick<PrismaClient, 'site'>;

/** Every site (active, planned or not) of the scope's départements with its rooms and bed counts, ordered by slug so exports diff well. */
export async function loadInventory(db: Db, scope: Scope = { national: true }) {
  const sites = await db.site.findMany({
    where: sitesIn(scope),
    orderBy: { slug: 'asc' },
    include: { rooms: { orderBy: { label: 'asc' }, include: { _count: { select: { beds: true } } } } },
  });
  return sites.map(({ rooms, ...site }) => ({ ...site, rooms: rooms.map((r) => ({ label: r.label, beds: r._count.beds })) }));
}

export type InventorySite = Awaited<ReturnType<typeof loadInventory>>[number];

/** A site as a plain record of the documented columns, with JSON values (what GeoJSON properties carry). */
export function inventoryRecord(site: InventorySite): Record<SiteColumn, unknown> {
  return {
    slug: site.slug,
    name: site.name,
    address: site.address,
    commune: site.commune,
    departement: site.departement,
    subdivision: site.subdivision,
    lng: site.lng,
    lat: site.lat,
    funderKind: site.funderKind,
    funderName: site.funderName,
    rentCents: site.rentCents,
    chargesIncluded: site.chargesIncluded,
    chargesNote: site.chargesNote,
    furnished: site.furnished,
    amenities: site.amenities,
    partnerAllowed: site.partnerAllowed,
    guestsAllowed: site.guestsAllowed,
    houseRules: site.houseRules,
    description: site.description,
    contactName: site.contactName,
    contactEmail: site.contactEmail,
    contactPhone: site.contactPhone,
    active: site.active,
    planned: site.planned,
    source: site.source,
    rooms: site.rooms,
    beds: site.rooms.reduce((n, r) => n + r.beds, 0),
  };
}

/** Which CSV: French (headers, euros, `oui`/`non`, decimal commas) or English (SITE_COLUMNS, cents, true/false), and the separator. */
export interface CsvVariant {
  lang: 'fr' | 'en';
  delimiter: CsvDelimiter;
}

/** Cents as euros with a decimal comma and two decimals: 15000 → `150,00`. */
export function centsToEuros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const a = Math.abs(cents);
  return `${sign}${Math.floor(a / 100)},${String(a % 100).padStart(2, '0')}`;
}

/** One CSV cell: null → empty, lists joined by `;`, rooms as `label:beds|label:beds`; French: euros, oui/non, decimal commas. */
function cell(column: SiteColumn, value: unknown, lang: CsvVariant['lang']): string {
  if (value === null || value === undefined) return '';
  if (column === 'rooms') return (value as { label: string; beds: number }[]).map((r) => `${r.label}:${r.beds}`).join('|');
  if (Array.isArray(value)) return value.join(';');
  if (lang === 'fr') {
    if (column === 'rentCents') return centsToEuros(value as number);
    if (typeof value === 'boolean') return value ? 'oui' : 'non';
    if (typeof value === 'number') return String(value).replace('.', ',');
  }
  return String(value);
}

/**
 * The inventory as CSV with a UTF-8 BOM so spreadsheets read accents, text cells
 * guarded against formulas. French by default (FRENCH_HEADERS, `;`, rent in euros);
 * `{ lang: 'en', delimiter: ',' }` gives the SITE_COLUMNS headers and the rent in cents.
 */
export function inventoryToCsv(sites: InventorySite[], variant: CsvVariant = { lang: 'fr', delimiter: ';' }): string {
  const rows = sites.map((s) => {
    const rec = inventoryRecord(s);
    return SITE_COLUMNS.map((c) => (VALUE_COLUMNS.has(c) ? cell(c, rec[c], variant.lang) : guardFormula(cell(c, rec[c], variant.lang))));
  });
  const header = variant.lang === 'fr' ? SITE_COLUMNS.map((c) => FRENCH_HEADERS[c]) : [...SITE_COLUMNS];
  return writeCsv([header, ...rows], { bom: true, delimiter: variant.delimiter });
}

/** The inventory as a GeoJSON FeatureCollection of Points (`[lng, lat]`); properties hold the other columns. */
export function inventoryToGeoJson(sites: InventorySite[]) {
  return {
    type: 'FeatureCollection' as const,
    features: sites.map((s) => {
      const { lng, lat, ...properties } = inventoryRecord(s);
      return { type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [lng as number, lat as number] }, properties };
    }),
  };
}
