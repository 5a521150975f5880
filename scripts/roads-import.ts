/**
 * `npm run roads:import -- <file.osm.pbf> [--cache-dir dir] [--force]`: builds the drive-time graph
 * of an OSM extract ahead of time (so the app boots fast), with a progress bar on stderr, and
 * reports nodes, edges, time and peak memory.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { loadRoadGraph } from '../server/routing/load-graph.ts';
import type { ImportProgress } from '../server/routing/osm/import-osm.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const cacheDirArg = args.indexOf('--cache-dir');
const cacheDir = cacheDirArg >= 0 ? path.resolve(args[cacheDirArg + 1]) : path.join(repoRoot, 'data/graphs');
if (!file || !existsSync(file)) {
  process.stderr.write(`usage: npm run roads:import -- <file.osm.pbf> [--cache-dir dir] [--force]\n${file ? `${file} does not exist\n` : ''}`);
  process.exit(2);
}

const LABELS: Record<ImportProgress['phase'], string> = { ways: 'ways  (pass 1)', nodes: 'nodes (pass 2)', graph: 'graph', hierarchy: 'hierarchy' };
let lastDraw = 0;
function draw(p: ImportProgress): void {
  const now = Date.now();
  if (now - lastDraw < 100 && p.done < p.total) return;
  lastDraw = now;
  const frac = p.total > 0 ? p.done / p.total : 0;
  const width = 30;
  const bar = '█'.repeat(Math.round(frac * width)).padEnd(width, '░');
  const rss = Math.round(process.memoryUsage().rss / 1e6);
  process.stderr.write(`\r${LABELS[p.phase].padEnd(15)} ${bar} ${(frac * 100).toFixed(0).padStart(3)}%  rss ${rss} MB   `);
}

const t0 = performance.now();
const { graph, report } = await loadRoadGraph(path.resolve(file), cacheDir, { onProgress: draw, force: args.includes('--force') });
process.stderr.write('\n');
const seconds = ((performance.now() - t0) / 1000).toFixed(1);
const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
const arcs = graph.arcHead.length;
const shortcuts = graph.ch.head.length;
const stats = report.stats;
console.log(
  [
    `source     ${report.source}`,
    `graph      ${report.cacheFile}${report.fromCache ? ' (already built; --force to rebuild)' : ''}`,
    `nodes      ${graph.nodeCount.toLocaleString('en')}`,
    `edges      ${graph.edgeCount.toLocaleString('en')} road pieces, ${arcs.toLocaleString('en')} directed arcs, ${shortcuts.toLocaleString('en')} hierarchy arcs`,
    ...(stats ? [`ways       ${stats.ways.toLocaleString('en')} car-routable`, `turns      ${stats.restrictions} restrictions read, ${stats.droppedRestrictions} not applicable, ${stats.restrictionStates} junction copies`] : []),
    `time       ${seconds} s`,
    `peak RSS   ${peakMb} MB`,
  ].join('\n'),
);
