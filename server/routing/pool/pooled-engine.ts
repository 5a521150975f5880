import type { WorkerPoolOptions } from '../../workers/worker-pool.ts';
import { toShared } from '../../workers/shared-data.ts';
import { WorkerTaskError, type WorkerPool } from '../../workers/worker-pool.ts';
import type { EngineOptions } from '../embedded-engine.ts';
import type { RoutingGraph } from '../routing-graph.ts';
import {
  PointNotRoutableError,
  PointOutOfBoundsError,
  type DriveTimeProvider,
  type IsochroneOptions,
  type IsochroneResult,
  type LngLat,
  type MatrixOptions,
  type MatrixResult,
} from '../provider.ts';
import { ENGINE_OPTIONS_KEY, ENGINE_TASKS_MODULE, isochronesTask, matrixTask, ROAD_GRAPH_KEY } from './engine-tasks.ts';

/**
 * What a worker pool needs to run the embedded engine: the road graph moved into
 * SharedArrayBuffers (one copy in memory, whatever the number of workers), the engine's default
 * options, and the task module to preload. Spread it into the pool's options.
 */
export function engineWorkerSetup(graph: RoutingGraph, options: EngineOptions): Pick<WorkerPoolOptions, 'shared' | 'preload'> {
  return { shared: { [ROAD_GRAPH_KEY]: toShared(graph), [ENGINE_OPTIONS_KEY]: options }, preload: [ENGINE_TASKS_MODULE] };
}

/** Turns a worker's error back into the engine's own error class (for any task that runs the engine). */
export function reviveEngineError(err: unknown): unknown {
  if (!(err instanceof WorkerTaskError)) return err;
  const p = err.props;
  if (err.remoteName === 'PointNotRoutableError') return new PointNotRoutableError(p.point as LngLat, p.index as number, p.radiusM as number);
  if (err.remoteName === 'PointOutOfBoundsError') return new PointOutOfBoundsError(p.sources as number[], p.destinations as number[], err.message);
  if (err.remoteName === 'RangeError') return new RangeError(err.message);
  return err;
}

/**
 * The embedded engine as seen from the request thread: a {@link DriveTimeProvider} whose work runs
 * on the worker pool, so a large matrix or isochrone never blocks sign-in or the catalogue.
 */
export class PooledEngine implements DriveTimeProvider {
  constructor(
    private readonly pool: WorkerPool,
    readonly name = 'embedded',
  ) {}

  async matrix(sources: LngLat[], destinations: LngLat[], options?: MatrixOptions): Promise<MatrixResult> {
    try {
      return await this.pool.run(matrixTask, { sources, destinations, options });
    } catch (err) {
      throw reviveEngineError(err);
    }
  }

  async isochrones(locations: LngLat[], ranges: number[], options?: IsochroneOptions): Promise<IsochroneResult> {
    try {
      return await this.pool.run(isochronesTask, { locations, ranges, options });
    } catch (err) {
      throw reviveEngineError(err);
    }
  }
}
