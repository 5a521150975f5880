import { describe, expect, it } from 'vitest';
import { readRunSummary } from './stored-run.ts';

describe('readRunSummary', () => {
  it('reads a preview and an apply through schemas, each malformed field as null, never a cast', () => {
    const preview = readRunSummary({
      kind: 'preview',
      input: { window: { from: '2027-05-01', to: '2027-10-31' }, limitMinutes: 30, instance: { interns: [{}, {}, {}], beds: [{}] } },
      result: { housed: 2, unmatched: [{ intern: 'a' }], totalMinutes: 31.5, estimate: false, assignments: [] },
    });
    expect(preview.input).toEqual({ window: { from: '2027-05-01', to: '2027-10-31' }, limitMinutes: 30, previewRunId: null, instance: { interns: [{}, {}, {}], beds: [{}] } });
    expect(preview.summary).toEqual({ interns: 3, beds: 1, housed: 2, unmatched: 1, totalMinutes: 31.5, estimate: false });
    const apply = readRunSummary({ kind: 'apply', input: { previewRunId: 7, window: { from: 'x', to: 'y' } }, result: { created: 2, kept: 0, cancelled: 1, bumped: [] } });
    expect(apply.input.previewRunId).toBe(7);
    expect(apply.summary).toEqual({ created: 2, kept: 0, cancelled: 1, bumped: [] });
    // Damaged or old runs still list, with nulls where the shape is wrong.
    const damaged = readRunSummary({ kind: 'preview', input: 'nonsense', result: { housed: 'two', unmatched: 3 } });
    expect(damaged.input).toEqual({ window: null, limitMinutes: null, previewRunId: null, instance: null });
    expect(damaged.summary).toEqual({ interns: null, beds: null, housed: null, unmatched: null, totalMinutes: null, estimate: null });
  });
});
