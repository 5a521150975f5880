import { readOsmPbf } from './pbf-reader.ts';
import { BARRIER_TAG_KEYS, carBarrierBlocks, carWayRule, type WayRule } from './car-profile.ts';
import { carTurnRestrictions, type OsmTurnRestriction } from './turn-restrictions.ts';
import { BLOCKING_BARRIER, networkFromWays, PASSABLE_BARRIER, type WayInput } from './network-from-ways.ts';
import { buildRoadNetwork } from '../graph/build-network.ts';
import type { RoadNetwork } from '../graph/road-network.ts';
import type { RestrictionInput } from '../graph/network-input.ts';

/** Progress of an import, for the CLI's progress bar. */
export interface ImportProgress {
  phase: 'ways' | 'nodes' | 'graph' | 'hierarchy';
  done: number;
  total: number;
}

/** Options of {@link importOsmPbf}. */
export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  /** GraphHopper's `min_network_size` (ORS: 200): smaller strongly connected pieces are dropped. */
  minNetworkSize?: number;
}

/** What the import found, for the import report. */
export interface ImportStats {
  ways: number;
  restrictions: number;
  droppedRestrictions: number;
  restrictionStates: number;
}

/** Growable typed array: the importer's memory grows with routable ways only, never with the file. */
class Grow<T extends Float64Array | Uint32Array | Uint8Array | Float32Array> {
  length = 0;
  constructor(public data: T) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new (this.data.constructor as new (n: number) => T)(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

/** GraphHopper's way name: `name`, then `ref` after a comma; `;` lists read as commas. */
export function wayName(tags: Record<string, string>): string {
  const fix = (s: string | undefined): string => (s ?? '').replace(/;\s*/g, ', ');
  const name = fix(tags.name);
  const ref = fix(tags.ref);
  if (!ref) return name;
  return name ? `${name}, ${ref}` : ref;
}

/**
 * Imports an OSM PBF extract into the car network in two streaming passes: ways and relations
 * first (keeping only car-routable ways, as a few numbers each, and car turn restrictions), then
 * only the positions and barrier tags of the nodes those ways use.
 */
export function importOsmPbf(file: string, options: ImportOptions = {}): { network: RoadNetwork; stats: ImportStats; restrictions: RestrictionInput[] } {
  const refs = new Grow(new Float64Array(1 << 16));
  const wayStart = new Grow(new Uint32Array(1 << 12));
  const wayIds: number[] = [];
  const rules: WayRule[] = [];
  const wayNames: number[] = [];
  const names: string[] = [''];
  const nameIndex = new Map<string, number>([['', 0]]);
  const restrictions: OsmTurnRestriction[] = [];
  for (const block of readOsmPbf(file, { ways: true, relations: true, onProgress: (d, t) => options.onProgress?.({ phase: 'ways', done: d, total: t }) })) {
    for (const way of block.ways) {
      if (way.refs.length < 2) continue;
      const rule = carWayRule(way.tags);
      if (!rule) continue;
      wayStart.push(refs.length);
      wayIds.push(way.id);
      rules.push(rule);
      const name = wayName(way.tags);
      let id = nameIndex.get(name);
      if (id === undefined) {
        id = names.length;
        names.push(name);
        nameIndex.set(name, id);
      }
      wayNames.push(id);
      for (const r of way.refs) refs.push(r);
    }
    for (const rel of block.relations) restrictions.push(...carTurnRestrictions(rel));
  }
  wayStart.push(refs.length);

  const ids = uniqueSorted(refs.view());
  const lng = new Float64Array(ids.length).fill(NaN);
  const lat = new Float64Array(ids.length).fill(NaN);
  const barrier = new Uint8Array(ids.length);
  for (const block of readOsmPbf(file, { nodes: true, nodeTagKeys: BARRIER_TAG_KEYS, onProgress: (d, t) => options.onProgress?.({ phase: 'nodes', done: d, total: t }) })) {
    for (let i = 0; i < block.nodeIds.length; i++) {
      const k = binarySearch(ids, block.nodeIds[i]);
      if (k >= 0) {
        lng[k] = block.lngs[i];
        lat[k] = block.lats[i];
      }
    }
    for (const { index, tags } of block.nodeTags) {
      const k = binarySearch(ids, block.nodeIds[index]);
      if (k >= 0 && 'barrier' in tags) barrier[k] = carBarrierBlocks(tags) ? BLOCKING_BARRIER : PASSABLE_BARRIER;
    }
  }

  const r = refs.view();
  const indexRefs = new Uint32Array(r.length);
  for (let i = 0; i < r.length; i++) indexRefs[i] = binarySearch(ids, r[i]);
  const starts = wayStart.view();
  const ways: WayInput[] = rules.map((rule, w) => ({ id: wayIds[w], refs: indexRefs.subarray(starts[w], starts[w + 1]), rule, nameId: wayNames[w] }));
  options.onProgress?.({ phase: 'graph', done: 0, total: 1 });
  const input = networkFromWays({ lng, lat, osmId: ids, barrier }, ways, names, restrictions);
  const { network, restrictionStates, restrictions: kept } = buildRoadNetwork(input, { minNetworkSize: options.minNetworkSize ?? 200 });
  options.onProgress?.({ phase: 'graph', done: 1, total: 1 });
  return {
    network,
    stats: { ways: ways.length, restrictions: restrictions.length, droppedRestrictions: input.droppedRestrictions, restrictionStates },
    restrictions: kept,
  };
}

function uniqueSorted(values: Float64Array): Float64Array {
  const sorted = Float64Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i];
  return sorted.slice(0, n);
}

function binarySearch(arr: Float64Array, x: number): number {
  let lo = 0;
  let hi = arr.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = arr[mid];
    if (v < x) lo = mid + 1;
    else if (v > x) hi = mid - 1;
    else return mid;
  }
  return -1;
}
