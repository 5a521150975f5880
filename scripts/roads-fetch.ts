/**
 * `npm run roads:fetch -- <region | URL> [--clip <codes | in-use>] [--margin-km 20] [--no-build]`
 *
 * Gets real roads for the embedded drive-time engine in one command: downloads a French region from
 * Geofabrik by name (`centre-val-de-loire`, `bretagne`…; Geofabrik's own names work too) or any
 * `.osm.pbf` URL with its `.md5` beside it — with a progress bar, resuming an interrupted download,
 * refusing one whose MD5 does not match — optionally keeps only the roads around some départements
 * (`--clip 41,37`, or `--clip in-use` for those of the practices and sites in the database), writes
 * the extract to `data/roads/`, and builds its graph so the next `npm start` loads it at once.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/config.ts';
import { createLogger } from '../server/logger.ts';
import { loadRoadGraph } from '../server/routing/load-graph.ts';
import { resolveRoadNetwork } from '../server/routing/create-provider.ts';
import { createProgressReporter, formatDuration } from '../server/startup/progress.ts';
import { buildClipMask } from './roads/clip-mask.ts';
import { departementsOf, readDepartements, selectDepartements } from './roads/departements.ts';
import { downloadVerified } from './roads/download.ts';
import { extractRoads } from './roads/extract-roads.ts';
import { resolveRoadSource } from './roads/regions.ts';

const USAGE = 'usage: npm run roads:fetch -- <region | https://…/file.osm.pbf> [--clip <41,37 | in-use>] [--margin-km 20] [--no-build]';
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const target = args.find((a, i) => !a.startsWith('--') && !['--clip', '--margin-km'].includes(args[i - 1]));
if (!target || args.includes('--help')) {
  console.error(USAGE);
  process.exit(target ? 0 : 2);
}

const config = loadConfig();
const logger = createLogger(config.logLevel, { format: process.stdout.isTTY ? 'pretty' : 'json' });
const tty = process.stderr.isTTY ? process.stderr : undefined;
const geoDir = path.resolve(import.meta.dirname, '../geo');

async function main(): Promise<void> {
  const t0 = performance.now();
  const source = resolveRoadSource(target!);
  const downloads = path.join(config.dataDir, 'downloads');
  mkdirSync(downloads, { recursive: true });
  mkdirSync(config.roads.roadsDir, { recursive: true });

  // 1. Download and verify each part.
  const parts: string[] = [];
  for (const url of source.urls) {
    const dest = path.join(downloads, url.split('/').pop()!);
    const bar = createProgressReporter(`downloading ${path.basename(dest)}`, { logger, tty });
    let started = false;
    const result = await downloadVerified(url, dest, {
      onProgress: (p) => {
        if (!started && p.resumedFrom > 0) logger.info(`resuming ${path.basename(dest)} from ${(p.resumedFrom / 1e6).toFixed(1)} MB`);
        started = true;
        bar.update({ phase: 'download', done: p.done, total: p.total });
      },
    });
    bar.finish(`${path.basename(dest)}: ${(result.bytes / 1e6).toFixed(1)} MB, MD5 ${result.md5} verified`);
    parts.push(result.file);
  }

  // 2. Clip to the départements asked for, or merge the parts of a region; else use the file as it is.
  const clip = flag('--clip');
  let codes: string[] = [];
  if (clip === 'in-use') codes = await departementsInUse();
  else if (clip) codes = clip.split(',');
  const marginKm = Number(flag('--margin-km') ?? 20);
  if (!Number.isFinite(marginKm) || marginKm < 0) throw new Error('--margin-km must be a number of kilometres ≥ 0');
  const output = path.join(config.roads.roadsDir, `${source.name}${codes.length ? `-${codes.join('-')}` : ''}.osm.pbf`);
  if (codes.length || parts.length > 1) {
    const mask = codes.length ? buildClipMask(selectDepartements(readDepartements(geoDir), codes), marginKm) : undefined;
    const what = codes.length ? `keeping the roads within ${marginKm} km of département(s) ${codes.join(', ')}` : `merging ${parts.length} parts`;
    const bar = createProgressReporter(what, { logger, tty });
    const report = extractRoads(parts, output, { mask, onProgress: (p) => bar.update(p) });
    if (report.ways === 0) {
      rmSync(output, { force: true });
      throw new Error(`no road of ${source.name} lies within ${marginKm} km of département(s) ${codes.join(', ')}: check the region and the codes`);
    }
    bar.finish(`${path.basename(output)}: ${report.ways.toLocaleString('en')} of ${report.waysRead.toLocaleString('en')} roads kept`);
  } else {
    copyFileSync(parts[0], output);
  }

  // 3. Build the graph now, so the server loads it in a fraction of a second.
  if (!args.includes('--no-build')) {
    const bar = createProgressReporter('building the road graph', { logger, tty });
    const { graph, report } = await loadRoadGraph(output, config.roads.cacheDir, { onProgress: (p) => bar.update(p) });
    bar.finish(`road graph ${report.fromCache ? 'already built' : 'built'}: ${graph.nodeCount.toLocaleString('en')} nodes, ${report.cacheFile}`);
  }

  const used = resolveRoadNetwork({ roadNetwork: config.roads.network, roadsDir: config.roads.roadsDir });
  logger.info({ output, seconds: Math.round((performance.now() - t0) / 1000) }, `roads ready in ${formatDuration(performance.now() - t0)}: ${output}`);
  if (used && used.file !== output) {
    logger.warn(`the server will use ${used.file} (${used.why}), not this extract: remove it from ${config.roads.roadsDir} or set ROAD_NETWORK=${output}`);
  } else {
    logger.info('restart the server (npm start) to route on these roads');
  }
}

/** Départements of the practices and active housing sites in the database. */
async function departementsInUse(): Promise<string[]> {
  const { openDatabase } = await import('../server/db/connect.ts');
  const db = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir }).catch((err: Error) => {
    throw new Error(`--clip in-use reads the database, which could not be opened (${err.message}); stop the server first, or name the départements: --clip 41,37`);
  });
  try {
    const points = [
      ...(await db.prisma.practice.findMany({ select: { lng: true, lat: true } })),
      ...(await db.prisma.site.findMany({ where: { active: true }, select: { lng: true, lat: true } })),
    ].map((p) => [p.lng, p.lat] as [number, number]);
    const codes = departementsOf(readDepartements(geoDir), points);
    if (codes.length === 0) throw new Error('--clip in-use: the database has no practice or site yet; name the départements instead: --clip 41,37');
    logger.info(`départements in use: ${codes.join(', ')}`);
    return codes;
  } finally {
    await db.close();
  }
}

main().catch((err: Error) => {
  logger.error(err.message);
  process.exit(1);
});
