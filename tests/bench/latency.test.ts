import { describe, expect, it } from 'vitest';
import { correctedPercentiles, percentiles } from '../../bench/support/latency.ts';

describe('load-run latency percentiles', () => {
  it('counts each response once', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentiles(xs)).toEqual({ p50: 50, p99: 99, max: 100 });
    expect(percentiles([])).toEqual({ p50: 0, p99: 0, max: 0 });
  });

  it('charges a stall to the requests its connection held back, at the connection interval', () => {
    // 99 fast answers and one of 250 ms on a connection sending every 50 ms: the stall held back
    // four more requests (200, 150, 100, 50 ms late).
    const xs = [...Array.from({ length: 99 }, () => 5), 250];
    expect(correctedPercentiles(xs, 50).max).toBe(250);
    const sorted = [...xs, 200, 150, 100, 50].sort((a, b) => a - b);
    expect(correctedPercentiles(xs, 50)).toEqual(percentiles(sorted));
    // Nothing slower than the interval: the same as uncorrected.
    expect(correctedPercentiles([5, 10, 40], 50)).toEqual(percentiles([5, 10, 40]));
  });
});
