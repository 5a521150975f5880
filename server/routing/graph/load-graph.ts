import { buildContractionHierarchy } from '../ch/contraction-hierarchy.ts';
import { importOsmPbf, type ImportProgress } from '../osm/import-osm.ts';
import { graphCachePath, readGraphCache, sha256File, writeGraphCache } from './graph-cache.ts';
import type { RoadGraph } from './road-graph.ts';
import { orderByRank } from './reorder-graph.ts';

/** What {@link loadRoadGraph} did, for logs and the import report. */
export interface LoadReport {
  source: string;
  cacheFile: string;
  fromCache: boolean;
  ms: number;
  nodes: number;
  segments: number;
}

/**
 * Returns the graph of an extract, from the binary cache when the extract's checksum and the
 * format version match, otherwise importing it (and its hierarchy) and writing the cache.
 */
export async function loadRoadGraph(
  source: string,
  cacheDir: string,
  options: { onProgress?: (p: ImportProgress) => void; /** Rebuild even when a cache file exists. */ force?: boolean } = {},
): Promise<{ graph: RoadGraph; report: LoadReport }> {
  const t0 = performance.now();
  const sha = await sha256File(source);
  const cacheFile = graphCachePath(cacheDir, sha);
  const cached = options.force ? undefined : readGraphCache(cacheFile);
  if (cached) {
    const g = cached.graph;
    return { graph: g, report: { source, cacheFile, fromCache: true, ms: performance.now() - t0, nodes: g.nodeCount, segments: g.segA.length } };
  }
  const base = importOsmPbf(source, { onProgress: options.onProgress });
  const { order, ...ch } = buildContractionHierarchy(base, { onProgress: (done, total) => options.onProgress?.({ phase: 'hierarchy', done, total }) });
  const graph: RoadGraph = orderByRank(base, ch, order);
  writeGraphCache(cacheFile, graph, { source, sha256: sha, builtAt: new Date().toISOString() });
  return { graph, report: { source, cacheFile, fromCache: false, ms: performance.now() - t0, nodes: graph.nodeCount, segments: graph.segA.length } };
}
