import { describe, expect, it } from 'vitest';
import { matchesSearch } from '../../../components/data-table.tsx';
import { diffOf } from './audit-diff.tsx';

describe('diffOf (audit viewer)', () => {
  it('lists only the fields that changed, before → after, ignoring timestamps', () => {
    expect(diffOf({ name: 'Gîte', rentCents: 100, updatedAt: 'x' }, { name: 'Gîte du Parc', rentCents: 100, updatedAt: 'y' })).toEqual([{ key: 'name', before: 'Gîte', after: 'Gîte du Parc' }]);
  });
  it('shows a creation as new values and a deletion as old ones; lists as JSON, long values cut', () => {
    expect(diffOf(null, { managerIds: [3, 4] })).toEqual([{ key: 'managerIds', after: '[3,4]' }]);
    expect(diffOf({ label: 'Chambre 1' }, undefined)).toEqual([{ key: 'label', before: 'Chambre 1' }]);
    expect(diffOf(undefined, { text: 'x'.repeat(200) })[0].after).toHaveLength(118);
  });
});

describe('matchesSearch', () => {
  it('matches every word, ignoring case and accents', () => {
    expect(matchesSearch('lea vendome', 'Léa Bernard', 'MSP de Vendôme')).toBe(true);
    expect(matchesSearch('lea blois', 'Léa Bernard', 'MSP de Vendôme')).toBe(false);
    expect(matchesSearch('  ', 'anything')).toBe(true);
  });
});
