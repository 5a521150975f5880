import type {
  DriveTimeProvider,
  IsochroneFeature,
  IsochroneOptions,
  IsochroneResult,
  LngLat,
  MatrixOptions,
  MatrixResult,
  SnappedLocation,
  SnappingOptions,
} from './provider.ts';
import { PointNotRoutableError, PointOutOfBoundsError } from './provider.ts';
import { edgeNameId, forwardAdjacency, junctionOf, reverseAdjacency, type Adjacency, type NodeEntry } from './graph/road-network.ts';
import { TreeSearch } from './graph/dijkstra.ts';
import { SearchScratch } from './graph/search-scratch.ts';
import { ManyToMany } from './ch/many-to-many.ts';
import { SegmentIndex, arrivalEntries, departureEntries, sameEdgeCost, type AccessLeg, type Snap } from './snap/segment-index.ts';
import { concaveBallsIsochrones } from './iso/concave-balls.ts';
import { polygonAreaM2 } from './geo/area.ts';
import type { RoutingGraph } from './routing-graph.ts';

/** Options of the embedded engine (each can be overridden per request). */
export interface EngineOptions {
  /** Farthest a point may lie from a road, metres (default 350, as openrouteservice). */
  snapRadiusM?: number;
  /**
   * Speed of the off-road leg from a point to its road, km/h (default 0: not charged, as ORS).
   * Coarse networks, where a town centre can sit kilometres from the nearest modelled road, set it.
   */
  accessSpeedKmh?: number;
  /**
   * Coarse networks (main roads only): avoid snapping onto a motorway when another road is in range,
   * and draw isochrones with the off-road reach the access leg gives.
   */
  preferLocalRoads?: boolean;
  /** Name reported in results (default `embedded`). */
  name?: string;
}

/** ORS's default `maximum_snapping_radius`, metres. */
export const DEFAULT_SNAP_RADIUS_M = 350;

/**
 * The offline drive-time engine, faithful to openrouteservice's driving-car: snapping onto the
 * nearest point of the nearest road, matrices over the contraction hierarchy, isochrones from a
 * bounded shortest-path tree drawn as ORS draws them. Turn restrictions live in the graph itself.
 * Synchronous work behind an async API (a worker pool runs it off the request thread).
 */
export class EmbeddedEngine implements DriveTimeProvider {
  readonly name: string;
  private defaults: Required<Omit<EngineOptions, 'name'>>;
  private index: SegmentIndex;
  private m2m: ManyToMany;
  private tree: TreeSearch;
  private forward: Adjacency;
  /**
   * Reversed arcs, built on the first isochrone towards a destination (only the ORS-compatible API
   * asks for one): 130 MB on a 4 M-node graph, in every worker, that most deployments never use.
   */
  private reversed?: Adjacency;
  private get reverse(): Adjacency {
    this.reversed ??= reverseAdjacency(this.graph);
    return this.reversed;
  }
  /** Restriction copies of each junction that has some (few: a fraction of a percent of nodes). */
  private copies = new Map<number, number[]>();
  private copiesOf = (junction: number): readonly number[] => this.copies.get(junction) ?? [];

  constructor(readonly graph: RoutingGraph, options: EngineOptions = {}) {
    this.name = options.name ?? 'embedded';
    this.defaults = {
      snapRadiusM: options.snapRadiusM ?? DEFAULT_SNAP_RADIUS_M,
      accessSpeedKmh: options.accessSpeedKmh ?? 0,
      preferLocalRoads: options.preferLocalRoads ?? false,
    };
    this.index = new SegmentIndex(graph);
    // One scratch for both searches: they never run at once on this thread.
    const scratch = new SearchScratch(graph.nodeCount);
    this.m2m = new ManyToMany(graph.ch, graph.nodeCount, scratch);
    this.tree = new TreeSearch(graph, scratch);
    this.forward = forwardAdjacency(graph);
    for (let v = 0; v < graph.nodeJunction.length; v++) {
      const j = junctionOf(graph, v);
      if (j === v) continue;
      const list = this.copies.get(j);
      if (list) list.push(v);
      else this.copies.set(j, [v]);
    }
  }

  private boundsBox?: [number, number, number, number];

  /** Bounding box of the road network's junctions, `[minLng, minLat, maxLng, maxLat]` (ORS's graph bounds). */
  get bounds(): [number, number, number, number] {
    if (!this.boundsBox) {
      const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
      const { lng, lat, nodeCount } = this.graph;
      for (let v = 0; v < nodeCount; v++) {
        if (lng[v] < b[0]) b[0] = lng[v];
        if (lat[v] < b[1]) b[1] = lat[v];
        if (lng[v] > b[2]) b[2] = lng[v];
        if (lat[v] > b[3]) b[3] = lat[v];
      }
      this.boundsBox = b;
    }
    return this.boundsBox;
  }

  /** Throws {@link PointOutOfBoundsError} for locations outside the network's box, in ORS's words. */
  private checkBounds(sources: LngLat[], destinations: LngLat[]): void {
    const [x0, y0, x1, y1] = this.bounds;
    const outside = (list: LngLat[]) => list.flatMap((p, i) => (p[0] >= x0 && p[0] <= x1 && p[1] >= y0 && p[1] <= y1 ? [] : [i]));
    const s = outside(sources);
    const d = outside(destinations);
    if (s.length === 0 && d.length === 0) return;
    const say = (kind: string, ids: number[], list: LngLat[]) =>
      ids.length ? `${kind} point(s) [${ids.join(', ')}] out of bounds: ${ids.map((i) => `${list[i][1]},${list[i][0]}`).join('; ')}` : '';
    const message = [say('Source', s, sources), say('Destination', d, destinations)].filter(Boolean).join('. ');
    throw new PointOutOfBoundsError(s, d, message);
  }

  /** The snapping radius used when a request does not say. */
  get snapRadiusM(): number {
    return this.defaults.snapRadiusM;
  }

  /** Snaps a point or throws {@link PointNotRoutableError} naming it (`index` in the request). */
  snap(point: LngLat, index = 0, options: SnappingOptions = {}): Snap {
    const radiusM = options.snapRadiusM ?? this.defaults.snapRadiusM;
    const s = this.index.nearest(point[0], point[1], { radiusM, preferLocalRoads: this.defaults.preferLocalRoads });
    if (!s) throw new PointNotRoutableError(point, index, radiusM);
    return s;
  }

  private leg(options: SnappingOptions): AccessLeg {
    return { speedKmh: options.accessSpeedKmh ?? this.defaults.accessSpeedKmh };
  }

  /** Where a snapped point lies, as ORS reports it. */
  private located(s: Snap | null, resolveNames: boolean | undefined): SnappedLocation | null {
    if (!s) return null;
    const loc: SnappedLocation = { location: [s.lng, s.lat], snappedDistance: s.offroadM };
    if (resolveNames) loc.name = this.graph.names[edgeNameId(this.graph, s.edge)] ?? '';
    return loc;
  }

  /** Durations and distances between every source and every destination. */
  async matrix(sources: LngLat[], destinations: LngLat[], options: MatrixOptions = {}): Promise<MatrixResult> {
    return this.matrixSync(sources, destinations, options);
  }

  /** Synchronous core of {@link matrix}, for benchmarks and worker threads. */
  matrixSync(sources: LngLat[], destinations: LngLat[], options: MatrixOptions = {}): MatrixResult {
    const g = this.graph;
    const leg = this.leg(options);
    if (options.requireInBounds) this.checkBounds(sources, destinations);
    const place = (p: LngLat, i: number): Snap | null => {
      if (options.unroutable !== 'null') return this.snap(p, i, options);
      try {
        return this.snap(p, i, options);
      } catch (err) {
        if (err instanceof PointNotRoutableError) return null;
        throw err;
      }
    };
    const sSnaps = sources.map((p, i) => place(p, i));
    const dSnaps = destinations.map((p, i) => place(p, sources.length + i));
    const from: NodeEntry[][] = sSnaps.map((s) => (s ? departureEntries(g, s, leg) : []));
    const to: NodeEntry[][] = dSnaps.map((s) => (s ? arrivalEntries(g, s, leg, this.copiesOf) : []));
    const raw = this.m2m.run(from, to);
    const T = destinations.length;
    const durations: (number | null)[][] = [];
    const distances: (number | null)[][] = [];
    for (let i = 0; i < sources.length; i++) {
      const dRow: (number | null)[] = [];
      const lRow: (number | null)[] = [];
      for (let j = 0; j < T; j++) {
        let dur = raw.dur[i * T + j];
        let dist = raw.dist[i * T + j];
        const si = sSnaps[i];
        const dj = dSnaps[j];
        if (!si || !dj) {
          dRow.push(null);
          lRow.push(null);
          continue;
        }
        const direct = sameEdgeCost(g, si, dj, leg);
        if (direct && direct.weight <= raw.weight[i * T + j]) ({ dur, dist } = direct);
        if (sources[i][0] === destinations[j][0] && sources[i][1] === destinations[j][1]) dur = dist = 0;
        dRow.push(Number.isFinite(dur) ? Math.round(dur * 100) / 100 : null);
        lRow.push(Number.isFinite(dist) ? Math.round(dist * 100) / 100 : null);
      }
      durations.push(dRow);
      distances.push(lRow);
    }
    return {
      durations,
      distances,
      estimate: false,
      provider: this.name,
      sources: sSnaps.map((s) => this.located(s, options.resolveNames)),
      destinations: dSnaps.map((s) => this.located(s, options.resolveNames)),
    };
  }

  /** One polygon per location and range, drawn from the shortest-path tree as ORS does. */
  async isochrones(locations: LngLat[], rangesSeconds: number[], options: IsochroneOptions = {}): Promise<IsochroneResult> {
    return this.isochronesSync(locations, rangesSeconds, options);
  }

  /** Synchronous core of {@link isochrones}, for benchmarks and worker threads. */
  isochronesSync(locations: LngLat[], ranges: number[], options: IsochroneOptions = {}): IsochroneResult {
    if (ranges.length === 0 || ranges.some((r) => !(r > 0 && Number.isFinite(r)))) throw new RangeError(`isochrone ranges must be positive numbers, got [${ranges.join(', ')}]`);
    const kind = options.rangeType ?? 'time';
    const towards = options.locationType === 'destination';
    const leg = this.leg(options);
    const sorted = [...ranges].sort((a, b) => a - b);
    const maxCost = sorted[sorted.length - 1];
    const features: IsochroneFeature[] = [];
    locations.forEach((loc, group) => {
      const snap = this.snap(loc, group, options);
      const entries = towards ? arrivalEntries(this.graph, snap, leg, this.copiesOf) : departureEntries(this.graph, snap, leg);
      const tree = this.tree.run(entries, maxCost, kind, towards ? this.reverse : this.forward);
      const offroad = this.defaults.preferLocalRoads && leg.speedKmh ? { speedKmh: leg.speedKmh, maxM: options.snapRadiusM ?? this.defaults.snapRadiusM } : undefined;
      const rings = concaveBallsIsochrones(this.graph, tree, { ranges: sorted, kind, smoothing: options.smoothing, reversed: towards, offroad });
      const center: LngLat = [snap.lng, snap.lat];
      rings.forEach((ring, i) => {
        if (!ring) return;
        features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { group_index: group, value: sorted[i], center, area: polygonAreaM2([ring]) } });
      });
    });
    return { type: 'FeatureCollection', features, estimate: false, provider: this.name };
  }
}
