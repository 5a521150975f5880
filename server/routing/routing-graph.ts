import type { RoadNetwork } from './graph/road-network.ts';
import { buildContractionHierarchy, type ChOptions, type ContractionHierarchy } from './ch/contraction-hierarchy.ts';
import { orderByRank } from './ch/reorder-by-rank.ts';

/** The road network with its contraction hierarchy: everything the engine routes on. */
export interface RoutingGraph extends RoadNetwork {
  ch: ContractionHierarchy;
}

/** Adds the hierarchy to a network and renumbers nodes by rank (most important first). */
export function withHierarchy(network: RoadNetwork, options: ChOptions = {}): RoutingGraph {
  const { order, ...ch } = buildContractionHierarchy(network, options);
  const ranked = orderByRank(network, ch, order);
  return { ...ranked.network, ch: ranked.ch };
}
