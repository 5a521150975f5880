import { describe, expect, it } from 'vitest';
import { estimateScheme, placementMonths, schemeConcerns, type PlacementFacts, type SchemeRules } from './estimate-aid.ts';
import { bandFor, parseRateTable } from './rate-table.ts';
import { universityTownOf } from './university-towns.ts';

const fsim: SchemeRules = { id: 1, code: 'fsim-41', name: 'FSIM', departementCode: '41', kind: 'lump_sum', amountCents: 180000, rateTable: null, minMonths: 6, requiresUnderservedZone: false, conflictsWithHousingAid: false };
const ifh: SchemeRules = { id: 2, code: 'ifh', name: 'IFH', departementCode: null, kind: 'monthly', amountCents: 15000, rateTable: null, minMonths: null, requiresUnderservedZone: true, conflictsWithHousingAid: true };
const table = { version: 1, bands: [{ fromKm: 30, toKm: 60, centsPerMonth: 5000 }, { fromKm: 60, toKm: 100, centsPerMonth: 10000 }, { fromKm: 100, toKm: null, centsPerMonth: 15000 }] };
const ik: SchemeRules = { id: 3, code: 'ik', name: 'IK', departementCode: '41', kind: 'per_km', amountCents: 0, rateTable: table, minMonths: null, requiresUnderservedZone: false, conflictsWithHousingAid: false };

const placement = (o: Partial<PlacementFacts> & { zone?: boolean | null; dep?: string } = {}): PlacementFacts => ({
  id: 7,
  startDate: o.startDate ?? '2027-05-01',
  endDate: o.endDate ?? '2027-10-31',
  practices: o.practices ?? [{ name: 'MSP de Vendôme', commune: 'Vendôme', departementCode: o.dep ?? '41', underservedZone: o.zone === undefined ? true : o.zone }],
});
const codes = (e: { reasons: { code: string; outcome: string }[] }) => e.reasons.map((r) => `${r.code}:${r.outcome}`);

describe('placementMonths', () => {
  it('counts a semester (May–Oct, Nov–Apr) as six months and a quarter as three', () => {
    expect(placementMonths('2027-05-01', '2027-10-31')).toBe(6);
    expect(placementMonths('2026-11-02', '2027-04-30')).toBe(6);
    expect(placementMonths('2027-05-01', '2027-07-31')).toBe(3);
  });
});

describe('FSIM (lump sum, département 41, six months)', () => {
  it('is eligible for a six-month placement in Loir-et-Cher: 1,800 €', () => {
    const e = estimateScheme({ scheme: fsim, placement: placement(), housingAid: null });
    expect(e).toMatchObject({ status: 'eligible', amountCents: 180000, months: 6 });
    expect(codes(e)).toEqual(['departement:met', 'placement_months:met']);
  });
  it('is not eligible in another département, nor for a three-month placement', () => {
    const indre = estimateScheme({ scheme: fsim, placement: placement({ dep: '36' }), housingAid: null });
    expect(indre).toMatchObject({ status: 'not_eligible', amountCents: null });
    expect(codes(indre)).toContain('departement:not_met');
    const short = estimateScheme({ scheme: fsim, placement: placement({ endDate: '2027-07-31' }), housingAid: null });
    expect(short.status).toBe('not_eligible');
    expect(short.reasons.find((r) => r.code === 'placement_months')).toMatchObject({ outcome: 'not_met', params: { months: 3, minMonths: 6 } });
  });
  it('counts a split placement with one practice in the département', () => {
    const split = placement({ practices: [{ name: 'A', commune: 'Le Blanc', departementCode: '36', underservedZone: true }, { name: 'B', commune: 'Mer', departementCode: '41', underservedZone: false }] });
    expect(estimateScheme({ scheme: fsim, placement: split, housingAid: null }).status).toBe('eligible');
  });
  it('says granted, with the recorded amount, once staff recorded it', () => {
    const e = estimateScheme({ scheme: fsim, placement: placement(), housingAid: null, granted: { amountCents: 150000, grantedOn: '2027-05-03' } });
    expect(e).toMatchObject({ status: 'granted', amountCents: 150000 });
    expect(e.reasons.at(-1)).toMatchObject({ code: 'already_granted', params: { grantedOn: '2027-05-03' } });
  });
  it('is not eligible without a placement', () => {
    expect(estimateScheme({ scheme: fsim, placement: null, housingAid: false })).toMatchObject({ status: 'not_eligible', reasons: [{ code: 'no_placement' }] });
  });
});

describe('flat housing allowance (150 €/month, under-served zone, not with housing aid)', () => {
  it('is eligible in an under-served zone without housing aid: 6 × 150 €', () => {
    expect(estimateScheme({ scheme: ifh, placement: placement(), housingAid: false })).toMatchObject({ status: 'eligible', amountCents: 90000, monthlyCents: 15000 });
  });
  it('flags the conflict when the intern receives public housing aid (APL)', () => {
    const e = estimateScheme({ scheme: ifh, placement: placement(), housingAid: true });
    expect(e.status).toBe('conflict');
    expect(codes(e)).toContain('housing_aid:conflict');
    expect(e.amountCents).toBe(90000);
  });
  it('asks to confirm while the intern has not answered, or the zone is unknown', () => {
    expect(estimateScheme({ scheme: ifh, placement: placement(), housingAid: null }).status).toBe('to_confirm');
    expect(estimateScheme({ scheme: ifh, placement: placement({ zone: null }), housingAid: false }).status).toBe('to_confirm');
  });
  it('is not eligible outside an under-served zone, whatever the answer', () => {
    const e = estimateScheme({ scheme: ifh, placement: placement({ zone: false }), housingAid: true });
    expect(e).toMatchObject({ status: 'not_eligible', amountCents: null });
    expect(codes(e)).toContain('underserved_zone:not_met');
  });
});

describe('kilometre allowance (rate table by road distance)', () => {
  const at = (km: number | null, estimate = false) => estimateScheme({ scheme: ik, placement: placement(), housingAid: null, distance: { town: 'Tours', km, estimate } });
  it('pays the band the road distance falls in, per month', () => {
    expect(at(57.4)).toMatchObject({ status: 'eligible', monthlyCents: 5000, amountCents: 30000 });
    expect(at(60)).toMatchObject({ monthlyCents: 10000, amountCents: 60000 });
    expect(at(99.9)).toMatchObject({ monthlyCents: 10000 });
    expect(at(250)).toMatchObject({ monthlyCents: 15000, amountCents: 90000 });
    expect(at(57.4).reasons.find((r) => r.code === 'distance_band')?.params).toMatchObject({ town: 'Tours', km: 57.4, fromKm: 30, toKm: 60, estimate: false });
  });
  it('says when the distance is an estimate', () => {
    expect(at(80, true).reasons.find((r) => r.code === 'distance_band')?.params?.estimate).toBe(true);
  });
  it('is not eligible below the first band', () => {
    const e = at(12);
    expect(e).toMatchObject({ status: 'not_eligible', amountCents: null });
    expect(e.reasons.find((r) => r.code === 'distance_below')?.params).toMatchObject({ km: 12, minKm: 30 });
  });
  it('asks to confirm when no road route or no university town is known', () => {
    expect(at(null)).toMatchObject({ status: 'to_confirm', amountCents: null });
    expect(estimateScheme({ scheme: ik, placement: placement(), housingAid: null, distance: { km: null, estimate: false } }).reasons.map((r) => r.code)).toContain('university_town_unknown');
  });
});

describe('rate tables and towns', () => {
  it('refuses overlapping, gapped or open-in-the-middle bands, naming the field', () => {
    expect(() => parseRateTable({ version: 1, bands: [{ fromKm: 0, toKm: 50, centsPerMonth: 1 }, { fromKm: 40, toKm: null, centsPerMonth: 2 }] })).toThrow(/rateTable.bands.1.fromKm/);
    expect(() => parseRateTable({ version: 1, bands: [{ fromKm: 0, toKm: null, centsPerMonth: 1 }, { fromKm: 50, toKm: null, centsPerMonth: 2 }] })).toThrow(/only the last band/);
    expect(() => parseRateTable({ version: 1, bands: [{ fromKm: 10, toKm: 5, centsPerMonth: 1 }] })).toThrow(/toKm/);
    expect(() => parseRateTable({ version: 2, bands: [] })).toThrow(/rateTable.version/);
    expect(bandFor(parseRateTable(table), 29.9)).toBeUndefined();
  });
  it('finds the faculty town of a subdivision written freely', () => {
    expect(universityTownOf('Tours')?.name).toBe('Tours');
    expect(universityTownOf('saint-etienne / Lyon')?.name).toBe('Saint-Étienne');
    expect(universityTownOf('Atlantis')).toBeUndefined();
  });
  it('shows a département’s scheme only where it concerns the placement or the intern', () => {
    expect(schemeConcerns(fsim, placement({ dep: '36' }), '36')).toBe(false);
    expect(schemeConcerns(fsim, placement({ dep: '36' }), '41')).toBe(true);
    expect(schemeConcerns(ifh, null, null)).toBe(true);
  });
});
