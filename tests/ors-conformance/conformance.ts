import { expect, it } from 'vitest';

/**
 * Where the engine knowingly differs from openrouteservice on its own tests. Each entry is a test
 * of this suite written with ORS's expectation and run as `it.fails`: it must keep failing (if the
 * engine comes to agree, vitest reports it and the entry goes). The README lists them with ORS's
 * value, ours and why ("The ORS-compatible API", differences).
 */
export const KNOWN_DIFFERENCES: Record<string, { ors: string; ours: string; why: string }> = {
  'matrix ResultTest testCrossVirtualNode': {
    ors: 'e.g. durations[0][1] = 564.3 s, [1][0] = 513.8 s, [0][2] = 1646.6 s (± 1)',
    ours: '485.4 s, 439.5 s, 1560.8 s: every non-zero pair 0.25–14.5 % shorter',
    why: "not the U-turns (forbidden, as ORS) nor snapping (the points snap onto through roads; 2 and 3 onto the same one and their pair agrees). The gaps add up per location: ~79 s to or from location 0, ~7 s for 2 and 3, ~0 for 1. This request asks for dynamic_speeds, so ORS answers on its core with the HERE traffic speeds its test configuration loads for driving-car; our engine has no traffic data",
  },
  'matrix ResultTest testCrossVirtualNode, within 10 %': {
    ors: '564.3 s and 513.8 s between locations 0 and 1',
    ours: '485.4 s (−14 %) and 439.5 s (−14.5 %); the 10 other pairs are within 6.2 %',
    why: 'same pairs as above',
  },
  'isochrones ResultTest testLocationType': {
    ors: 'area 1,483,816.7 m² (± 34,000) from the location, 1,549,601.2 m² (± 10,000) towards it',
    ours: '1,537,940 m² (+3.6 %) and 1,571,232 m² (+1.4 %)',
    why: "the polygon is drawn as ORS draws it (concave balls) but from our shortest-path tree, which honours turn restrictions where ORS's node-based isochrone search does not; small differences in edge times near the 200 s limit move the hull. Within the issue's 15 %",
  },
};

/** `it`, or `it.fails` for a {@link KNOWN_DIFFERENCES} entry. */
export function orsCase(name: string, fn: () => Promise<void>, timeout?: number): void {
  (KNOWN_DIFFERENCES[name] ? it.fails : it)(name, fn, timeout);
}

/** Hamcrest's `closeTo(expected, error)`, as ORS's tests use it. */
export function expectClose(actual: unknown, expected: number, error: number, what = ''): void {
  expect(typeof actual, what).toBe('number');
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs ${expected} ± ${error}`).toBeLessThanOrEqual(error + 1e-9);
}

/** The tolerance: within `share` of ORS's value (exactly 0 when ORS says 0). */
export function expectWithin(actual: unknown, expected: number, share: number, what = ''): void {
  expect(typeof actual, what).toBe('number');
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs ${expected} ± ${share * 100} %`).toBeLessThanOrEqual(Math.abs(expected) * share + 1e-9);
}

/** A POST to the ORS-compatible API, as RestAssured sends it in ORS's tests (JSON in, JSON accepted). */
export async function orsPost(base: string, path: string, body: unknown, accept = 'application/json'): Promise<{ status: number; body: any }> {
  const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
