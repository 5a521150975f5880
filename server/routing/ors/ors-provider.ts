import Openrouteservice from 'openrouteservice-js';
import type { DriveTimeCacheStore, DriveTimeProvider, IsochroneFeature, IsochroneOptions, IsochroneResult, LngLat, MatrixResult } from '../provider.ts';
import { Quota } from './quota.ts';

/** Logger shape shared with pino. */
export interface RoutingLogger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
}

/** Options of {@link OrsProvider}. */
export interface OrsProviderOptions {
  /** Public API key (api.openrouteservice.org). */
  apiKey?: string;
  /** Self-hosted ORS base, e.g. `http://ors:8080/ors`. */
  host?: string;
  cache: DriveTimeCacheStore;
  /** Used when ORS refuses (quota spent) or fails: the embedded engine or the estimate. */
  fallback: DriveTimeProvider;
  logger?: RoutingLogger;
  perMinute?: number;
  perDay?: number;
  /** Retries of a 429 after the advised delay. */
  maxRetries?: number;
  /** Largest sources × destinations per matrix request (public API: 3500). */
  maxMatrixRoutes?: number;
  timeoutMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const PROFILE = 'driving-car';
/** 5 decimals ≈ 1 m: the same door asked twice hits the cache, two doors never share an entry. */
const round = (p: LngLat): LngLat => [Math.round(p[0] * 1e5) / 1e5, Math.round(p[1] * 1e5) / 1e5];

/**
 * openrouteservice through openrouteservice-js, with every answer cached (profile, rounded
 * locations, ranges or targets), the free quota respected, 429 retried after the advised delay and a
 * spent quota (403) logged clearly before falling back to the cache or the fallback provider.
 */
export class OrsProvider implements DriveTimeProvider {
  readonly name = 'openrouteservice';
  private quotas: Record<'matrix' | 'isochrones', Quota>;
  private matrixClient: { calculate(args: Record<string, unknown>): Promise<unknown> };
  private isoClient: { calculate(args: Record<string, unknown>): Promise<unknown> };

  constructor(private o: OrsProviderOptions) {
    if (!o.apiKey && !o.host) throw new Error('OrsProvider needs an API key (ORS_API_KEY) or a host (ORS_HOST)');
    const now = o.now ?? Date.now;
    const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    const q = () => new Quota(o.perMinute ?? 40, o.perDay ?? 500, now, sleep);
    this.quotas = { matrix: q(), isochrones: q() };
    const args = { ...(o.apiKey ? { api_key: o.apiKey } : { api_key: '' }), ...(o.host ? { host: o.host } : {}), timeout: o.timeoutMs ?? 20_000 };
    this.matrixClient = new Openrouteservice.Matrix(args);
    this.isoClient = new Openrouteservice.Isochrones(args);
  }

  /**
   * Matrix from ORS (or cache, or fallback), split into requests of at most `maxMatrixRoutes`
   * source×destination pairs (the public API's limit), each cached on its own.
   */
  async matrix(sources: LngLat[], destinations: LngLat[]): Promise<MatrixResult> {
    const maxRoutes = this.o.maxMatrixRoutes ?? 3500;
    const dStep = Math.min(destinations.length, maxRoutes);
    const sStep = Math.max(1, Math.floor(maxRoutes / Math.max(1, dStep)));
    const durations: (number | null)[][] = sources.map(() => []);
    const distances: (number | null)[][] = sources.map(() => []);
    const providers = new Set<string>();
    let estimate = false;
    for (let s = 0; s < sources.length; s += sStep) {
      for (let d = 0; d < destinations.length; d += dStep) {
        const part = await this.matrixBlock(sources.slice(s, s + sStep), destinations.slice(d, d + dStep));
        part.durations.forEach((row, i) => durations[s + i].push(...row));
        part.distances.forEach((row, i) => distances[s + i].push(...row));
        providers.add(part.provider);
        estimate ||= part.estimate;
      }
    }
    return { durations, distances, estimate, provider: [...providers].join('+') || this.name };
  }

  private async matrixBlock(sources: LngLat[], destinations: LngLat[]): Promise<MatrixResult> {
    const key = `ors:${PROFILE}:matrix:${JSON.stringify({ s: sources.map(round), d: destinations.map(round) })}`;
    return this.cached(key, 'matrix', async () => {
      const res = (await this.matrixClient.calculate({
        profile: PROFILE,
        locations: [...sources, ...destinations],
        sources: sources.map((_, i) => i),
        destinations: destinations.map((_, j) => sources.length + j),
        metrics: ['duration', 'distance'],
        units: 'm',
      })) as { durations: (number | null)[][]; distances: (number | null)[][] };
      const result: MatrixResult = { durations: res.durations, distances: res.distances, estimate: false, provider: this.name };
      return result;
    }, () => this.o.fallback.matrix(sources, destinations));
  }

  /** Isochrones from ORS (or cache, or fallback), at most 5 locations per request as the public API allows. */
  async isochrones(locations: LngLat[], ranges: number[], options: IsochroneOptions = {}): Promise<IsochroneResult> {
    const features: IsochroneFeature[] = [];
    const providers = new Set<string>();
    let estimate = false;
    for (let i = 0; i < locations.length; i += 5) {
      const part = await this.isochronesBlock(locations.slice(i, i + 5), ranges, options);
      for (const f of part.features) features.push({ ...f, properties: { ...f.properties, group_index: f.properties.group_index + i } });
      providers.add(part.provider);
      estimate ||= part.estimate;
    }
    return { type: 'FeatureCollection', features, estimate, provider: [...providers].join('+') || this.name };
  }

  private async isochronesBlock(locations: LngLat[], ranges: number[], options: IsochroneOptions): Promise<IsochroneResult> {
    const rangeType = options.rangeType ?? 'time';
    const locationType = options.locationType ?? 'start';
    const key = `ors:${PROFILE}:isochrones:${JSON.stringify({ l: locations.map(round), r: [...ranges].sort((a, b) => a - b), t: rangeType, lt: locationType })}`;
    return this.cached(key, 'isochrones', async () => {
      const res = (await this.isoClient.calculate({
        profile: PROFILE,
        locations,
        range: ranges,
        range_type: rangeType,
        location_type: locationType,
        attributes: ['area'],
        area_units: 'm',
      })) as { features: IsochroneFeature[] };
      const features = [...res.features].sort((a, b) => a.properties.group_index - b.properties.group_index || a.properties.value - b.properties.value);
      return { type: 'FeatureCollection', features, estimate: false, provider: this.name } satisfies IsochroneResult;
    }, () => this.o.fallback.isochrones(locations, ranges, options));
  }

  private async cached<T>(key: string, endpoint: 'matrix' | 'isochrones', call: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    const hit = await this.o.cache.get(key);
    if (hit !== undefined) return hit as T;
    const quota = this.quotas[endpoint];
    if (!quota.available()) {
      this.o.logger?.warn({ endpoint, fallback: this.o.fallback.name }, `openrouteservice ${endpoint} quota spent for today: using ${this.o.fallback.name}`);
      return fallback();
    }
    for (let attempt = 0; ; attempt++) {
      await quota.take();
      try {
        const value = await call();
        await this.o.cache.set(key, this.name, value);
        return value;
      } catch (err) {
        const e = err as { status?: number; response?: { headers?: Headers } };
        if (e.status === 429 && attempt < (this.o.maxRetries ?? 2)) {
          const delay = retryDelayMs(e.response?.headers);
          this.o.logger?.info({ endpoint, delayMs: delay }, 'openrouteservice rate limit (429): retrying after the advised delay');
          await (this.o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))))(delay);
          continue;
        }
        if (e.status === 403) {
          quota.markSpent();
          this.o.logger?.warn(
            { endpoint, fallback: this.o.fallback.name },
            `openrouteservice refused the ${endpoint} request (403): daily quota spent or key invalid; using ${this.o.fallback.name} until tomorrow`,
          );
        } else {
          this.o.logger?.warn({ endpoint, status: e.status, err: String(err) }, `openrouteservice ${endpoint} failed: using ${this.o.fallback.name}`);
        }
        return fallback();
      }
    }
  }
}

/** Seconds from `Retry-After` (or ORS's `x-ratelimit-reset` epoch), capped at a minute. */
function retryDelayMs(headers: Headers | undefined): number {
  const after = headers?.get('retry-after');
  if (after && !Number.isNaN(Number(after))) return Math.min(60_000, Number(after) * 1000);
  const reset = headers?.get('x-ratelimit-reset');
  if (reset && !Number.isNaN(Number(reset))) return Math.min(60_000, Math.max(0, Number(reset) * 1000 - Date.now()));
  return 1000;
}
