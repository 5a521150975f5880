import { CsvSyntaxError, parseCsv } from './csv.ts';
import { IMPORTED_COLUMNS, inventorySiteRow, REQUIRED_COLUMNS, SITE_COLUMNS, unguardFormula, VALUE_COLUMNS, type InventorySiteRow, type SiteColumn } from './site-columns.ts';

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

/** Converts one CSV cell to the value the row schema expects; unreadable cells pass through for zod to name. */
function fromCell(column: SiteColumn, cell: string): unknown {
  const raw = VALUE_COLUMNS.has(column) ? cell : unguardFormula(cell);
  const v = raw.trim();
  if (column === 'amenities') return v === '' ? [] : v.split(';').map((a) => a.trim()).filter(Boolean);
  if (v === '') return KEEP_WHEN_EMPTY.has(column) ? undefined : REQUIRED_TEXT.has(column) ? '' : null;
  if (NUMBER_COLUMNS.has(column)) return Number.isFinite(Number(v)) ? Number(v) : raw;
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

function validate(ref: RowRef, values: Record<string, unknown>, seen: Map<string, RowRef>, out: ReadResult): void {
  const res = inventorySiteRow.safeParse(values);
  if (!res.success) {
    for (const issue of res.error.issues) out.issues.push({ ...ref, field: issue.path.map(String).join('.') || undefined, message: issue.message });
    return;
  }
  const first = seen.get(res.data.slug);
  if (first) {
    out.issues.push({ ...ref, field: 'slug', message: `duplicate of ${'line' in first ? `line ${first.line}` : `feature ${first.feature}`}` });
    return;
  }
  seen.set(res.data.slug, ref);
  out.rows.push({ ref, row: res.data });
}

/** Reads a CSV inventory (header row of SITE_COLUMNS names, any order; `beds` ignored). */
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
  const known = new Set<string>(SITE_COLUMNS);
  header.forEach((h, i) => {
    if (!known.has(h)) out.issues.push({ line: 1, field: h || `column ${i + 1}`, message: 'unknown column' });
    else if (header.indexOf(h) !== i) out.issues.push({ line: 1, field: h, message: 'column appears twice' });
  });
  for (const c of REQUIRED_COLUMNS) if (!header.includes(c)) out.issues.push({ line: 1, field: c, message: 'required column is missing' });
  if (out.issues.length) return out;
  const seen = new Map<string, RowRef>();
  for (const rec of records.slice(1)) {
    if (rec.fields.length !== header.length) {
      out.issues.push({ line: rec.line, message: `has ${rec.fields.length} fields, the header has ${header.length}` });
      continue;
    }
    const values: Record<string, unknown> = {};
    header.forEach((h, i) => {
      if ((IMPORTED_COLUMNS as readonly string[]).includes(h)) values[h] = fromCell(h as SiteColumn, rec.fields[i]);
    });
    validate({ line: rec.line }, values, seen, out);
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
