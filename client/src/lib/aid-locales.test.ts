import { describe, expect, it } from 'vitest';
import { AID_REASON_CODES } from '../../../server/domain/aid/estimate-aid.ts';
import en from '../locales/aid.en.json';
import fr from '../locales/aid.fr.json';

/** Every key path of a nested message object, plural suffixes folded (`perMonth_one` → `perMonth`). */
function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k.replace(/_(one|other)$/, '')}`]));
}

describe('aid wording', () => {
  it('has the same messages in French and English', () => {
    expect(new Set(keys(en))).toEqual(new Set(keys(fr)));
  });

  it('words every reason code the estimator gives, in both languages', () => {
    for (const messages of [fr, en]) {
      const reasons = messages.reason as Record<string, Record<string, string>>;
      const missing = AID_REASON_CODES.filter((code) => !reasons[code] || Object.keys(reasons[code]).length === 0);
      expect(missing).toEqual([]);
    }
    // A band with no upper bound has its own wording.
    expect(fr.reason.distance_band_open.any).toContain('au-delà');
  });
});
