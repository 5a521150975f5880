import { describe, expect, it } from 'vitest';
import { parseCsv } from '../inventory-io/csv.ts';
import type { SemesterIndicators } from './indicators-over-semesters.ts';
import { semesterIndicatorsToCsv } from './semester-indicators-csv.ts';

const interns = { placed: 5, housedWithinLimit: 2, housedBeyondLimit: 1, housedDriveUnknown: 1, notHoused: 1, foreign: 1, subdivisionUnknown: 0 };
const ind: SemesterIndicators = {
  departement: '41',
  departements: ['41'],
  limitMinutes: 30,
  semesters: [
    {
      semester: { id: '2081-05', from: '2081-05-01', to: '2081-10-31' },
      interns,
      drive: { averageMinutes: 33.3, worstMinutes: 40, counted: 3, estimate: true },
      occupancy: [
        { siteId: 7, name: 'Internat de Vendôme', beds: 4, bookedBedDays: 644, availableBedDays: 736, rate: 0.875 },
        { siteId: 9, name: '=HYPERLINK("x")', beds: 1, bookedBedDays: 0, availableBedDays: 0, rate: null },
      ],
      aid: {
        count: 3,
        amountCents: 375000,
        schemes: [
          { schemeId: 1, code: 'fsim-41', name: 'FSIM', count: 2, amountCents: 360000 },
          { schemeId: 2, code: 'ifh-national', name: 'Indemnité', count: 1, amountCents: 15000 },
        ],
      },
    },
    {
      semester: { id: '2081-11', from: '2081-11-01', to: '2082-04-30' },
      interns: { ...interns, placed: 0, housedWithinLimit: 0, housedBeyondLimit: 0, housedDriveUnknown: 0, notHoused: 0, foreign: 0 },
      drive: { averageMinutes: null, worstMinutes: null, counted: 0, estimate: false },
      occupancy: [{ siteId: 7, name: 'Internat de Vendôme', beds: 4, bookedBedDays: 0, availableBedDays: 724, rate: 0 }],
      aid: { count: 0, amountCents: 0, schemes: [] },
    },
  ],
};

describe('semesterIndicatorsToCsv', () => {
  it('writes French by default: BOM, `;`, French headers, decimal commas, oui/non, occupancy in %', () => {
    const csv = semesterIndicatorsToCsv(ind);
    expect(csv.startsWith('\ufeffsemestre;début;fin;internes placés;logés dans la limite;logés au-delà de la limite;')).toBe(true);
    const rows = parseCsv(csv).map((r) => r.fields);
    // A site name is never at the start of a cell, so it cannot start a spreadsheet formula.
    expect(rows[0].slice(-2)).toEqual(["taux d'occupation (%) : Internat de Vendôme", 'taux d\'occupation (%) : =HYPERLINK("x")']);
    expect(rows[0].slice(13, 19)).toEqual([
      'aides accordées (nombre)', 'aides accordées (€)', 'aide fsim-41 : nombre', 'aide fsim-41 : montant (€)', 'aide ifh-national : nombre', 'aide ifh-national : montant (€)',
    ]);
    expect(rows[1]).toEqual(['2081-05', '2081-05-01', '2081-10-31', '5', '2', '1', '1', '1', '1', '0', '33,3', '40', 'oui', '3', '3750,00', '2', '3600,00', '1', '150,00', '87,5', '']);
    expect(rows[2]).toEqual(['2081-11', '2081-11-01', '2082-04-30', '0', '0', '0', '0', '0', '0', '0', '', '', 'non', '0', '0,00', '0', '0,00', '0', '0,00', '0', '']);
  });

  it('writes English with `,`: camelCase headers, dots, true/false, occupancy as a rate', () => {
    const rows = parseCsv(semesterIndicatorsToCsv(ind, { lang: 'en', delimiter: ',' }), { delimiter: ',' }).map((r) => r.fields);
    expect(rows[0]).toEqual([
      'semester', 'from', 'to', 'placed', 'housedWithinLimit', 'housedBeyondLimit', 'housedDriveUnknown', 'notHoused', 'foreign', 'subdivisionUnknown',
      'averageDriveMinutes', 'worstDriveMinutes', 'driveEstimate', 'aidCount', 'aidAmountCents',
      'aid:fsim-41:count', 'aid:fsim-41:amountCents', 'aid:ifh-national:count', 'aid:ifh-national:amountCents', 'occupancy:7:Internat de Vendôme', 'occupancy:9:=HYPERLINK("x")',
    ]);
    expect(rows[1].slice(10)).toEqual(['33.3', '40', 'true', '3', '375000', '2', '360000', '1', '15000', '0.875', '']);
  });

});
