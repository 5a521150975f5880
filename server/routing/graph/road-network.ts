import { BACKWARD, FORWARD } from './network-input.ts';

/**
 * The routable road network in flat typed arrays (they load in milliseconds from the binary cache
 * and cost a few dozen bytes per node, so a regional extract fits in memory).
 *
 * Two levels, as in GraphHopper: **edges** are pieces of road between junctions with their
 * geometry, length and travel time (what snapping and isochrone drawing see); **arcs** are the
 * directed moves a search makes between **nodes**. A node is a junction, or a copy of a junction
 * standing for "arrived here through a restricted manoeuvre's first part": turn restrictions are
 * compiled into such copies, whose outgoing arcs omit the forbidden turns, so every search (matrix,
 * isochrone, hierarchy) honours them without knowing they exist.
 */
export interface RoadNetwork {
  nodeCount: number;
  /** Position of each node; copies share their junction's position. */
  lng: Float64Array;
  lat: Float64Array;
  /**
   * The junction each node stands for (itself, for junctions; the junction copied, for copies).
   * Empty when every node is a junction (no restriction copies): read it through {@link junctionOf}.
   */
  nodeJunction: Uint32Array;

  edgeCount: number;
  /** Junction nodes the edge joins; its geometry runs from A to B. */
  edgeA: Uint32Array;
  edgeB: Uint32Array;
  /** `FORWARD | BACKWARD | LIMITED_ACCESS | FERRY` (see network-input.ts). */
  edgeFlags: Uint8Array;
  /** Length along the geometry, metres. */
  edgeDist: Float64Array;
  /** Travel time along the whole edge, seconds. */
  edgeDur: Float64Array;
  /**
   * What a route minimises on the edge: its time with ORS's route-choice penalties (destination or
   * private roads ×10…). Routes are chosen by weight; the time and length reported are those of the
   * chosen route. The very same array as `edgeDur` when no edge has a penalty (stored once).
   */
  edgeWeight: Float64Array;
  /**
   * Index into `names` (the OSM way's `name`, '' when none), in 8 or 16 bits when there are few
   * names; empty when no edge has a name. Read it through {@link edgeNameId}.
   */
  edgeName: Uint8Array | Uint16Array | Uint32Array;
  /**
   * Interior points of each edge's geometry (its ends are the positions of `edgeA`/`edgeB`, stored
   * once): edge e's are `geomFirst[e]..geomFirst[e+1]` in `geomLng`/`geomLat`. Empty when no edge
   * has any (every edge straight). Read them through {@link edgePointCount} and {@link edgePointLng}/
   * {@link edgePointLat}.
   */
  geomFirst: Uint32Array;
  geomLng: Float64Array;
  geomLat: Float64Array;
  names: string[];

  /** Arcs by tail in CSR form: arcs of node v are `firstOut[v]..firstOut[v+1]`. */
  firstOut: Uint32Array;
  /** Empty when every arc's head is its key's head junction (no restriction copies): see {@link arcHeadNode}. */
  arcHead: Uint32Array;
  /** Directed edge ("key") each arc drives: `edge * 2` A→B, `edge * 2 + 1` B→A. */
  arcKey: Uint32Array;
  /**
   * Per key: the node a journey starting on that edge arrives at ({@link NO_NODE} if not drivable).
   * Empty when it is always the key's head junction (no restriction copies): read it through
   * {@link keyHeadNode}.
   */
  keyHead: Uint32Array;
  /**
   * Per key, in CSR form: every node from which an arc drives that key (arrivals onto the edge).
   * Empty when it is always the key's tail junction alone: read it through {@link keyTailNodes}.
   */
  keyTailFirst: Uint32Array;
  keyTail: Uint32Array;
}

/** Marks "no node" in `keyHead`. */
export const NO_NODE = 0xffffffff;

/** A graph node a search enters or leaves the network by, with the cost already spent. */
export interface NodeEntry {
  node: number;
  /** Route-choice weight (time with penalties). */
  weight: number;
  /** Seconds. */
  dur: number;
  /** Metres. */
  dist: number;
}

/** Arcs in CSR form (forward, or reversed for searches towards a destination). */
export interface Adjacency {
  first: Uint32Array;
  /** Empty: each arc leads to the head junction of its key (`edgeB` for even keys, `edgeA` for odd). */
  head: Uint32Array;
  key: Uint32Array;
}

/** The network's own forward adjacency. */
export function forwardAdjacency(g: RoadNetwork): Adjacency {
  return { first: g.firstOut, head: g.arcHead, key: g.arcKey };
}

/**
 * Arcs reversed (v lists the nodes that can drive to v), for searches towards a destination:
 * "where can I live and still reach this practice in 30 minutes". Built at load time in one pass.
 */
export function reverseAdjacency(g: RoadNetwork): Adjacency {
  const n = g.nodeCount;
  const first = new Uint32Array(n + 1);
  const arcs = g.arcKey.length;
  for (let a = 0; a < arcs; a++) first[arcHeadNode(g, a) + 1]++;
  for (let v = 0; v < n; v++) first[v + 1] += first[v];
  const fill = first.slice(0, n);
  const head = new Uint32Array(arcs);
  const key = new Uint32Array(arcs);
  for (let v = 0; v < n; v++)
    for (let a = g.firstOut[v]; a < g.firstOut[v + 1]; a++) {
      const k = fill[arcHeadNode(g, a)]++;
      head[k] = v;
      key[k] = g.arcKey[a];
    }
  return { first, head, key };
}

/** Number of points of edge e's geometry, both ends included (2 for a straight edge). */
export function edgePointCount(g: RoadNetwork, e: number): number {
  return g.geomFirst.length === 0 ? 2 : g.geomFirst[e + 1] - g.geomFirst[e] + 2;
}

/** Longitude of point i of edge e's geometry (0: its A end, `edgePointCount - 1`: its B end). */
export function edgePointLng(g: RoadNetwork, e: number, i: number): number {
  if (i === 0) return g.lng[g.edgeA[e]];
  const p = g.geomFirst.length === 0 ? -1 : g.geomFirst[e] + i - 1;
  return p >= 0 && p < g.geomFirst[e + 1] ? g.geomLng[p] : g.lng[g.edgeB[e]];
}

/** Latitude of point i of edge e's geometry (see {@link edgePointLng}). */
export function edgePointLat(g: RoadNetwork, e: number, i: number): number {
  if (i === 0) return g.lat[g.edgeA[e]];
  const p = g.geomFirst.length === 0 ? -1 : g.geomFirst[e] + i - 1;
  return p >= 0 && p < g.geomFirst[e + 1] ? g.geomLat[p] : g.lat[g.edgeB[e]];
}

/** The junction node v stands for (v itself unless v is a restriction copy). */
export function junctionOf(g: RoadNetwork, v: number): number {
  return g.nodeJunction.length === 0 ? v : g.nodeJunction[v];
}

/** Head node of the network's arc a. */
export function arcHeadNode(g: RoadNetwork, a: number): number {
  if (g.arcHead.length > 0) return g.arcHead[a];
  const k = g.arcKey[a];
  return k & 1 ? g.edgeA[k >> 1] : g.edgeB[k >> 1];
}

/** Index into `names` of edge e's name (0: '' when the graph has no names at all). */
export function edgeNameId(g: RoadNetwork, e: number): number {
  return g.edgeName.length === 0 ? 0 : g.edgeName[e];
}

/** Whether the directed edge `key` can be driven. */
export function keyDrivable(g: RoadNetwork, key: number): boolean {
  return (g.edgeFlags[key >> 1] & (key & 1 ? BACKWARD : FORWARD)) !== 0;
}

/** The node a journey starting on `key` arrives at, {@link NO_NODE} if the key cannot be driven. */
export function keyHeadNode(g: RoadNetwork, key: number): number {
  if (g.keyHead.length > 0) return g.keyHead[key];
  if (!keyDrivable(g, key)) return NO_NODE;
  return key & 1 ? g.edgeA[key >> 1] : g.edgeB[key >> 1];
}

/** Every node from which an arc drives `key` (where a journey arriving on that edge comes from). */
export function keyTailNodes(g: RoadNetwork, key: number): number[] {
  if (g.keyTailFirst.length > 0) return Array.from(g.keyTail.subarray(g.keyTailFirst[key], g.keyTailFirst[key + 1]));
  return keyDrivable(g, key) ? [keyTailJunction(g, key)] : [];
}

/** Tail junction of a key (where driving it starts). */
export function keyTailJunction(g: RoadNetwork, key: number): number {
  return key & 1 ? g.edgeB[key >> 1] : g.edgeA[key >> 1];
}
