import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OrsApiLimits } from '../../server/config.ts';
import { loadRoadGraph } from '../../server/routing/load-graph.ts';
import { EmbeddedEngine } from '../../server/routing/embedded-engine.ts';
import type { RoutingGraph } from '../../server/routing/routing-graph.ts';
import { createOrsRouter } from '../../server/routes/ors/router.ts';
import { HEIDELBERG_PBF, TEST_GRAPH_CACHE } from '../helpers/fixtures.ts';

export { TEST_GRAPH_CACHE };

/**
 * openrouteservice's API-test configuration (ors-api/src/test/resources/application-test.yml at
 * the commit below, over the defaults of ors-api/src/main/resources/application.yml): the limits
 * its ParamsTest/ResultTest were written against (`maximumIntersections` is ours: 2 locations × 10
 * isochrones need at most 100 pairs).
 */
export const ORS_TEST_LIMITS: OrsApiLimits = {
  matrix: { maximumRoutes: 200, maximumSearchRadius: 2000 },
  isochrones: { maximumLocations: 2, maximumIntervals: 10, maximumRangeTime: 3600, maximumRangeDistance: 100_000, maximumIntersections: 100 },
};
/** One of the test configuration's `messages`, active for every request. */
export const ORS_TEST_SYSTEM_MESSAGE = 'This message would be sent with every request';
/** The openrouteservice commit whose tests are transcribed here (GIScience/openrouteservice). */
export const ORS_COMMIT = '39c0f23d4226cb7c49237e3bb9a63177d29020d3';

let graph: Promise<RoutingGraph> | undefined;
/** ORS's test extract, heidelberg.test.pbf (byte-identical to tests/fixtures/osm/heidelberg.osm.pbf). */
export function heidelbergGraph(): Promise<RoutingGraph> {
  graph ??= loadRoadGraph(HEIDELBERG_PBF, TEST_GRAPH_CACHE).then((r) => r.graph);
  return graph;
}

/** The ORS-compatible API on Heidelberg with ORS's test configuration, on a loopback port. */
export async function startOrsTestServer(): Promise<{ base: string; close: () => Promise<void> }> {
  const engine = new EmbeddedEngine(await heidelbergGraph());
  const app = express();
  app.use('/ors', createOrsRouter({ engine, limits: ORS_TEST_LIMITS, systemMessage: ORS_TEST_SYSTEM_MESSAGE }));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/ors`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
