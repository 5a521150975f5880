import { readOsmPbf } from './pbf-reader.ts';
import { carWayAccess } from '../car-profile.ts';
import { buildBaseGraph, BACKWARD, FORWARD, LIMITED_ACCESS, type BaseGraph } from '../graph/road-graph.ts';

/** Progress of an import, for the CLI's progress bar. */
export interface ImportProgress {
  phase: 'ways' | 'nodes' | 'graph' | 'hierarchy';
  done: number;
  total: number;
}

/** Options of {@link importOsmPbf}. */
export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  /** Drop connected pieces with fewer nodes than this (GraphHopper drops small subnetworks too). */
  minComponentNodes?: number;
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

/**
 * Imports an OSM PBF extract into a car graph in two streaming passes: ways first (keeping only
 * car-routable ones), then only the coordinates of nodes those ways use.
 */
export function importOsmPbf(file: string, options: ImportOptions = {}): BaseGraph {
  const refs = new Grow(new Float64Array(1 << 16));
  const wayStart = new Grow(new Uint32Array(1 << 12));
  const wayDir = new Grow(new Uint8Array(1 << 12));
  const waySpeed = new Grow(new Float32Array(1 << 12));
  for (const block of readOsmPbf(file, { ways: true, onProgress: (d, t) => options.onProgress?.({ phase: 'ways', done: d, total: t }) })) {
    for (const way of block.ways) {
      if (way.refs.length < 2) continue;
      const acc = carWayAccess(way.tags);
      if (!acc) continue;
      wayStart.push(refs.length);
      wayDir.push((acc.forward ? FORWARD : 0) | (acc.backward ? BACKWARD : 0) | (acc.limitedAccess ? LIMITED_ACCESS : 0));
      waySpeed.push(acc.speedKmh);
      for (const r of way.refs) refs.push(r);
    }
  }
  wayStart.push(refs.length);

  const ids = uniqueSorted(refs.view());
  const lng = new Float64Array(ids.length).fill(NaN);
  const lat = new Float64Array(ids.length).fill(NaN);
  for (const block of readOsmPbf(file, { nodes: true, onProgress: (d, t) => options.onProgress?.({ phase: 'nodes', done: d, total: t }) })) {
    for (let i = 0; i < block.nodeIds.length; i++) {
      const k = binarySearch(ids, block.nodeIds[i]);
      if (k >= 0) {
        lng[k] = block.lngs[i];
        lat[k] = block.lats[i];
      }
    }
  }

  const segCap = refs.length;
  const segA = new Uint32Array(segCap);
  const segB = new Uint32Array(segCap);
  const segDirArr = new Uint8Array(segCap);
  const segSpeed = new Float32Array(segCap);
  let count = 0;
  const starts = wayStart.view();
  const r = refs.view();
  for (let w = 0; w + 1 < starts.length; w++) {
    let prev = -1;
    for (let i = starts[w]; i < starts[w + 1]; i++) {
      const k = binarySearch(ids, r[i]);
      if (Number.isNaN(lng[k])) {
        prev = -1; // node missing from a clipped extract: the way is cut there
        continue;
      }
      if (prev >= 0 && prev !== k) {
        segA[count] = prev;
        segB[count] = k;
        segDirArr[count] = wayDir.data[w];
        segSpeed[count] = waySpeed.data[w];
        count++;
      }
      prev = k;
    }
  }
  options.onProgress?.({ phase: 'graph', done: 0, total: 1 });
  return buildBaseGraph(lng, lat, { count, a: segA, b: segB, dir: segDirArr, speedKmh: segSpeed }, { minComponentNodes: options.minComponentNodes ?? 100 });
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
