import { importOsmPbf, type ImportProgress, type ImportStats } from './osm/import-osm.ts';
import { graphCachePath, readGraphCache, sha256File, writeGraphCache } from './graph-cache.ts';
import { withHierarchy, type RoutingGraph } from './routing-graph.ts';

/** What {@link loadRoadGraph} did, for logs and the import report. */
export interface LoadReport {
  source: string;
  cacheFile: string;
  fromCache: boolean;
  ms: number;
  nodes: number;
  edges: number;
  /** Present when the graph was built in this call. */
  stats?: ImportStats;
}

/**
 * Returns the graph of an extract, from the binary cache when the extract's checksum and the
 * graph-building code match, otherwise importing it (and its hierarchy) and writing the cache.
 */
export async function loadRoadGraph(
  source: string,
  cacheDir: string,
  options: { onProgress?: (p: ImportProgress) => void; /** Rebuild even when a cache file exists. */ force?: boolean } = {},
): Promise<{ graph: RoutingGraph; report: LoadReport }> {
  const t0 = performance.now();
  const sha = await sha256File(source);
  const cacheFile = graphCachePath(cacheDir, sha);
  const cached = options.force ? undefined : readGraphCache(cacheFile);
  if (cached) {
    const g = cached.graph;
    return { graph: g, report: { source, cacheFile, fromCache: true, ms: performance.now() - t0, nodes: g.nodeCount, edges: g.edgeCount } };
  }
  const { network, stats } = importOsmPbf(source, { onProgress: options.onProgress });
  const graph = withHierarchy(network, { onProgress: (done, total) => options.onProgress?.({ phase: 'hierarchy', done, total }) });
  writeGraphCache(cacheFile, graph, { source, sha256: sha, builtAt: new Date().toISOString(), stats });
  return { graph, report: { source, cacheFile, fromCache: false, ms: performance.now() - t0, nodes: graph.nodeCount, edges: graph.edgeCount, stats } };
}
