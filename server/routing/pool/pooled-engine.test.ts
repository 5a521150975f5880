import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../workers/worker-pool.ts';
import { EmbeddedEngine } from '../embedded-engine.ts';
import { PointNotRoutableError, type LngLat } from '../provider.ts';
import { graphFromWays } from '../test-graph.ts';
import { engineWorkerSetup, PooledEngine } from './pooled-engine.ts';
import { ROAD_GRAPH_KEY } from './engine-tasks.ts';

const at = (x: number, y: number): LngLat => [1 + x * 0.01, 47 + y * 0.01];

function grid() {
  const pts: LngLat[] = [];
  const ways: { nodes: number[]; speedKmh: number; oneway?: boolean }[] = [];
  for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) pts.push(at(x, y));
  for (let y = 0; y < 4; y++) ways.push({ nodes: [0, 1, 2, 3].map((x) => y * 4 + x), speedKmh: 50, oneway: y === 1 });
  for (let x = 0; x < 4; x++) ways.push({ nodes: [0, 1, 2, 3].map((y) => y * 4 + x), speedKmh: 30 });
  return graphFromWays(pts, ways);
}

describe('the engine on worker threads', () => {
  const graph = grid();
  const local = new EmbeddedEngine(graph, { snapRadiusM: 300 });
  let pool: WorkerPool;
  let pooled: PooledEngine;
  beforeAll(() => {
    const setup = engineWorkerSetup(graph, { snapRadiusM: 300 });
    pool = new WorkerPool({ threads: 1, ...setup });
    pooled = new PooledEngine(pool);
  });
  afterAll(() => pool.close());

  it('hands the workers the graph in SharedArrayBuffers', () => {
    const shared = engineWorkerSetup(graph, {}).shared![ROAD_GRAPH_KEY] as typeof graph;
    expect(shared.lng.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared.arcKey.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared.ch.head.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(shared.edgeDur)).toEqual(Array.from(graph.edgeDur));
    expect(shared.names).toEqual(graph.names);
  });

  it('answers matrices and isochrones exactly as the engine on this thread', async () => {
    const pts = [at(0, 0), at(3, 1), at(1.5, 3)];
    expect(await pooled.matrix(pts, pts)).toEqual(await local.matrix(pts, pts));
    const iso = await pooled.isochrones([at(1, 1)], [120, 300], { locationType: 'destination' });
    expect(iso).toEqual(await local.isochrones([at(1, 1)], [120, 300], { locationType: 'destination' }));
    expect(iso.features).toHaveLength(2);
  });

  it('throws the engine own error class for a point off the network', async () => {
    const err = await pooled.matrix([at(0, 0)], [[5, 45]]).catch((e) => e);
    expect(err).toBeInstanceOf(PointNotRoutableError);
    expect(err).toMatchObject({ index: 1, point: [5, 45], radiusM: 300, status: 400, id: 'point_not_routable' });
    // Per-request snapping options reach the worker.
    const wide = await pooled.matrix([at(0, 0)], [at(0.5, 0.5)], { snapRadiusM: 1000, resolveNames: true });
    expect(wide.destinations?.[0]?.snappedDistance).toBeGreaterThan(0);
  });
});
