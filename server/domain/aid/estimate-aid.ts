import type { AidKind } from '../../generated/prisma/enums.ts';
import { bandFor, parseRateTable } from './rate-table.ts';

/**
 * THE AID ESTIMATOR, pure: for one intern and one placement, each scheme they may claim, how much,
 * and why (or why not). No database, no HTTP: the loader (load-aid-estimate.ts) gathers the facts,
 * including the road distance from the drive-time provider, and this decides. Reasons are codes with
 * parameters, so the client words them in French or English.
 */

/** A scheme's rules as the estimator reads them (an `AidScheme` row fits). */
export interface SchemeRules {
  id: number;
  code: string;
  name: string;
  departementCode: string | null;
  kind: AidKind;
  amountCents: number;
  rateTable: unknown;
  minMonths: number | null;
  requiresUnderservedZone: boolean;
  conflictsWithHousingAid: boolean;
}

/** The placement the estimate is for, with its practice(s) (a split placement has two). */
export interface PlacementFacts {
  id: number;
  startDate: string;
  endDate: string;
  practices: { name: string; commune: string; departementCode: string | null; underservedZone: boolean | null }[];
}

/**
 * Road distance from the intern's university town to the placement: `town` undefined when the
 * subdivision's town is unknown, `km` null when no road route was found; `estimate` when it comes
 * from the straight-line stand-in (no road data), which the interface must say.
 */
export interface DistanceFacts {
  town?: string;
  km: number | null;
  estimate: boolean;
}

/** Every reason code the estimator gives (the client has words for each: client/src/lib/aid-locales.test.ts). */
export const AID_REASON_CODES = [
  'no_placement',
  'nationwide',
  'departement',
  'placement_months',
  'underserved_zone',
  'housing_aid',
  'university_town_unknown',
  'no_route',
  'distance_band',
  'distance_below',
  'already_granted',
] as const;

/** How one condition came out. */
export type ReasonOutcome = 'met' | 'not_met' | 'unknown' | 'conflict' | 'info';
/** One condition of a scheme, as a code with parameters (worded by the client). */
export interface AidReason {
  code: (typeof AID_REASON_CODES)[number];
  outcome: ReasonOutcome;
  params?: Record<string, string | number | boolean | null>;
}
/**
 * eligible: every condition met; to_confirm: none failed but one is unknown (a question to answer);
 * conflict: cannot be combined with aid the intern receives; not_eligible: a condition failed;
 * granted: staff already recorded it for this placement.
 */
export type AidStatus = 'eligible' | 'to_confirm' | 'conflict' | 'not_eligible' | 'granted';

export interface SchemeEstimate {
  schemeId: number;
  code: string;
  name: string;
  kind: AidKind;
  departementCode: string | null;
  status: AidStatus;
  /** For the whole placement; null when not eligible or not computable. */
  amountCents: number | null;
  /** Monthly schemes: the amount per month. */
  monthlyCents: number | null;
  months: number | null;
  reasons: AidReason[];
}

const DAY_MS = 86_400_000;
/** Average month length in days (365.25 / 12). */
const MONTH_DAYS = 30.4375;

/** Whole months of a placement, dates inclusive (a semester, May–Oct or Nov–Apr, is 6). */
export function placementMonths(startDate: string, endDate: string): number {
  const days = (Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / DAY_MS + 1;
  return Math.max(0, Math.round(days / MONTH_DAYS));
}

/** Rounds a road distance for display and band lookup (0.1 km). */
const roundKm = (km: number) => Math.round(km * 10) / 10;

/**
 * Decides one scheme for one placement. `housingAid` is the intern's own answer (null: not given);
 * `granted` is a live grant of this scheme already recorded for the placement.
 */
export function estimateScheme(input: {
  scheme: SchemeRules;
  placement: PlacementFacts | null;
  housingAid: boolean | null;
  distance?: DistanceFacts;
  granted?: { amountCents: number; grantedOn: string };
}): SchemeEstimate {
  const { scheme, placement, housingAid, distance, granted } = input;
  const reasons: AidReason[] = [];
  const base = { schemeId: scheme.id, code: scheme.code, name: scheme.name, kind: scheme.kind, departementCode: scheme.departementCode };
  if (!placement) {
    return { ...base, status: 'not_eligible', amountCents: null, monthlyCents: null, months: null, reasons: [{ code: 'no_placement', outcome: 'not_met' }] };
  }
  const months = placementMonths(placement.startDate, placement.endDate);

  if (scheme.departementCode === null) reasons.push({ code: 'nationwide', outcome: 'info' });
  else {
    const inIt = placement.practices.some((p) => p.departementCode === scheme.departementCode);
    reasons.push({ code: 'departement', outcome: inIt ? 'met' : 'not_met', params: { departementCode: scheme.departementCode } });
  }
  if (scheme.minMonths !== null) {
    reasons.push({ code: 'placement_months', outcome: months >= scheme.minMonths ? 'met' : 'not_met', params: { months, minMonths: scheme.minMonths } });
  }
  if (scheme.requiresUnderservedZone) {
    const zoned = placement.practices.find((p) => p.underservedZone === true);
    const unknown = placement.practices.find((p) => p.underservedZone === null);
    const practice = (zoned ?? unknown ?? placement.practices[0]).name;
    reasons.push({ code: 'underserved_zone', outcome: zoned ? 'met' : unknown ? 'unknown' : 'not_met', params: { practice } });
  }
  if (scheme.conflictsWithHousingAid) {
    reasons.push({ code: 'housing_aid', outcome: housingAid === true ? 'conflict' : housingAid === null ? 'unknown' : 'met' });
  }

  let monthlyCents: number | null = scheme.kind === 'monthly' ? scheme.amountCents : null;
  if (scheme.kind === 'per_km') {
    const table = parseRateTable(scheme.rateTable);
    if (!distance?.town) reasons.push({ code: 'university_town_unknown', outcome: 'unknown' });
    else if (distance.km === null) reasons.push({ code: 'no_route', outcome: 'unknown', params: { town: distance.town } });
    else {
      const km = roundKm(distance.km);
      const band = bandFor(table, km);
      if (band) {
        monthlyCents = band.centsPerMonth;
        reasons.push({ code: 'distance_band', outcome: 'met', params: { town: distance.town, km, estimate: distance.estimate, fromKm: band.fromKm, toKm: band.toKm, centsPerMonth: band.centsPerMonth } });
      } else {
        reasons.push({ code: 'distance_below', outcome: 'not_met', params: { town: distance.town, km, estimate: distance.estimate, minKm: table.bands[0].fromKm } });
      }
    }
  }

  const amountCents = scheme.kind === 'lump_sum' ? scheme.amountCents : monthlyCents === null ? null : monthlyCents * months;
  const outcomes = new Set(reasons.map((r) => r.outcome));
  if (granted) {
    reasons.push({ code: 'already_granted', outcome: 'info', params: { amountCents: granted.amountCents, grantedOn: granted.grantedOn } });
    return { ...base, status: 'granted', amountCents: granted.amountCents, monthlyCents, months, reasons };
  }
  const status: AidStatus = outcomes.has('not_met') ? 'not_eligible' : outcomes.has('conflict') ? 'conflict' : outcomes.has('unknown') ? 'to_confirm' : 'eligible';
  return { ...base, status, amountCents: status === 'not_eligible' ? null : amountCents, monthlyCents: status === 'not_eligible' ? null : monthlyCents, months, reasons };
}

/** True when a scheme concerns a placement at all: nationwide, or funded by one of its practices' départements or the intern's. */
export function schemeConcerns(scheme: Pick<SchemeRules, 'departementCode'>, placement: PlacementFacts | null, internDepartement: string | null): boolean {
  if (scheme.departementCode === null) return true;
  if (scheme.departementCode === internDepartement) return true;
  return placement?.practices.some((p) => p.departementCode === scheme.departementCode) ?? false;
}
