import type { AidKind } from '../server/generated/prisma/enums.ts';
import type { RateTable } from '../server/domain/aid/rate-table.ts';

/** An aid scheme as the seed writes it (upserted by `code`). */
export interface AidSchemeSeed {
  code: string;
  name: string;
  departementCode: string | null;
  kind: AidKind;
  amountCents: number;
  rateTable?: RateTable;
  minMonths?: number;
  requiresUnderservedZone?: boolean;
  conflictsWithHousingAid?: boolean;
  rules: string;
  description?: string;
  isDemo?: boolean;
}

/**
 * REFERENCE DATA: the two real schemes of the issue. Loir-et-Cher's FSIM (Fonds de soutien à
 * l'installation des médecins: 1,800 € for a six-month general-practice placement in the
 * département, travel or housing costs) and the national flat housing allowance (150 € a month,
 * decree of 9 October 2020, outpatient placement in an under-served zone, not combinable with
 * public housing aid).
 */
export const aidSchemes: AidSchemeSeed[] = [
  {
    code: 'fsim-41',
    name: 'FSIM — Fonds de soutien à l’installation des médecins (Loir-et-Cher)',
    departementCode: '41',
    kind: 'lump_sum',
    amountCents: 180_000,
    minMonths: 6,
    rules: 'Stage de médecine générale de six mois dans le Loir-et-Cher (internes du 3e cycle, externes du 2e cycle). Pour les frais de déplacement ou de logement. Demandes traitées au fil de l’eau.',
    description: 'Conseil départemental de Loir-et-Cher : 1 800 € par stage de six mois.',
  },
  {
    code: 'ifh-national',
    name: 'Indemnité forfaitaire d’hébergement',
    departementCode: null,
    kind: 'monthly',
    amountCents: 15_000,
    requiresUnderservedZone: true,
    conflictsWithHousingAid: true,
    rules: 'Stage ambulatoire dans une zone sous-dense (zonage de l’ARS). Sur attestation sur l’honneur : l’interne paie un loyer et ne perçoit aucune aide publique au logement (APL, ALS…).',
    description: '150 € par mois de stage (décret du 9 octobre 2020).',
  },
];

/**
 * DEMO DATA: a kilometre allowance as ISNAR-IMG asks for it (growing with the road distance between
 * the university town and the placement), with an invented rate table, funded in the demo by
 * Loir-et-Cher. Staff change the bands on the scheme.
 */
export const demoAidSchemes: AidSchemeSeed[] = [
  {
    code: 'ik-41-demo',
    name: 'Indemnité kilométrique (démo)',
    departementCode: '41',
    kind: 'per_km',
    amountCents: 0,
    rateTable: {
      version: 1,
      bands: [
        { fromKm: 30, toKm: 60, centsPerMonth: 5_000 },
        { fromKm: 60, toKm: 100, centsPerMonth: 10_000 },
        { fromKm: 100, toKm: null, centsPerMonth: 15_000 },
      ],
    },
    rules: 'Par mois de stage, selon la distance par la route entre la ville de faculté de la subdivision et le lieu de stage : 50 € de 30 à 60 km, 100 € de 60 à 100 km, 150 € au-delà.',
    description: 'Barème de démonstration, modifiable sur le dispositif.',
    isDemo: true,
  },
];

/**
 * DEMO DATA: which demo practices are in an under-served zone. Invented for the demo, not the ARS's
 * zoning: staff set each practice's flag from the zoning the ARS publishes (ZIP/ZAC). One practice per
 * département is left unknown (null) so the estimate's "to confirm" shows.
 */
export const demoUnderservedZones: Record<string, boolean | null> = {
  'demo-msp-vendome': true,
  'demo-cabinet-romorantin': true,
  'demo-cabinet-montoire': true,
  'demo-cabinet-mer': false,
  'demo-msp-saint-aignan': true,
  'demo-cabinet-contres': true,
  'demo-cabinet-selles': true,
  'demo-msp-salbris': true,
  'demo-cabinet-lamotte': true,
  'demo-cabinet-mondoubleau': true,
  'demo-cabinet-onzain': false,
  'demo-cabinet-droue': true,
  'demo-msp-montrichard': true,
  'demo-cabinet-neung': true,
  'demo-cabinet-bracieux': null,
  'demo-cabinet-saint-amand': true,
  'demo-cabinet-mennetou': true,
  'demo-indre-cabinet-le-blanc': true,
  'demo-indre-msp-issoudun': null,
  'demo-indre-cabinet-la-chatre': true,
  'demo-indre-cabinet-argenton': true,
  'demo-indre-msp-valencay': true,
};
