import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../../locales/en.json';
import fr from '../../../locales/fr.json';
import type { ProposedAssignment, Unmatched } from '../api/matching-schema.ts';
import { explainAssignment, explainUnmatched } from './explain.ts';

const i18n = i18next.createInstance();
beforeAll(() => i18n.init({ lng: 'fr', resources: { fr: { translation: fr }, en: { translation: en } }, interpolation: { escapeValue: false } }));

const assignment = (over: Partial<ProposedAssignment>): ProposedAssignment => ({
  internId: 1, internName: 'Léa', bedId: 3, siteName: 'Internat', roomLabel: '', minutes: [8], estimate: false,
  explanation: 'solver sentence', reasonCode: 'nearest', details: { minutes: 8.3, practices: ['Vendôme'], limit: 30 }, ...over,
});

describe('matching explanations in the reader language', () => {
  it('says why in French from the code and figures', () => {
    expect(explainAssignment(i18n.t, assignment({}))).toBe('8 min de Vendôme (limite 30 min) ; lit libre le plus proche');
    expect(explainAssignment(i18n.t, assignment({ reasonCode: 'closer-taken', details: { minutes: 20, practices: ['A', 'B'], limit: 45, closerTaken: 2, partner: '4' } }))).toBe(
      '20 min de A + B (limite 45 min) ; 2 lits plus proches attribués à d’autres internes ; avec son ou sa conjoint(e)',
    );
  });

  it('falls back to the solver sentence for an unknown code', () => {
    expect(explainAssignment(i18n.t, assignment({ reasonCode: 'something-new' }))).toBe('solver sentence');
  });

  it('says why an intern has no bed, with the nearest alternative', () => {
    const u: Unmatched = { internId: 2, internName: 'Hugo', reason: 'x', reasonCode: 'no-eligible-bed', details: { limit: 30, practices: ['Salbris'] }, nearest: { siteName: 'Internat de Romorantin', minutes: 35.4 } };
    expect(explainUnmatched(i18n.t, u)).toBe('aucun lit possible à moins de 30 min de Salbris pour ces dates ; le plus proche : Internat de Romorantin à 35 min');
  });

  it('has the same keys in French and English', () => {
    const keys = (o: object, p = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${p}${k}.`) : [`${p}${k}`]));
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });
});
