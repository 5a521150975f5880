/**
 * The engine's answers equal pgRouting's on the engine's own Heidelberg graph: every cell of a
 * 40 × 40 matrix (route-choice weight) and every node of 10-minute reaches (travel time), to 0.01 s.
 * pgRouting is an independent implementation (C++, Boost), so a wrong shortcut in the hierarchy, a
 * lost arc or a bad bound shows up here. Runs with TEST_DATABASE_URL when the server offers the
 * pgrouting extension (`apt-get install -y postgresql-15-pgrouting`; CI installs it and sets
 * REQUIRE_PGROUTING=1 so this cannot be skipped there).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRoadGraph } from '../../server/routing/load-graph.ts';
import type { RoutingGraph } from '../../server/routing/routing-graph.ts';
import { mulberry32 } from '../../server/lib/seeded-random.ts';
import {
  engineMatrix, engineReach, exportGraph, matrixMismatches, openPeerDatabase, peerMatrix, peerReachMany, pgRoutingAvailable,
  pickNodes, reachMismatches, type PeerDatabase,
} from '../../bench/peer/pgrouting-peer.ts';
import { HEIDELBERG_PBF } from '../helpers/fixtures.ts';
import { optionalDependency } from '../helpers/optional-dependency.ts';

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const availability = await pgRoutingAvailable(adminUrl);
const present = optionalDependency({
  what: `pgRouting on ${adminUrl.replace(/\/\/[^@]*@/, '//')} (${availability.reason ?? 'present'})`,
  present: availability.ok,
  how: 'apt-get install -y postgresql-15-pgrouting',
  requireVar: 'REQUIRE_PGROUTING',
  skipped: 'the exactness comparison with pgRouting',
});

describe.skipIf(!present)('engine vs pgRouting on the same Heidelberg graph', () => {
  let g: RoutingGraph;
  let db: PeerDatabase;
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'im-peer-test-'));
  beforeAll(async () => {
    ({ graph: g } = await loadRoadGraph(HEIDELBERG_PBF, cacheDir));
    db = await openPeerDatabase(adminUrl);
    await exportGraph(db, g);
  });
  afterAll(async () => {
    await db?.drop();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('gives every matrix cell pgRouting gives, and finds routes between real nodes', async () => {
    const rnd = mulberry32(7);
    const sources = pickNodes(g, 40, rnd);
    const targets = pickNodes(g, 40, rnd);
    const ours = engineMatrix(g, sources, targets).costs;
    const peer = (await peerMatrix(db, sources, targets)).costs;
    expect(matrixMismatches(ours, peer)).toBe(0);
    // Not a comparison of two empty answers: most pairs are connected, with positive costs.
    const finite = [...ours].filter((c) => Number.isFinite(c) && c > 0);
    expect(finite.length).toBeGreaterThan(0.9 * ours.length);
  });

  it('reaches the same nodes at the same times within 10 minutes', async () => {
    const origins = pickNodes(g, 10, mulberry32(11));
    const peer = await peerReachMany(db, origins, 600);
    let nodes = 0;
    origins.forEach((o, i) => {
      const ours = engineReach(g, o, 600).reach;
      nodes += ours.size;
      expect(reachMismatches(ours, peer.reach[i], 600)).toBe(0);
    });
    expect(nodes / origins.length).toBeGreaterThan(100);
  });

  it('counts a cost that differs, and a node only one side reaches', () => {
    expect(matrixMismatches(Float64Array.of(10, Infinity, 5), Float64Array.of(10.005, Infinity, 5.5))).toBe(1);
    expect(matrixMismatches(Float64Array.of(10), Float64Array.of(Infinity))).toBe(1);
    expect(reachMismatches(new Map([[1, 10], [2, 599.999]]), new Map([[1, 10]]), 600)).toBe(0);
    expect(reachMismatches(new Map([[1, 10], [2, 300]]), new Map([[1, 10]]), 600)).toBe(1);
  });
});
