import { carWayRule, SpeedRule, type WayRule } from './osm/car-profile.ts';
import { BLOCKING_BARRIER, networkFromWays, PASSABLE_BARRIER, type WayInput } from './osm/network-from-ways.ts';
import type { OsmTurnRestriction } from './osm/turn-restrictions.ts';
import { buildRoadNetwork } from './graph/build-network.ts';
import { withHierarchy, type RoutingGraph } from './routing-graph.ts';

/** A hand-written way: OSM tags (through the real car profile), or a plain speed. */
export interface TestWay {
  nodes: number[];
  /** Exact speed, km/h (no profile rules); ignored when `tags` is given. */
  speedKmh?: number;
  /** Runs in node order only (with `speedKmh`). */
  oneway?: boolean;
  tags?: Record<string, string>;
}

/** A hand-written turn restriction: ways by index, via a node index or via ways. */
export interface TestRestriction {
  kind: 'no' | 'only';
  from: number;
  via: number | { ways: number[] };
  to: number;
}

/**
 * Builds a complete graph from hand-written nodes and ways through the same pipeline as an OSM
 * import (junctions, edges, restrictions, hierarchy), for tests with known answers.
 */
export function graphFromWays(
  nodes: [number, number][],
  ways: TestWay[],
  options: { restrictions?: TestRestriction[]; /** Nodes with a bollard. */ barriers?: number[]; /** Nodes with a gate. */ gates?: number[]; minNetworkSize?: number } = {},
): RoutingGraph {
  const plain = (w: TestWay): WayRule => ({
    forward: true, backward: !w.oneway, baseSpeedKmh: w.speedKmh ?? 50, speedRule: SpeedRule.None, capKmh: Infinity,
    limitedAccess: false, ferryDurationS: 0, ferryMaxspeedKmh: NaN, weightFactor: 1,
  });
  const inputs: WayInput[] = [];
  const names = [''];
  ways.forEach((w, i) => {
    const rule = w.tags ? carWayRule(w.tags) : plain(w);
    if (!rule) return;
    let nameId = 0;
    if (w.tags?.name) {
      nameId = names.length;
      names.push(w.tags.name);
    }
    inputs.push({ id: i, refs: w.nodes, rule, nameId, speedKmh: w.tags ? undefined : (w.speedKmh ?? 50) });
  });
  const barrier = new Uint8Array(nodes.length);
  for (const b of options.barriers ?? []) barrier[b] = BLOCKING_BARRIER;
  for (const b of options.gates ?? []) barrier[b] = PASSABLE_BARRIER;
  const restrictions: OsmTurnRestriction[] = (options.restrictions ?? []).map((r, i) => ({
    id: i,
    kind: r.kind,
    from: r.from,
    viaNode: typeof r.via === 'number' ? r.via : undefined,
    viaWays: typeof r.via === 'number' ? [] : r.via.ways,
    to: r.to,
  }));
  const input = networkFromWays(
    { lng: nodes.map((n) => n[0]), lat: nodes.map((n) => n[1]), osmId: nodes.map((_, i) => i), barrier },
    inputs,
    names,
    restrictions,
  );
  const { network } = buildRoadNetwork(input, { minNetworkSize: options.minNetworkSize ?? 0 });
  return withHierarchy(network);
}
