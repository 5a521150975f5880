import { CsvSyntaxError, parseCsv } from './csv.ts';
import { FRENCH_HEADERS, IMPORTED_COLUMNS, inventorySiteRow, REQUIRED_COLUMNS, SITE_COLUMNS, unguardFormula, VALUE_COLUMNS, type InventorySiteRow, type SiteColumn } from './site-columns.ts';

/** Where an import row came from: a CSV line (header = line 1) or a GeoJSON feature index (0-based). */
export type RowRef = { line: number } | { feature: number };

/** One problem in an import file, e.g. `line 7, rentCents: must not be negative`. */
export interface ImportIssue {
  line?: number;
  feature?: number;
  field?: string;
  message: string;
}

/** A validated row and where it came from. */
export interface ImportRow {
  ref: RowRef;
  row: InventorySiteRow;
}

/** Rows that passed validation and every issue found (the import goes ahead only when there is none). */
export interface ReadResult {
  rows: ImportRow[];
  issues: ImportIssue[];
}

/** `line 7, rentCents: must not be negative`. */
export function formatIssue(i: ImportIssue): string {
  const where = i.line !== undefined ? `line ${i.line}` : i.feature !== undefined ? `feature ${i.feature}` : 'file';
  return `${where}, ${i.field ? `${i.field}: ` : ''}${i.message}`;
}

const NUMBER_COLUMNS = new Set<SiteColumn>(['lng', 'lat', 'rentCents', 'beds']);
const BOOL_COLUMNS = new Set<SiteColumn>(['chargesIncluded', 'furnished', 'partnerAllowed', 'guestsAllowed', 'active', 'planned']);
const REQUIRED_TEXT = new Set<SiteColumn>(['slug', 'name', 'commune', 'departement', 'subdivision', 'funderKind']);
/** Columns where "no value" means "keep what is there" rather than "unknown". */
const KEEP_WHEN_EMPTY = new Set<SiteColumn>(['active', 'planned', 'rooms']);
const TRUE = new Set(['true', '1', 'yes', 'oui']);
const FALSE = new Set(['false', '0', 'no', 'non']);

/** `150`, `150,5`, `150,00 €`, `1 500.00` → whole cents, as text arithmetic (no float rounding); else null. */
export function eurosToCents(v: string): number | null {
  const m = /^(-?)(\d+)(?:[.,](\d{1,2}))?$/.exec(v.replace(/[\s\u00a0\u202f]/g, '').replace(/€$/, ''));
  if (!m) return null;
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -cents : cents;
}

/** A number with a decimal point or (French) a decimal comma. */
const toNumber = (v: string) => Number(/^-?\d+,\d+$/.test(v) ? v.replace(',', '.') : v);

/** Converts one CSV cell to the value the row schema expects; unreadable cells pass through for zod to name. */
function fromCell(column: SiteColumn, cell: string, euros: boolean): unknown {
  const raw = VALUE_COLUMNS.has(column) ? cell : unguardFormula(cell);
  const v = raw.trim();
  if (column === 'amenities') return v === '' ? [] : v.split(';').map((a) => a.trim()).filter(Boolean);
  if (v === '') return KEEP_WHEN_EMPTY.has(column) ? undefined : REQUIRED_TEXT.has(column) ? '' : null;
  if (euros) return eurosToCents(v) ?? raw;
  if (NUMBER_COLUMNS.has(column)) return Number.isFinite(toNumber(v)) ? toNumber(v) : raw;
  if (BOOL_COLUMNS.has(column)) return TRUE.has(v.toLowerCase()) ? true : FALSE.has(v.toLowerCase()) ? false : raw;
  if (column === 'rooms') {
    return v.split('|').map((part) => {
      const i = part.lastIndexOf(':');
      const beds = i < 0 ? '' : part.slice(i + 1).trim();
      return { label: (i < 0 ? part : part.slice(0, i)).trim(), beds: beds !== '' && Number.isFinite(Number(beds)) ? Number(beds) : beds };
    });
  }
  return raw;
}

/** Header (trimmed, any case) → column: English SITE_COLUMNS names or FRENCH_HEADERS; the French rent is in euros. */
const HEADER_COLUMNS = new Map<string, { column: SiteColumn; euros: boolean }>([
  ...SITE_COLUMNS.map((c) => [c.toLowerCase(), { column: c, euros: false }] as const),
  ...SITE_COLUMNS.map((c) => [FRENCH_HEADERS[c].toLowerCase(), { column: c, euros: c === 'rentCents' }] as const),
]);

function validate(ref: RowRef, values: Record<string, unknown>, seen: Map<string, RowRef>, out: ReadResult, names: Map<string, string> = new Map()): void {
  const res = inventorySiteRow.safeParse(values);
  if (!res.success) {
    for (const issue of res.error.issues) {
      const path = issue.path.map(String);
      if (path.length) path[0] = names.get(path[0]) ?? path[0];
      out.issues.push({ ...ref, field: path.join('.') || undefined, message: issue.message });
    }
    return;
  }
  const first = seen.get(res.data.slug);
  if (first) {
    out.issues.push({ ...ref, field: names.get('slug') ?? 'slug', message: `duplicate of ${'line' in first ? `line ${first.line}` : `feature ${first.feature}`}` });
    return;
  }
  seen.set(res.data.slug, ref);
  out.rows.push({ ref, row: res.data });
}

/**
 * Reads a CSV inventory: `;` or `,` separated (detected from the header line), BOM
 * dropped, a header row of SITE_COLUMNS or FRENCH_HEADERS names in any order (`beds`
 * ignored). Issues name the field as the file's header does.
 */
export function readCsvInventory(text: string): ReadResult {
  const out: ReadResult = { rows: [], issues: [] };
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { rows: [], issues: [{ line: e.line, message: e.message.replace(/^line \d+: /, '') }] };
    throw e;
  }
  if (records.length === 0) return { rows: [], issues: [{ line: 1, message: 'the file is empty (a header row is required)' }] };
  const header = records[0].fields.map((h) => h.trim());
  const columns = header.map((h) => HEADER_COLUMNS.get(h.toLowerCase()));
  const names = new Map<string, string>();
  header.forEach((h, i) => {
    const c = columns[i];
    if (!c) out.issues.push({ line: 1, field: h || `column ${i + 1}`, message: 'unknown column' });
    else if (names.has(c.column)) out.issues.push({ line: 1, field: h, message: 'column appears twice' });
    else names.set(c.column, h);
  });
  for (const c of REQUIRED_COLUMNS) if (!names.has(c)) out.issues.push({ line: 1, field: c, message: 'required column is missing' });
  if (out.issues.length) return out;
  const seen = new Map<string, RowRef>();
  for (const rec of records.slice(1)) {
    if (rec.fields.length !== header.length) {
      out.issues.push({ line: rec.line, message: `has ${rec.fields.length} fields, the header has ${header.length}` });
      continue;
    }
    const values: Record<string, unknown> = {};
    columns.forEach((c, i) => {
      if (c && (IMPORTED_COLUMNS as readonly string[]).includes(c.column)) values[c.column] = fromCell(c.column, rec.fields[i], c.euros);
    });
    validate({ line: rec.line }, values, seen, out, names);
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a GeoJSON inventory: a FeatureCollection of Points whose properties use the SITE_COLUMNS names. */
export function readGeoJsonInventory(json: unknown): ReadResult {
  const out: ReadResult = { rows: [], issues: [] };
  if (!isObject(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    return { rows: [], issues: [{ field: 'type', message: 'must be a GeoJSON FeatureCollection' }] };
  }
  const known = new Set<string>(SITE_COLUMNS);
  const seen = new Map<string, RowRef>();
  json.features.forEach((f: unknown, feature) => {
    const ref = { feature };
    if (!isObject(f) || f.type !== 'Feature') return void out.issues.push({ feature, field: 'type', message: 'must be a Feature' });
    const g = f.geometry;
    if (!isObject(g) || g.type !== 'Point' || !Array.isArray(g.coordinates) || g.coordinates.length < 2) {
      return void out.issues.push({ feature, field: 'geometry', message: 'must be a Point with [lng, lat] coordinates' });
    }
    const props = f.properties ?? {};
    if (!isObject(props)) return void out.issues.push({ feature, field: 'properties', message: 'must be an object' });
    const unknown = Object.keys(props).filter((k) => !known.has(k) || k === 'lng' || k === 'lat');
    for (const k of unknown) out.issues.push({ feature, field: k, message: 'unknown property' });
    if (unknown.length) return;
    const values: Record<string, unknown> = { lng: g.coordinates[0], lat: g.coordinates[1] };
    for (const c of IMPORTED_COLUMNS) {
      if (c === 'lng' || c === 'lat' || !(c in props)) continue;
      values[c] = props[c] === null && (KEEP_WHEN_EMPTY.has(c) || c === 'amenities') ? undefined : props[c];
    }
    validate(ref, values, seen, out);
  });
  return out;
}
