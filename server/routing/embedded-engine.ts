import type { IsochroneFeature, IsochroneOptions, IsochroneResult, LngLat, MatrixResult, DriveTimeProvider } from './provider.ts';
import { PointNotRoutableError } from './provider.ts';
import { forwardAdjacency, reverseAdjacency, type Adjacency, type RoadGraph } from './graph/road-graph.ts';
import { ManyToMany, type NodeEntry } from './ch/many-to-many.ts';
import { TreeSearch } from './graph/dijkstra.ts';
import { SegmentIndex, arrivalEntries, departureEntries, sameSegmentCost, type Snap } from './snap/segment-index.ts';
import { reachField } from './iso/reach-field.ts';
import { fieldPolygon } from './iso/field-polygons.ts';

/** Options of the embedded engine. */
export interface EngineOptions {
  /** Farthest a point may lie from a road, metres (default 2000). */
  snapRadiusM?: number;
  /** Speed of the off-road leg from a point to its road, km/h (default 30: a farm track, a car park). */
  accessSpeedKmh?: number;
  /** Name reported in results (default `embedded`). */
  name?: string;
}

/**
 * The offline drive-time engine: snapping through a grid index, matrices over the contraction
 * hierarchy, isochrones from a bounded shortest-path tree. Synchronous work behind an async API.
 */
export class EmbeddedEngine implements DriveTimeProvider {
  readonly name: string;
  readonly snapRadiusM: number;
  readonly accessSpeedKmh: number;
  private index: SegmentIndex;
  private m2m: ManyToMany;
  private tree: TreeSearch;
  private forward: Adjacency;
  private reverse: Adjacency;

  constructor(readonly graph: RoadGraph, options: EngineOptions = {}) {
    this.name = options.name ?? 'embedded';
    this.snapRadiusM = options.snapRadiusM ?? 2000;
    this.accessSpeedKmh = options.accessSpeedKmh ?? 30;
    this.index = new SegmentIndex(graph);
    this.m2m = new ManyToMany(graph.ch, graph.nodeCount);
    this.tree = new TreeSearch(graph);
    this.forward = forwardAdjacency(graph);
    this.reverse = reverseAdjacency(graph);
  }

  /** Snaps a point or throws {@link PointNotRoutableError} naming it. */
  snap(point: LngLat, index = 0): Snap {
    const s = this.index.nearest(point[0], point[1], this.snapRadiusM);
    if (!s) throw new PointNotRoutableError(point, index, this.snapRadiusM);
    return s;
  }

  /** Durations and distances between every source and every destination. */
  async matrix(sources: LngLat[], destinations: LngLat[]): Promise<MatrixResult> {
    return this.matrixSync(sources, destinations);
  }

  /** Synchronous core of {@link matrix}, for benchmarks. */
  matrixSync(sources: LngLat[], destinations: LngLat[]): MatrixResult {
    const g = this.graph;
    const sSnaps = sources.map((p, i) => this.snap(p, i));
    const dSnaps = destinations.map((p, i) => this.snap(p, sources.length + i));
    const from: NodeEntry[][] = sSnaps.map((s) => departureEntries(g, s, this.accessSpeedKmh));
    const to: NodeEntry[][] = dSnaps.map((s) => arrivalEntries(g, s, this.accessSpeedKmh));
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
        const direct = sameSegmentCost(g, sSnaps[i], dSnaps[j], this.accessSpeedKmh);
        if (direct && direct.dur < dur) ({ dur, dist } = direct);
        if (sources[i][0] === destinations[j][0] && sources[i][1] === destinations[j][1]) dur = dist = 0;
        dRow.push(Number.isFinite(dur) ? Math.round(dur * 100) / 100 : null);
        lRow.push(Number.isFinite(dist) ? Math.round(dist * 100) / 100 : null);
      }
      durations.push(dRow);
      distances.push(lRow);
    }
    return { durations, distances, estimate: false, provider: this.name };
  }

  /** One polygon per location and range, from the shortest-path tree. */
  async isochrones(locations: LngLat[], rangesSeconds: number[], options: IsochroneOptions = {}): Promise<IsochroneResult> {
    return this.isochronesSync(locations, rangesSeconds, options);
  }

  /** Synchronous core of {@link isochrones}, for benchmarks. */
  isochronesSync(locations: LngLat[], ranges: number[], options: IsochroneOptions = {}): IsochroneResult {
    if (ranges.length === 0 || ranges.some((r) => !(r > 0 && Number.isFinite(r)))) throw new RangeError(`isochrone ranges must be positive numbers, got [${ranges.join(', ')}]`);
    const kind = options.rangeType ?? 'time';
    const towards = options.locationType === 'destination';
    const adjacency = towards ? this.reverse : this.forward;
    const sorted = [...ranges].sort((a, b) => a - b);
    const maxCost = sorted[sorted.length - 1];
    const features: IsochroneFeature[] = [];
    locations.forEach((loc, group) => {
      const snap = this.snap(loc, group);
      const entries = towards ? arrivalEntries(this.graph, snap, this.accessSpeedKmh) : departureEntries(this.graph, snap, this.accessSpeedKmh);
      const tree = this.tree.run(entries, maxCost, kind, adjacency);
      const field = reachField(this.graph, tree, { maxCost, kind, accessSpeedKmh: this.accessSpeedKmh, maxOffroadM: this.snapRadiusM, adjacency });
      for (const value of sorted) {
        const { geometry, area } = fieldPolygon(field, value);
        features.push({ type: 'Feature', geometry, properties: { group_index: group, value, center: loc, area } });
      }
    });
    return { type: 'FeatureCollection', features, estimate: false, provider: this.name };
  }
}
