import { expect, it } from 'vitest';

/**
 * Where the engine knowingly differs from openrouteservice on its own tests. Each entry is a test
 * of this suite written with ORS's expectation and run as `it.fails`: it must keep failing (if the
 * engine comes to agree, vitest reports it and the entry goes). The README lists them with ORS's
 * value, ours and why ("The ORS-compatible API", differences).
 */
export const KNOWN_DIFFERENCES: Record<string, { ors: string; ours: string; why: string }> = {
  'matrix ResultTest testCrossVirtualNode': {
    ors: 'pairs with location 2 or 3, e.g. durations[1][2] = 1206.56 s, [2][1] = 1200.08 s, [0][2] = 1646.6 s (± 1)',
    ours: '1199.7 s, 1191.2 s, 1639.7 s: the 8 pairs between {0, 1} and {2, 3} are 6.3–9.0 s (0.4–0.9 %) short; 0 ↔ 1 (564.3 s, 513.8 s) and 2 ↔ 3 (207.5 s for 207.97) agree',
    why: "elevation: ORS's test configuration builds driving-car with `elevation: true` (SRTM), so GraphHopper measures edges in 3D, and locations 2 and 3 lie on Hauptweg, a mountain road. ORS's history shows it: commit 06e4809e8 ('Adapt matrix test values for elevation') moved only these pairs (1→2 1203.2 → 1219.2 s), 21aafa2b7 (elevation smoother removed) to 1206.56; our engine has no elevation data. Against ORS without elevation (1203.2, 995.7, 1196.6, 989.2 s for 1→2, 1→3, 2→1, 3→1) ours are still 3.4–5.5 s (0.3–0.6 %) short, not located. Not traffic: `dynamic_speeds` only selects ORS's core matrix, whose weighting gets HERE speeds only with a departure time, and the test's HERE data covers 6 links on two Neckar bridges 2.3 km away",
  },
  'isochrones ResultTest testLocationType': {
    ors: 'area 1,483,816.7 m² (± 34,000) from the location, 1,549,601.2 m² (± 10,000) towards it',
    ours: '1,455,858 m² (−1.9 %, within ORS\'s tolerance) and 1,470,456 m² (−5.1 %)',
    why: "the polygon is drawn as ORS draws it (concave balls) from our reverse shortest-path tree, which honours turn restrictions where ORS's node-based isochrone search does not. ORS's own figure towards the location moves with its GraphHopper fork: 1,114,937 until March 2024, 1,069,855.2 from March 2024, then 1,549,601.2 (+45 %) since commit 007046a8e ('adapt to merge graphhopper#2446') with the request unchanged. Within the issue's 15 %",
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
