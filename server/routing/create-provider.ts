import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { DriveTimeCacheStore, DriveTimeProvider } from './provider.ts';
import { EmbeddedEngine, type EngineOptions } from './embedded-engine.ts';
import { EstimateProvider, ESTIMATE_DETOUR_FACTOR, ESTIMATE_SPEED_KMH } from './estimate-provider.ts';
import { OrsProvider, type RoutingLogger } from './ors/ors-provider.ts';
import { MemoryCacheStore } from './memory-cache-store.ts';
import { loadRoadGraph } from './load-graph.ts';
import type { ImportProgress } from './osm/import-osm.ts';
import { engineWorkerSetup, PooledEngine } from './pool/pooled-engine.ts';
import { WorkerPool, type WorkerPoolOptions } from '../workers/worker-pool.ts';
import { sharedBytes } from '../workers/shared-data.ts';

/** Default snapping radius on the coarse shared demo network. */
export const DEMO_SNAP_RADIUS_M = 5000;
/** Default snapping radius of the app's own searches elsewhere (a house at the end of a farm track). */
export const APP_SNAP_RADIUS_M = 2000;
/** Speed of the off-road leg between a point and its road in the app's own searches, km/h. */
export const ACCESS_LEG_KMH = 30;

/** Everything the app's config module knows about drive times; nothing here reads process.env. */
export interface CreateProviderOptions {
  /** ROAD_NETWORK: an OSM PBF extract to route on. */
  roadNetwork?: string;
  /** `<repo>/data/roads`: any `*.osm.pbf` placed there is used when ROAD_NETWORK is unset. */
  roadsDir: string;
  /** `<repo>/../shared/data/france-main-roads.osm.pbf`: the demo network, last resort. */
  sharedDemoNetwork?: string;
  /** Where built graphs are cached (`<repo>/data/graphs`). */
  cacheDir: string;
  orsApiKey?: string;
  orsHost?: string;
  /** Snapping radius in metres (default 2000; 5000 on the shared demo network). */
  snapRadiusM?: number;
  /** Cache of ORS answers (database in production); in-memory when absent. */
  cacheStore?: DriveTimeCacheStore;
  logger?: RoutingLogger;
  /** Progress of a graph build (not called when the graph comes from the cache), for start-up output. */
  onProgress?: (p: ImportProgress) => void;
  /**
   * Run the engine on a pool of worker threads (created here, returned as `workers`, also for
   * other CPU-heavy work). Without it the engine runs on the calling thread (scripts, benches).
   */
  workers?: Omit<WorkerPoolOptions, 'shared' | 'preload'>;
}

/** What the app gets: its provider, what it is, and the embedded engine for the ORS-compatible API. */
export interface DriveTimes {
  provider: DriveTimeProvider;
  description: string;
  /** The embedded engine, never the ORS provider (the ORS-compatible API runs on it); absent without road data. */
  embedded?: DriveTimeProvider;
  /** The worker pool, when `workers` was given. */
  workers?: WorkerPool;
  source: DriveTimeSource;
}

/** Where drive times come from, for the start-up banner and the interface. */
export interface DriveTimeSource {
  kind: 'openrouteservice' | 'embedded' | 'estimate';
  /** The road extract of the embedded engine (also under openrouteservice, as its fallback). */
  roads?: { file: string; why: string };
}

/**
 * Picks the road data in the documented order (ROAD_NETWORK, then data/roads/*.osm.pbf, then the
 * shared demo network, else none), loads or builds its graph, and puts ORS in front when a key or
 * host is configured. Logs what it chose, so `npm start` says where drive times come from.
 */
export async function createDriveTimeProvider(options: CreateProviderOptions): Promise<DriveTimes> {
  const log = options.logger;
  const source = resolveRoadNetwork(options);
  let base: DriveTimeProvider;
  let embedded: DriveTimeProvider | undefined;
  let workers: WorkerPool | undefined;
  let description: string;
  if (source) {
    const { graph, report } = await loadRoadGraph(source.file, options.cacheDir, { onProgress: options.onProgress });
    // The demo network has no communal roads: town centres can sit 2–3 km from it, and only
    // motorways may be near some of them. Everywhere, the off-road leg from a placement or a house
    // to its road is charged (ORS does not; its own endpoints ask the engine not to).
    const coarse = source.why === 'shared demo network';
    const engineOptions: EngineOptions = {
      snapRadiusM: options.snapRadiusM ?? (coarse ? DEMO_SNAP_RADIUS_M : APP_SNAP_RADIUS_M),
      accessSpeedKmh: ACCESS_LEG_KMH,
      preferLocalRoads: coarse,
    };
    let where = 'on this thread';
    if (options.workers) {
      const setup = engineWorkerSetup(graph, engineOptions);
      workers = new WorkerPool({ ...options.workers, ...setup });
      base = new PooledEngine(workers);
      where = `on ${workers.threads} worker thread(s) sharing ${Math.round(sharedBytes(setup.shared) / 1e6)} MB of graph`;
    } else {
      base = new EmbeddedEngine(graph, engineOptions);
    }
    embedded = base;
    description = `embedded engine on ${source.file} (${source.why}; ${report.nodes} nodes, ${report.fromCache ? 'cached graph' : 'graph built'} in ${Math.round(report.ms)} ms; ${where})`;
  } else {
    if (options.workers) workers = new WorkerPool(options.workers);
    base = new EstimateProvider();
    description = `straight-line estimate (no road network found; distance × ${ESTIMATE_DETOUR_FACTOR} at ${ESTIMATE_SPEED_KMH} km/h, results flagged estimate)`;
  }
  if (options.orsApiKey || options.orsHost) {
    const provider = new OrsProvider({
      apiKey: options.orsApiKey,
      host: options.orsHost,
      cache: options.cacheStore ?? new MemoryCacheStore(),
      fallback: base,
      logger: log,
    });
    description = `openrouteservice (${options.orsHost ?? 'public API'}), falling back to ${description}`;
    log?.info({ driveTimes: description }, 'drive times: openrouteservice');
    return { provider, description, embedded, workers, source: { kind: 'openrouteservice', roads: source } };
  }
  if (source) log?.info({ driveTimes: description }, 'drive times: embedded engine');
  else log?.warn({ driveTimes: description }, 'drive times: straight-line estimate only');
  return { provider: base, description, embedded, workers, source: { kind: source ? 'embedded' : 'estimate', roads: source } };
}

/** The road extract to use and why, or `undefined` when there is none. */
export function resolveRoadNetwork(o: Pick<CreateProviderOptions, 'roadNetwork' | 'roadsDir' | 'sharedDemoNetwork'>): { file: string; why: string } | undefined {
  if (o.roadNetwork) {
    if (!existsSync(o.roadNetwork)) throw new Error(`ROAD_NETWORK points to ${o.roadNetwork}, which does not exist`);
    return { file: o.roadNetwork, why: 'ROAD_NETWORK' };
  }
  if (existsSync(o.roadsDir)) {
    const found = readdirSync(o.roadsDir).filter((f) => f.endsWith('.osm.pbf')).sort();
    if (found.length > 0) return { file: path.join(o.roadsDir, found[0]), why: `found in ${o.roadsDir}` };
  }
  if (o.sharedDemoNetwork && existsSync(o.sharedDemoNetwork)) return { file: o.sharedDemoNetwork, why: 'shared demo network' };
  return undefined;
}
