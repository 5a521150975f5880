import type { RoadNetwork } from './graph/road-network.ts';
import { buildContractionHierarchy, packDirections, type ChOptions, type ContractionHierarchy } from './ch/contraction-hierarchy.ts';
import { orderByRank } from './ch/reorder-by-rank.ts';

/** The road network with its contraction hierarchy: everything the engine routes on. */
export interface RoutingGraph extends RoadNetwork {
  ch: ContractionHierarchy;
}

/**
 * Adds the hierarchy to a network and renumbers nodes by rank (most important first).
 * `ch.weight` is the very array `ch.dur` when the network's weight is its time; `nodeJunction` and
 * `arcHead` are empty when there are no restriction copies; the hierarchy's directions are packed in
 * its heads.
 */
export function withHierarchy(network: RoadNetwork, options: ChOptions = {}): RoutingGraph {
  const { order, ...ch } = buildContractionHierarchy(network, options);
  const ranked = orderByRank(network, ch, order);
  // Without route-choice penalties every arc's weight is its time, summed the same way: store it once.
  const { weight, dur } = ranked.ch;
  if (network.edgeWeight === network.edgeDur && weight.every((w, a) => w === dur[a])) ranked.ch.weight = dur;
  // Without restriction copies every node is its own junction: nothing to store.
  const { nodeJunction } = ranked.network;
  if (nodeJunction.every((j, v) => j === v)) ranked.network.nodeJunction = new Uint32Array(0);
  // Nor, then, the head of each arc: it is its key's head junction (the hierarchy is built already).
  const { arcHead, arcKey, edgeA, edgeB } = ranked.network;
  if (arcHead.every((h, a) => h === (arcKey[a] & 1 ? edgeA[arcKey[a] >> 1] : edgeB[arcKey[a] >> 1]))) ranked.network.arcHead = new Uint32Array(0);
  return { ...ranked.network, ch: packDirections(ranked.ch, network.nodeCount) };
}
