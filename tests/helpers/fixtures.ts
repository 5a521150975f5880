import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config.ts';
import { optionalDependency } from './optional-dependency.ts';

/** Repository root. */
const ROOT = path.resolve(import.meta.dirname, '../..');

/** Real OpenStreetMap extracts committed as test fixtures (© OpenStreetMap contributors, ODbL; see NOTICE). */
export const OSM_FIXTURES = path.join(ROOT, 'tests/fixtures/osm');
/** Heidelberg, Germany: full detail (oneway, maxspeed, access, residential streets). */
export const HEIDELBERG_PBF = path.join(OSM_FIXTURES, 'heidelberg.osm.pbf');
/** Monaco and its French edge: dense one-way streets, tunnels. */
export const MONACO_PBF = path.join(OSM_FIXTURES, 'monaco.osm.pbf');

/**
 * The graph cache shared by test files and runs (keyed by the extract's checksum and the graph code's
 * hash, so a change to either rebuilds): an extract builds once, then loads in milliseconds.
 */
export const TEST_GRAPH_CACHE = path.join(os.tmpdir(), 'internat-match-tests', 'graphs');

/** The France demo road network, beside the checkout in `../shared` (never in the repository). */
export const DEMO_NETWORK_PBF = loadConfig({}).roads.sharedDemoNetwork;

/**
 * Whether the France demo network is there; prints why its suites are skipped when it is not, and
 * fails instead with REQUIRE_SHARED=1 (CI).
 */
export function hasDemoNetwork(skipped: string): boolean {
  return optionalDependency({
    what: `the France demo road network (${DEMO_NETWORK_PBF})`,
    present: existsSync(DEMO_NETWORK_PBF),
    how: 'it lives in ../shared beside the checkout; a clone without it routes on its own extracts',
    requireVar: 'REQUIRE_SHARED',
    skipped,
  });
}
