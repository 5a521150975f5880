import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readGraphCache, writeGraphCache } from './graph-cache.ts';
import { EmbeddedEngine } from './embedded-engine.ts';
import { graphFromWays } from './test-graph.ts';
import type { LngLat } from './provider.ts';
import type { RoutingGraph } from './routing-graph.ts';

const at = (x: number, y: number): LngLat => [1 + x * 0.01, 47 + y * 0.01];
const dir = mkdtempSync(path.join(tmpdir(), 'graph-cache-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A 4×4 grid, a bent street (interior geometry points) and a destination-only street when asked. */
function grid(options: { penalty?: boolean; restricted?: boolean } = {}): RoutingGraph {
  const pts: LngLat[] = [];
  for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) pts.push(at(x, y));
  pts.push(at(1.5, 1.3), at(1.7, 1.6));
  const ways: Parameters<typeof graphFromWays>[1] = [];
  for (let y = 0; y < 4; y++) ways.push({ nodes: [0, 1, 2, 3].map((x) => y * 4 + x), speedKmh: 50, oneway: y === 1 });
  for (let x = 0; x < 4; x++) ways.push({ nodes: [0, 1, 2, 3].map((y) => y * 4 + x), speedKmh: 30 });
  ways.push({ nodes: [5, 16, 17, 10], speedKmh: 40 });
  if (options.penalty) ways.push({ nodes: [0, 15], tags: { highway: 'residential', access: 'destination', name: 'Impasse' } });
  const restrictions = options.restricted ? [{ kind: 'no' as const, from: 4, via: 0, to: 0 }] : [];
  return graphFromWays(pts, ways, { restrictions });
}

function roundTrip(g: RoutingGraph, name: string): RoutingGraph {
  const file = path.join(dir, `${name}.graph`);
  writeGraphCache(file, g);
  const read = readGraphCache(file);
  if (!read) throw new Error('not read back');
  return read.graph;
}

describe('graph cache', () => {
  it('answers undefined for a file that is not there', () => {
    expect(readGraphCache(path.join(dir, 'missing.graph'))).toBeUndefined();
  });

  it('stores the weight once when it is the time, and reads back the same answers', () => {
    const g = grid();
    expect(g.edgeWeight).toBe(g.edgeDur);
    expect(g.ch.weight).toBe(g.ch.dur);
    for (const implied of [g.keyHead, g.keyTail, g.nodeJunction, g.arcHead, g.edgeName, g.ch.dir]) expect(implied).toHaveLength(0);
    expect(g.geomLng.length).toBeGreaterThan(0);
    const back = roundTrip(g, 'plain');
    expect(back.edgeWeight).toBe(back.edgeDur);
    expect(back.ch.weight).toBe(back.ch.dur);
    expect(back.lng.buffer).toBeInstanceOf(SharedArrayBuffer);
    for (const key of ['lng', 'edgeDur', 'geomFirst', 'geomLng', 'arcKey', 'keyHead'] as const) expect(Array.from(back[key])).toEqual(Array.from(g[key]));
    const pts = [at(0, 0), at(1.6, 1.45), at(3, 2.5), at(0.2, 3)];
    expect(new EmbeddedEngine(back).matrixSync(pts, pts)).toEqual(new EmbeddedEngine(g).matrixSync(pts, pts));
    expect(new EmbeddedEngine(back).isochronesSync([at(1, 1)], [60, 120])).toEqual(new EmbeddedEngine(g).isochronesSync([at(1, 1)], [60, 120]));
  });

  it('keeps separate weights and per-key lists where the graph needs them', () => {
    const g = grid({ penalty: true, restricted: true });
    expect(g.edgeWeight).not.toBe(g.edgeDur);
    expect(g.ch.weight).not.toBe(g.ch.dur);
    expect(g.keyHead.length).toBe(2 * g.edgeCount);
    expect(g.nodeJunction.length).toBe(g.nodeCount);
    expect(g.arcHead.length).toBe(g.arcKey.length);
    expect(g.edgeName).toBeInstanceOf(Uint8Array);
    expect(g.names[Math.max(...g.edgeName)]).toBe('Impasse');
    const back = roundTrip(g, 'restricted');
    expect(back.edgeWeight).not.toBe(back.edgeDur);
    expect(Array.from(back.edgeWeight)).toEqual(Array.from(g.edgeWeight));
    expect(Array.from(back.keyTail)).toEqual(Array.from(g.keyTail));
    const pts = [at(0, 0), at(1.6, 1.45), at(3, 2.5), at(0.2, 3), at(0, 1)];
    expect(new EmbeddedEngine(back).matrixSync(pts, pts)).toEqual(new EmbeddedEngine(g).matrixSync(pts, pts));
  });
});
