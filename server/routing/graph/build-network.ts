import { haversineM } from '../geo/geodesy.ts';
import { BACKWARD, FORWARD, type NetworkInput, type RestrictionInput } from './network-input.ts';
import { keyDrivable, keyHeadNode, keyTailJunction, NO_NODE, type RoadNetwork } from './road-network.ts';
import { compileTurnRestrictions, type CompiledArcs } from './turn-expansion.ts';
import { stronglyConnectedComponents } from './components.ts';

/** Options of {@link buildRoadNetwork}. */
export interface BuildOptions {
  /**
   * Pieces of network a car cannot both enter and leave, with fewer than twice this many directed
   * edges, are dropped (GraphHopper's `min_network_size`, 200 in ORS): a point never snaps into a
   * private car park or a one-way stub cut by the extract's border. The largest piece always stays.
   */
  minNetworkSize?: number;
}

/** Shortest length an edge may have (GraphHopper's floor for coincident junctions), metres. */
const MIN_EDGE_M = 0.001;

/**
 * Builds the routable network: lengths and times of edges, turn restrictions compiled into node
 * copies, small strongly connected pieces dropped, everything renumbered compactly.
 */
export function buildRoadNetwork(input: NetworkInput, options: BuildOptions = {}): { network: RoadNetwork; restrictionStates: number; restrictions: RestrictionInput[] } {
  const E = input.edges.count;
  const { a, b, flags, speedKmh, geomFirst, geomLng, geomLat } = input.edges;
  const dist = new Float64Array(E);
  const dur = new Float64Array(E);
  const weight = new Float64Array(E);
  for (let e = 0; e < E; e++) {
    let d = 0;
    for (let p = geomFirst[e] + 1; p < geomFirst[e + 1]; p++) d += haversineM(geomLng[p - 1], geomLat[p - 1], geomLng[p], geomLat[p]);
    d = Math.max(d, MIN_EDGE_M);
    dist[e] = d;
    dur[e] = d / (speedKmh[e] / 3.6);
    weight[e] = dur[e] * input.edges.weightFactor[e];
  }

  // 1. Arcs over junctions and restriction states (U-turns forbidden: see compileTurnRestrictions).
  const towers = input.lng.length;
  const drivable = (key: number): boolean => (flags[key >> 1] & (key & 1 ? BACKWARD : FORWARD)) !== 0;
  const tailOf = (key: number): number => (key & 1 ? b[key >> 1] : a[key >> 1]);
  const headOf = (key: number): number => (key & 1 ? a[key >> 1] : b[key >> 1]);
  const keyGraph = { towers, keyCount: 2 * E, drivable, tailOf, headOf };
  const compiled = compileTurnRestrictions(keyGraph, input.restrictions);
  const nodeCount0 = towers + compiled.states;
  const arcTail = compiled.arcTail;
  const arcHead = compiled.arcHead;
  const arcKey = compiled.arcKey;
  const arcs = arcTail.length;

  // 2. Keep the directed edges inside large strongly connected pieces, found with U-turns allowed:
  // forbidding them makes every cul-de-sac a piece of its own (in, and no way out) though routes may
  // end there, as in GraphHopper, whose pruning only stops points snapping into a small piece. An arc
  // stays when its edge does and it leaves a junction (where routes starting on it leave from, even
  // when every arrival there goes to a copy) or a copy whose arriving edge stays.
  const uTurnsAllowed = compiled.states === 0 ? compiled : compileTurnRestrictions(keyGraph, input.restrictions, { uTurns: 'allowed' });
  const keyAlive0 = keysInLargePieces(uTurnsAllowed, towers, options.minNetworkSize ?? 0);
  const keepArc = new Uint8Array(arcs);
  for (let i = 0; i < arcs; i++) {
    const t = arcTail[i];
    if (keyAlive0[arcKey[i]] && (t < towers || keyAlive0[compiled.stateKey[t - towers]])) keepArc[i] = 1;
  }

  // 3. Renumber what is kept: nodes touched by a kept arc, edges driven by one.
  const newNode = new Int32Array(nodeCount0).fill(-1);
  const newEdge = new Int32Array(E).fill(-1);
  let n = 0;
  let m = 0;
  // Junctions first, in their input order, so edge ends keep a stable meaning; copies after.
  const nodeUsed = new Uint8Array(nodeCount0);
  const edgeUsed = new Uint8Array(E);
  for (let i = 0; i < arcs; i++) {
    if (!keepArc[i]) continue;
    nodeUsed[arcTail[i]] = nodeUsed[arcHead[i]] = 1;
    edgeUsed[arcKey[i] >> 1] = 1;
  }
  for (let e = 0; e < E; e++) if (edgeUsed[e]) nodeUsed[a[e]] = nodeUsed[b[e]] = 1;
  for (let v = 0; v < nodeCount0; v++) if (nodeUsed[v]) newNode[v] = n++;
  for (let e = 0; e < E; e++) if (edgeUsed[e]) newEdge[e] = m++;

  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  const nodeJunction = new Uint32Array(n);
  for (let v = 0; v < nodeCount0; v++) {
    if (newNode[v] < 0) continue;
    const junction = v < towers ? v : compiled.stateJunction[v - towers];
    lng[newNode[v]] = input.lng[junction];
    lat[newNode[v]] = input.lat[junction];
    nodeJunction[newNode[v]] = newNode[junction];
  }
  const keyAlive = new Uint8Array(2 * m);
  const keptArcs: number[] = [];
  for (let i = 0; i < arcs; i++) if (keepArc[i]) {
    keptArcs.push(i);
    keyAlive[2 * newEdge[arcKey[i] >> 1] + (arcKey[i] & 1)] = 1;
  }
  const edgeA = new Uint32Array(m);
  const edgeB = new Uint32Array(m);
  const edgeFlags = new Uint8Array(m);
  const edgeDist = new Float64Array(m);
  const edgeDur = new Float64Array(m);
  const edgeWeight = new Float64Array(m);
  const edgeName = input.names.length <= 0x100 ? new Uint8Array(m) : input.names.length <= 0x10000 ? new Uint16Array(m) : new Uint32Array(m);
  // Geometry keeps interior points only: an edge's ends are its junctions' positions.
  let interior = 0;
  for (let e = 0; e < E; e++) {
    if (newEdge[e] < 0) continue;
    const f = geomFirst[e], l = geomFirst[e + 1] - 1;
    if (l <= f || geomLng[f] !== input.lng[a[e]] || geomLat[f] !== input.lat[a[e]] || geomLng[l] !== input.lng[b[e]] || geomLat[l] !== input.lat[b[e]]) {
      throw new Error(`edge ${e}: its geometry must run from its junction A to its junction B (both ends included)`);
    }
    interior += l - f - 1;
  }
  const gFirst = new Uint32Array(interior > 0 ? m + 1 : 0);
  const gLng = new Float64Array(interior);
  const gLat = new Float64Array(interior);
  for (let e = 0, p = 0; e < E; e++) {
    const k = newEdge[e];
    if (k < 0) continue;
    edgeA[k] = newNode[a[e]];
    edgeB[k] = newNode[b[e]];
    const dirs = (keyAlive[2 * k] ? FORWARD : 0) | (keyAlive[2 * k + 1] ? BACKWARD : 0);
    edgeFlags[k] = (flags[e] & ~(FORWARD | BACKWARD)) | dirs;
    edgeDist[k] = dist[e];
    edgeDur[k] = dur[e];
    edgeWeight[k] = weight[e];
    edgeName[k] = input.edges.name[e];
    if (interior === 0) continue;
    gFirst[k] = p;
    for (let q = geomFirst[e] + 1; q < geomFirst[e + 1] - 1; q++, p++) {
      gLng[p] = geomLng[q];
      gLat[p] = geomLat[q];
    }
    gFirst[k + 1] = p;
  }

  const remapKey = (key: number): number => 2 * newEdge[key >> 1] + (key & 1);
  const firstOut = new Uint32Array(n + 1);
  for (const i of keptArcs) firstOut[newNode[arcTail[i]] + 1]++;
  for (let v = 0; v < n; v++) firstOut[v + 1] += firstOut[v];
  const fill = firstOut.slice(0, n);
  const outHead = new Uint32Array(keptArcs.length);
  const outKey = new Uint32Array(keptArcs.length);
  for (const i of keptArcs) {
    const slot = fill[newNode[arcTail[i]]]++;
    outHead[slot] = newNode[arcHead[i]];
    outKey[slot] = remapKey(arcKey[i]);
  }

  const keyHead = new Uint32Array(2 * m).fill(NO_NODE);
  for (let key = 0; key < 2 * E; key++) {
    const e = newEdge[key >> 1];
    if (e < 0) continue;
    const k2 = 2 * e + (key & 1);
    const h = compiled.primaryHead[key];
    if (keyAlive[k2] && h !== NO_NODE && newNode[h] >= 0) keyHead[k2] = newNode[h];
  }
  const keyTailFirst = new Uint32Array(2 * m + 1);
  for (const i of keptArcs) keyTailFirst[remapKey(arcKey[i]) + 1]++;
  for (let k = 0; k < 2 * m; k++) keyTailFirst[k + 1] += keyTailFirst[k];
  const tailFill = keyTailFirst.slice(0, 2 * m);
  const keyTail = new Uint32Array(keptArcs.length);
  for (const i of keptArcs) keyTail[tailFill[remapKey(arcKey[i])]++] = newNode[arcTail[i]];

  const network: RoadNetwork = {
    nodeCount: n, lng, lat, nodeJunction,
    edgeCount: m, edgeA, edgeB, edgeFlags, edgeDist, edgeDur, edgeWeight, edgeName,
    geomFirst: gFirst, geomLng: gLng, geomLat: gLat, names: input.names,
    firstOut, arcHead: outHead, arcKey: outKey, keyHead, keyTailFirst, keyTail,
  };
  // Store once what is implied: the weight when no edge has a route-choice penalty, and the key
  // lists when every key leads from its tail junction to its head junction (no restriction copies).
  if (edgeWeight.every((w, e) => w === edgeDur[e])) network.edgeWeight = edgeDur;
  if (edgeName.every((name) => name === 0)) network.edgeName = new Uint8Array(0);
  const implied = { ...network, keyHead: new Uint32Array(0), keyTailFirst: new Uint32Array(0), keyTail: new Uint32Array(0) };
  let keysImplied = true;
  for (let k = 0; keysImplied && k < 2 * m; k++) {
    keysImplied = keyHead[k] === keyHeadNode(implied, k) && keyTailFirst[k + 1] - keyTailFirst[k] === (keyDrivable(implied, k) ? 1 : 0)
      && (keyTailFirst[k + 1] === keyTailFirst[k] || keyTail[keyTailFirst[k]] === keyTailJunction(implied, k));
  }
  if (keysImplied) Object.assign(network, { keyHead: implied.keyHead, keyTailFirst: implied.keyTailFirst, keyTail: implied.keyTail });
  // The restrictions in the network's own edge numbering (those whose edges all survived), for
  // comparisons with engines that take restrictions as data (pgRouting's pgr_trsp).
  const restrictions = input.restrictions
    .filter((r) => r.keys.every((k) => newEdge[k >> 1] >= 0))
    .map((r) => ({ kind: r.kind, keys: r.keys.map(remapKey) }));
  return { network, restrictionStates: compiled.states, restrictions };
}

/**
 * Directed edges (keys) driven inside strongly connected pieces of at least `minNetworkSize` edges
 * (twice as many keys), and in the largest piece whatever its size; every key when the minimum is 0.
 */
function keysInLargePieces(c: CompiledArcs, towers: number, minNetworkSize: number): Uint8Array {
  const { arcTail, arcHead, arcKey } = c;
  const arcs = arcTail.length;
  const alive = new Uint8Array(c.primaryHead.length);
  const minKeys = 2 * minNetworkSize;
  if (minKeys <= 0) {
    for (let i = 0; i < arcs; i++) alive[arcKey[i]] = 1;
    return alive;
  }
  const comp = stronglyConnectedComponents(towers + c.states, arcTail, arcHead);
  const keysPerComp = new Map<number, number>();
  for (let i = 0; i < arcs; i++) {
    if (comp[arcTail[i]] === comp[arcHead[i]] && arcTail[i] < towers) keysPerComp.set(comp[arcTail[i]], (keysPerComp.get(comp[arcTail[i]]) ?? 0) + 1);
  }
  let biggest = -1;
  let biggestSize = -1;
  for (const [k, size] of keysPerComp) if (size > biggestSize) [biggest, biggestSize] = [k, size];
  for (let i = 0; i < arcs; i++) {
    const k = comp[arcTail[i]];
    if (k !== comp[arcHead[i]]) continue;
    if (k === biggest || (keysPerComp.get(k) ?? 0) >= minKeys) alive[arcKey[i]] = 1;
  }
  return alive;
}
