import { sharedData } from '../../workers/shared-data.ts';
import { defineTask } from '../../workers/worker-pool.ts';
import { EmbeddedEngine, type EngineOptions } from '../embedded-engine.ts';
import type { IsochroneOptions, IsochroneResult, LngLat, MatrixOptions, MatrixResult } from '../provider.ts';
import type { RoutingGraph } from '../routing-graph.ts';

/**
 * Worker side of the drive-time engine: each worker thread builds the engine once over the road
 * graph the pool shares (SharedArrayBuffers, not copies) and answers matrix and isochrone tasks.
 */

/** Keys of the pool's shared data read here. */
export const ROAD_GRAPH_KEY = 'roadGraph';
export const ENGINE_OPTIONS_KEY = 'engineOptions';

/** Input of {@link matrix}. */
export interface MatrixTaskInput {
  sources: LngLat[];
  destinations: LngLat[];
  options?: MatrixOptions;
}

/** Input of {@link isochrones}. */
export interface IsochronesTaskInput {
  locations: LngLat[];
  ranges: number[];
  options?: IsochroneOptions;
}

let built: EmbeddedEngine | undefined;

/** This worker's engine over the pool's shared road graph, built once (for other task modules too). */
export function workerEngine(): EmbeddedEngine {
  return engine();
}

function engine(): EmbeddedEngine {
  if (!built) {
    const graph = sharedData<RoutingGraph>(ROAD_GRAPH_KEY);
    if (!graph) throw new Error('this worker pool was not given a road graph');
    built = new EmbeddedEngine(graph, sharedData<EngineOptions>(ENGINE_OPTIONS_KEY) ?? {});
  }
  return built;
}

/** Durations and distances on the worker (see EmbeddedEngine.matrix). */
export function matrix({ sources, destinations, options }: MatrixTaskInput): MatrixResult {
  return engine().matrixSync(sources, destinations, options);
}

/** Isochrone polygons on the worker (see EmbeddedEngine.isochrones). */
export function isochrones({ locations, ranges, options }: IsochronesTaskInput): IsochroneResult {
  return engine().isochronesSync(locations, ranges, options);
}

/** Task references for the request thread. */
export const ENGINE_TASKS_MODULE = new URL(import.meta.url);
export const matrixTask = defineTask<MatrixTaskInput, MatrixResult>(ENGINE_TASKS_MODULE, 'matrix');
export const isochronesTask = defineTask<IsochronesTaskInput, IsochroneResult>(ENGINE_TASKS_MODULE, 'isochrones');

// Preloaded by each worker at start: build the engine now, not on the first request.
if (sharedData<RoutingGraph>(ROAD_GRAPH_KEY)) engine();
