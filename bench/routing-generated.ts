import { buildBaseGraph, BACKWARD, FORWARD, type BaseGraph } from '../server/routing/graph/road-graph.ts';

/** Deterministic PRNG so every bench run measures the same graphs and points. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Road-like synthetic network: a jittered grid of ~150 m blocks with 30 km/h streets, a 70 km/h
 * arterial every 10th line, a 110 km/h expressway every 60th, 8 % of streets missing and 10 % one-way.
 */
export function generateRoadGraph(nodes: number, seed = 1): BaseGraph {
  const rnd = mulberry32(seed);
  const side = Math.ceil(Math.sqrt(nodes));
  const n = side * side;
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  const step = 0.0015;
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      lng[y * side + x] = 1 + x * step * 1.45 + (rnd() - 0.5) * step * 0.4;
      lat[y * side + x] = 45 + y * step + (rnd() - 0.5) * step * 0.4;
    }
  const cap = 2 * n;
  const a = new Uint32Array(cap);
  const b = new Uint32Array(cap);
  const dir = new Uint8Array(cap);
  const speed = new Float32Array(cap);
  let m = 0;
  const add = (u: number, v: number, line: number) => {
    const major = line % 60 === 0 ? 110 : line % 10 === 0 ? 70 : 0;
    if (!major && rnd() < 0.08) return;
    a[m] = u;
    b[m] = v;
    const oneway = !major && rnd() < 0.1;
    dir[m] = oneway ? (rnd() < 0.5 ? FORWARD : BACKWARD) : FORWARD | BACKWARD;
    speed[m] = major || 30;
    m++;
  };
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const v = y * side + x;
      if (x + 1 < side) add(v, v + 1, y);
      if (y + 1 < side) add(v, v + side, x);
    }
  return buildBaseGraph(lng, lat, { count: m, a, b, dir, speedKmh: speed }, { minComponentNodes: 100 });
}
