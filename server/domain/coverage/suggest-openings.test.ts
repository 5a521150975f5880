import { describe, expect, it } from 'vitest';
import { straightLineTestProvider } from '../../../tests/helpers/fake-drive-times.ts';
import { ValidationError } from '../../errors.ts';
import { MAX_CANDIDATES, suggestOpenings } from './suggest-openings.ts';

describe('suggestOpenings bounds', () => {
  it('refuses more candidate places than it may weigh, before reading placements or asking for drive times', async () => {
    let loaded = false;
    const practices = Array.from({ length: MAX_CANDIDATES }, (_, i) => ({ commune: `Commune ${i}`, departementCode: '41', lng: 1 + i / 1000, lat: 47 }));
    const db = {
      practice: { findMany: async () => practices },
      placement: { findMany: async () => ((loaded = true), []) },
      room: { findMany: async () => [] },
      assignment: { findMany: async () => [] },
    } as unknown as Parameters<typeof suggestOpenings>[0];
    const ask = (added: number) =>
      suggestOpenings(db, straightLineTestProvider(), {
        window: { from: '2098-05-01', to: '2098-10-31' },
        scope: { national: true },
        limitMinutes: 30,
        k: 5,
        communes: true,
        added: Array.from({ length: added }, (_, i) => ({ name: `Lieu ${i}`, location: [2, 47 + i / 100] as [number, number] })),
      });
    const err = await ask(1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toMatchObject({ status: 400, field: 'body.candidates', message: expect.stringContaining(`${MAX_CANDIDATES + 1} candidate places`) });
    expect(loaded).toBe(false);
    await expect(ask(0)).resolves.toMatchObject({ candidates: MAX_CANDIDATES, suggestions: [] });
    expect(loaded).toBe(true);
  });
});
