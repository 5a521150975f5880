import { mulberry32 } from '../server/lib/seeded-random.ts';
import { BACKWARD, FORWARD, type NetworkInput } from '../server/routing/graph/network-input.ts';

/**
 * Road-like synthetic network: a jittered grid of ~150 m blocks with 30 km/h streets, a 70 km/h
 * arterial every 10th line, a 110 km/h expressway every 60th, 8 % of streets missing and 10 % one-way.
 * Every grid point is a junction (the hard case for a hierarchy: real networks are mostly chains).
 */
export function generateRoadNetwork(nodes: number, seed = 1): NetworkInput {
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
  const flags = new Uint8Array(cap);
  const speed = new Float32Array(cap);
  let m = 0;
  const add = (u: number, v: number, line: number) => {
    const major = line % 60 === 0 ? 110 : line % 10 === 0 ? 70 : 0;
    if (!major && rnd() < 0.08) return;
    a[m] = u;
    b[m] = v;
    const oneway = !major && rnd() < 0.1;
    flags[m] = oneway ? (rnd() < 0.5 ? FORWARD : BACKWARD) : FORWARD | BACKWARD;
    speed[m] = major || 30;
    m++;
  };
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const v = y * side + x;
      if (x + 1 < side) add(v, v + 1, y);
      if (y + 1 < side) add(v, v + side, x);
    }
  const geomFirst = new Uint32Array(m + 1);
  const geomLng = new Float64Array(2 * m);
  const geomLat = new Float64Array(2 * m);
  for (let e = 0; e < m; e++) {
    geomFirst[e + 1] = 2 * (e + 1);
    geomLng[2 * e] = lng[a[e]];
    geomLat[2 * e] = lat[a[e]];
    geomLng[2 * e + 1] = lng[b[e]];
    geomLat[2 * e + 1] = lat[b[e]];
  }
  return {
    lng,
    lat,
    edges: {
      count: m,
      a: a.slice(0, m),
      b: b.slice(0, m),
      flags: flags.slice(0, m),
      speedKmh: speed.slice(0, m),
      weightFactor: new Float32Array(m).fill(1),
      name: new Uint32Array(m),
      geomFirst,
      geomLng,
      geomLat,
    },
    names: [''],
    restrictions: [],
  };
}
