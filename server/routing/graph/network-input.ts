/**
 * What an importer (or a test) hands to the graph builder: junction nodes, edges between them with
 * their geometry and speed, and turn restrictions as sequences of directed edges. No OSM ids here:
 * the graph layer knows roads, not the file they came from.
 */

/** Edge flag: drivable from A to B. */
export const FORWARD = 1;
/** Edge flag: drivable from B to A. */
export const BACKWARD = 2;
/** Edge flag: motorway-class road (no driveway joins it). */
export const LIMITED_ACCESS = 4;
/** Edge flag: a ferry. */
export const FERRY = 8;

/** Edges between junctions ("towers"), parallel arrays; geometry runs from A to B, both included. */
export interface EdgeInput {
  count: number;
  a: Uint32Array;
  b: Uint32Array;
  flags: Uint8Array;
  speedKmh: Float32Array;
  /** Route-choice factor on the edge's time (1: none); the reported time is never multiplied. */
  weightFactor: Float32Array;
  /** Index into `names`. */
  name: Uint32Array;
  /** Points of edge e are `geomFirst[e]..geomFirst[e+1]` in `geomLng`/`geomLat`. */
  geomFirst: Uint32Array;
  geomLng: Float64Array;
  geomLat: Float64Array;
}

/**
 * A turn restriction over directed edges ("edge keys": `edge * 2` drives A→B, `edge * 2 + 1`
 * drives B→A), each key's head being the next key's tail. `no`: this sequence is forbidden;
 * `only`: after the keys before the last, the last key is the only way on.
 */
export interface RestrictionInput {
  kind: 'no' | 'only';
  keys: number[];
}

/** The whole input of {@link buildRoadNetwork}. */
export interface NetworkInput {
  lng: Float64Array;
  lat: Float64Array;
  edges: EdgeInput;
  names: string[];
  restrictions: RestrictionInput[];
}
