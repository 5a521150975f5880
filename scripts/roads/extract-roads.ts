import { readOsmPbf, type OsmRelation } from '../../server/routing/osm/pbf-reader.ts';
import { carWayRule } from '../../server/routing/osm/car-profile.ts';
import type { ClipMask } from './clip-mask.ts';
import { OsmPbfWriter } from './pbf-writer.ts';

/** Progress of {@link extractRoads}: which pass, bytes read of the current file. */
export interface ExtractProgress {
  phase: string;
  done: number;
  total: number;
}

/** What {@link extractRoads} wrote. */
export interface ExtractReport {
  ways: number;
  nodes: number;
  /** Relations kept (turn restrictions), those whose ways and nodes are all kept. */
  relations: number;
  /** Highway ways read, before clipping. */
  waysRead: number;
}

/**
 * Writes one PBF holding the roads (ways tagged `highway` or routed on by the car profile, their nodes
 * with their tags, and the relations — turn restrictions — among them) of one or several
 * extracts — Geofabrik cuts some regions in parts — keeping, when a mask is given, only the ways with
 * at least one node inside it (whole ways, so none is cut short at the edge). Streaming passes as the
 * importer's: memory grows with the road network, not with the file.
 */
export function extractRoads(inputs: string[], output: string, options: { mask?: ClipMask; onProgress?: (p: ExtractProgress) => void } = {}): ExtractReport {
  const progress = (phase: string) => (done: number, total: number) => options.onProgress?.({ phase, done, total });

  // 1. Node ids used by road ways.
  let refs = new Float64Array(1 << 16);
  let count = 0;
  let waysRead = 0;
  for (const file of inputs) {
    for (const block of readOsmPbf(file, { ways: true, onProgress: progress('ways') })) {
      for (const way of block.ways) {
        if (!isRoad(way.tags) || way.refs.length < 2) continue;
        waysRead++;
        if (count + way.refs.length > refs.length) {
          const grown = new Float64Array(Math.max(refs.length * 2, count + way.refs.length));
          grown.set(refs.subarray(0, count));
          refs = grown;
        }
        for (const r of way.refs) refs[count++] = r;
      }
    }
  }
  const ids = uniqueSorted(refs.subarray(0, count));

  // 2. Their coordinates.
  const lat = new Float64Array(ids.length).fill(NaN);
  const lng = new Float64Array(ids.length).fill(NaN);
  // Tags of road nodes (barriers, crossings…): every key, so whatever the importer reads survives.
  const nodeTags = new Map<number, Record<string, string>>();
  for (const file of inputs) {
    for (const block of readOsmPbf(file, { nodes: true, nodeTagKeys: EVERY_KEY, onProgress: progress('nodes') })) {
      for (let i = 0; i < block.nodeIds.length; i++) {
        const k = binarySearch(ids, block.nodeIds[i]);
        if (k >= 0) {
          lat[k] = block.lats[i];
          lng[k] = block.lngs[i];
        }
      }
      for (const t of block.nodeTags) {
        const k = binarySearch(ids, block.nodeIds[t.index]);
        if (k >= 0) nodeTags.set(k, t.tags);
      }
    }
  }

  // 3. Which ways to keep, and so which nodes to write.
  const needed = new Uint8Array(ids.length);
  const keptWays = new Set<number>();
  const inside = (k: number) => k >= 0 && !Number.isNaN(lat[k]) && (!options.mask || options.mask.contains(lng[k], lat[k]));
  for (const file of inputs) {
    for (const block of readOsmPbf(file, { ways: true, onProgress: progress('clip') })) {
      for (const way of block.ways) {
        if (!isRoad(way.tags) || way.refs.length < 2 || keptWays.has(way.id)) continue;
        const ks = way.refs.map((r) => binarySearch(ids, r));
        if (!ks.some(inside)) continue;
        keptWays.add(way.id);
        for (const k of ks) if (k >= 0 && !Number.isNaN(lat[k])) needed[k] = 1;
      }
    }
  }

  // 4. Write nodes, then ways (each once, even when two parts both carry it), then the relations
  //    (turn restrictions) whose ways and nodes are all kept.
  const writer = new OsmPbfWriter(output);
  try {
    for (let k = 0; k < ids.length; k++) if (needed[k]) writer.node(ids[k], lat[k], lng[k], nodeTags.get(k));
    const written = new Set<number>();
    const relations: OsmRelation[] = [];
    for (const file of inputs) {
      for (const block of readOsmPbf(file, { ways: true, relations: true, onProgress: progress('write') })) {
        for (const way of block.ways) {
          if (!keptWays.has(way.id) || written.has(way.id)) continue;
          written.add(way.id);
          // References to nodes missing from every extract are dropped, as the importer would skip them.
          writer.way(way.id, way.refs.filter((r) => needed[binarySearch(ids, r)] === 1), way.tags);
        }
        for (const rel of block.relations) {
          const complete = rel.members.length > 0 && rel.members.every((m) => (m.type === 1 ? keptWays.has(m.ref) : m.type === 0 ? needed[binarySearch(ids, m.ref)] === 1 : false));
          if (complete) relations.push(rel);
        }
      }
    }
    const seen = new Set<number>();
    for (const rel of relations) {
      if (seen.has(rel.id)) continue;
      seen.add(rel.id);
      writer.relation(rel);
    }
  } finally {
    writer.close();
  }
  return { ways: writer.waysWritten, nodes: writer.nodesWritten, relations: writer.relationsWritten, waysRead };
}

/** A way worth keeping: any `highway`, and whatever else the car profile routes on (ferries). */
const isRoad = (tags: Record<string, string>) => tags.highway !== undefined || carWayRule(tags) !== null;

/** Asks the reader for the tags of every node it meets. */
const EVERY_KEY: ReadonlySet<string> = { has: () => true } as unknown as ReadonlySet<string>;

function uniqueSorted(values: Float64Array): Float64Array {
  const sorted = Float64Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i];
  return sorted.slice(0, n);
}

function binarySearch(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else if (a[mid] > v) hi = mid - 1;
    else return mid;
  }
  return -1;
}
