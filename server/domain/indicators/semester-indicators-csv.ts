import { writeCsv, type CsvDelimiter } from '../inventory-io/csv.ts';
import { centsToEuros } from '../inventory-io/export-sites.ts';
import type { SemesterIndicators } from './indicators-over-semesters.ts';
import type { SemesterFigures } from './semester-indicators.ts';

/** Which CSV: French (headers, `oui`/`non`, decimal commas, percentages) or English (camelCase headers, rates 0–1). */
export interface IndicatorsCsvVariant {
  lang: 'fr' | 'en';
  delimiter: CsvDelimiter;
}

type Value = number | string | boolean | null | { cents: number };
type Column = { fr: string; en: string; value: (s: SemesterFigures) => Value };

const FIXED: Column[] = [
  { fr: 'semestre', en: 'semester', value: (s) => s.semester.id },
  { fr: 'début', en: 'from', value: (s) => s.semester.from },
  { fr: 'fin', en: 'to', value: (s) => s.semester.to },
  { fr: 'internes placés', en: 'placed', value: (s) => s.interns.placed },
  { fr: 'logés dans la limite', en: 'housedWithinLimit', value: (s) => s.interns.housedWithinLimit },
  { fr: 'logés au-delà de la limite', en: 'housedBeyondLimit', value: (s) => s.interns.housedBeyondLimit },
  { fr: 'logés, trajet inconnu', en: 'housedDriveUnknown', value: (s) => s.interns.housedDriveUnknown },
  { fr: 'non logés', en: 'notHoused', value: (s) => s.interns.notHoused },
  { fr: "internes d'une autre subdivision", en: 'foreign', value: (s) => s.interns.foreign },
  { fr: 'subdivision du département inconnue', en: 'subdivisionUnknown', value: (s) => s.interns.subdivisionUnknown },
  { fr: 'trajet moyen (min)', en: 'averageDriveMinutes', value: (s) => s.drive.averageMinutes },
  { fr: 'trajet le plus long (min)', en: 'worstDriveMinutes', value: (s) => s.drive.worstMinutes },
  { fr: 'trajets estimés', en: 'driveEstimate', value: (s) => s.drive.estimate },
  { fr: 'aides accordées (nombre)', en: 'aidCount', value: (s) => s.aid.count },
  { fr: 'aides accordées (€)', en: 'aidAmountCents', value: (s) => ({ cents: s.aid.amountCents }) },
];

function cell(value: Value, lang: IndicatorsCsvVariant['lang']): string {
  if (value === null) return '';
  if (typeof value === 'object') return lang === 'fr' ? centsToEuros(value.cents) : String(value.cents);
  if (typeof value === 'boolean') return lang === 'fr' ? (value ? 'oui' : 'non') : String(value);
  if (typeof value === 'number' && lang === 'fr') return String(value).replace('.', ',');
  return String(value);
}

/**
 * Indicators over semesters as CSV, one row per semester (oldest first): the fixed columns, then a count
 * and an amount column per aid scheme (French: euros `1800,00`; English: cents), then one occupancy column per site. UTF-8 with a BOM like the inventory export; French by default (`;`, French
 * headers, occupancy in % with a decimal comma); English: camelCase headers, occupancy as a 0–1 rate.
 * Site names come from users; they only ever follow a fixed prefix, so no cell can start a spreadsheet formula.
 */
export function semesterIndicatorsToCsv(ind: SemesterIndicators, variant: IndicatorsCsvVariant = { lang: 'fr', delimiter: ';' }): string {
  const { lang } = variant;
  const sites = new Map<number, string>();
  for (const s of ind.semesters) for (const o of s.occupancy) sites.set(o.siteId, o.name);
  const siteIds = [...sites.keys()];
  const codes = [...new Set(ind.semesters.flatMap((s) => s.aid.schemes.map((a) => a.code)))].sort();
  const schemeColumns: Column[] = codes.flatMap((code) => {
    const of = (s: SemesterFigures) => s.aid.schemes.find((a) => a.code === code);
    return [
      { fr: `aide ${code} : nombre`, en: `aid:${code}:count`, value: (s) => of(s)?.count ?? 0 },
      { fr: `aide ${code} : montant (€)`, en: `aid:${code}:amountCents`, value: (s) => ({ cents: of(s)?.amountCents ?? 0 }) },
    ];
  });
  const columns = [...FIXED, ...schemeColumns];
  const header = [
    ...columns.map((c) => c[lang]),
    ...siteIds.map((id) => (lang === 'fr' ? `taux d'occupation (%) : ${sites.get(id)}` : `occupancy:${id}:${sites.get(id)}`)),
  ];
  const rows = ind.semesters.map((s) => {
    const rate = (id: number) => s.occupancy.find((o) => o.siteId === id)?.rate ?? null;
    return [
      ...columns.map((c) => cell(c.value(s), lang)),
      ...siteIds.map((id) => {
        const r = rate(id);
        return r === null ? '' : lang === 'fr' ? cell(Math.round(r * 1000) / 10, 'fr') : String(r);
      }),
    ];
  });
  return writeCsv([header, ...rows], { bom: true, delimiter: variant.delimiter });
}
