/**
 * Latency percentiles of a load run from every response time (ms), computed here rather than read
 * from autocannon's histogram. With a target rate autocannon corrects for coordinated omission with
 * `recordValueWithExpectedInterval(latency, Math.ceil(1 / rate))`, where `rate` is the connection's
 * requests per *second*: an interval of 1 ms instead of 1000 / rate ms. Every response of L ms is then
 * counted about L times (L, L − 1, …, 1), so its p50 and p99 weigh slow answers far beyond their
 * number (measured here: p50 15 ms where the responses' own median was 8.5 ms).
 */
export interface Percentiles {
  p50: number;
  p99: number;
  max: number;
}

/** Percentile (nearest rank) of sorted values; 0 when empty. */
function rank(sorted: number[], q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const round = (x: number) => Math.round(x * 10) / 10;

/** p50, p99 and max of the responses as measured, each counted once. */
export function percentiles(latencies: number[]): Percentiles {
  const s = [...latencies].sort((a, b) => a - b);
  return { p50: round(rank(s, 0.5)), p99: round(rank(s, 0.99)), max: round(s.at(-1) ?? 0) };
}

/**
 * The same with the correction for coordinated omission that autocannon means to apply (HdrHistogram's
 * `recordValueWithExpectedInterval`), with the connection's real interval between requests
 * (`intervalMs` = 1000 × connections / rate): a response slower than the interval also counts the
 * requests its connection would have sent meanwhile, at L − interval, L − 2 × interval, … So a stall is
 * charged to every request it held back, not only to those in flight.
 */
export function correctedPercentiles(latencies: number[], intervalMs: number): Percentiles {
  const all: number[] = [];
  for (const l of latencies) {
    all.push(l);
    if (intervalMs > 0) for (let missed = l - intervalMs; missed >= intervalMs; missed -= intervalMs) all.push(missed);
  }
  return percentiles(all);
}
