import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../../locales/en.json';
import fr from '../../../locales/fr.json';
import type { ProposedAssignment, Unmatched } from '../api/matching-schema.ts';
import { explainAssignment, explainUnmatched } from './explain.ts';

const i18n = i18next.createInstance();
beforeAll(() => i18n.init({ lng: 'fr', resources: { fr: { translation: fr }, en: { translation: en } }, interpolation: { escapeValue: false } }));

const assignment = (over: Partial<ProposedAssignment>): ProposedAssignment => ({
  internId: 1, internName: 'Léa', practices: ['Vendôme'], wishes: [], note: null, bedId: 3, siteName: 'Internat', roomLabel: '', minutes: [8], estimate: false,
  explanation: 'solver sentence', reasonCode: 'nearest', details: { minutes: 8.3, practices: ['Vendôme'], limit: 30 }, ...over,
});

describe('matching explanations in the reader language', () => {
  it('says why in French from the code and figures', () => {
    expect(explainAssignment(i18n.t, assignment({}))).toBe('8 min de Vendôme (limite 30 min) ; lit libre le plus proche');
    expect(explainAssignment(i18n.t, assignment({ reasonCode: 'closer-taken', details: { minutes: 20, practices: ['A', 'B'], limit: 45, closerTaken: 2, partner: '4' } }))).toBe(
      '20 min de A + B (limite 45 min) ; 2 lits plus proches attribués à d’autres internes ; avec son ou sa conjoint(e)',
    );
  });

  it('says which wish was met, or why none could be (issue 11: wishes in the objective)', () => {
    const d = { minutes: 12, practices: ['Vendôme'], limit: 30 };
    expect(explainAssignment(i18n.t, assignment({ details: { ...d, wishRank: 1 } }))).toBe('12 min de Vendôme (limite 30 min) ; lit libre le plus proche ; votre 1er vœu');
    expect(explainAssignment(i18n.t, assignment({ details: { ...d, wishRank: 3 } }))).toContain('votre 3e vœu');
    expect(explainAssignment(i18n.getFixedT('en'), assignment({ details: { ...d, wishRank: 2 } }))).toContain('your 2nd wish');
    const unmet = { ...d, wishRank: null, wishesUnmet: [{ rank: 1, site: '4', siteName: 'Internat de Blois', reasons: ['full'] }, { rank: 2, site: '5', siteName: 'Gîte de Mer', reasons: ['too far', 'rent'] }] };
    expect(explainAssignment(i18n.t, assignment({ details: unmet }))).toContain('aucun vœu n’a pu être satisfait : Internat de Blois complet, Gîte de Mer trop loin et loyer au-dessus du plafond');
    expect(explainAssignment(i18n.getFixedT('en'), assignment({ details: unmet }))).toContain('no wish could be met: Internat de Blois full, Gîte de Mer too far and rent above the ceiling');
  });

  it('falls back to the solver sentence for an unknown code', () => {
    expect(explainAssignment(i18n.t, assignment({ reasonCode: 'something-new' }))).toBe('solver sentence');
  });

  it('says why an intern has no bed, with the nearest alternative', () => {
    const u: Unmatched = { internId: 2, internName: 'Hugo', practices: ['Salbris'], wishes: [], note: null, reason: 'x', reasonCode: 'no-eligible-bed', details: { limit: 30, practices: ['Salbris'], from: '2026-11-02', to: '2027-04-30' }, nearest: { siteName: 'Internat de Romorantin', minutes: 35.4, reasons: ['too far'] } };
    expect(explainUnmatched(i18n.t, u)).toBe('aucun lit possible à moins de 30 min de Salbris du 2 nov. 2026 au 30 avr. 2027 ; le plus proche : Internat de Romorantin à 35 min (trop loin)');
  });

  it('says every reason against the nearest site, in French and in English (issue 11: the cause was lost)', () => {
    const u: Unmatched = {
      internId: 3, internName: 'Hugo Robert', practices: ['Saint-Aignan'], wishes: [], note: null, reason: 'x', reasonCode: 'all-taken',
      details: { limit: 30, practices: ['Saint-Aignan'], eligibleBeds: 2, from: '2026-11-02', to: '2027-04-30' },
      nearest: { siteName: 'Colocation de Saint-Aignan', minutes: 6.2, reasons: ['rules', 'full'] },
    };
    expect(explainUnmatched(i18n.t, u)).toBe('2 lits possibles à moins de 30 min de Saint-Aignan, tous pris ; le plus proche : Colocation de Saint-Aignan à 6 min (le règlement n’accepte pas de conjoint et complet)');
    expect(explainUnmatched(i18n.getFixedT('en'), u)).toBe('2 possible beds within 30 min of Saint-Aignan, all taken ; nearest: Colocation de Saint-Aignan at 6 min (house rules exclude a partner and full)');
    const couple: Unmatched = { ...u, reasonCode: 'partner', partnerName: 'Jade Roux', nearest: null };
    expect(explainUnmatched(i18n.getFixedT('en'), couple)).toBe('no housing within 30 min of Saint-Aignan has room for Hugo Robert and Jade Roux from 2 Nov 2026 to 30 Apr 2027');
  });

  it('has the same keys in French and English', () => {
    const keys = (o: object, p = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${p}${k}.`) : [`${p}${k}`]));
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });
});
