import { haversineM, metresPerDegree } from '../geo/geodesy.ts';
import { FORWARD, BACKWARD, LIMITED_ACCESS, FERRY, type NetworkInput, type RestrictionInput } from '../graph/network-input.ts';
import { carWaySpeedKmh, SpeedRule, type WayRule } from './car-profile.ts';
import type { OsmTurnRestriction } from './turn-restrictions.ts';

/** A car-routable way as the splitter needs it: node positions (indices), the profile's rule, a name. */
export interface WayInput {
  id: number;
  refs: ArrayLike<number>;
  rule: WayRule;
  nameId: number;
  /** Hand-built networks (tests): this exact speed instead of the profile's. */
  speedKmh?: number;
}

/** Barrier kinds in {@link NodeTable.barrier}. */
export const NO_BARRIER = 0;
export const PASSABLE_BARRIER = 1;
export const BLOCKING_BARRIER = 2;

/** Nodes by index: positions (NaN when outside the extract), OSM ids, and barriers. */
export interface NodeTable {
  lng: ArrayLike<number>;
  lat: ArrayLike<number>;
  osmId: ArrayLike<number>;
  /**
   * Per node: a `barrier` tag a car passes (gate…), one that stops it (bollard…), or none. Either
   * splits its way into two edges joined by a tiny barrier edge, as GraphHopper does; a blocking
   * one leaves that edge out, so the way is cut. Barriers at junctions are ignored.
   */
  barrier: ArrayLike<number>;
}

/** Points closer than this to the simplified line are dropped (GraphHopper's 1 m Douglas–Peucker). */
const SIMPLIFY_TOLERANCE_M = 1;

/**
 * Splits ways into edges between junctions, as GraphHopper's reader does: a node used twice (by
 * two ways, or twice by one) or ending a way is a junction ("tower"); the others are shape points
 * of their edge. A way is also cut at a barrier that stops cars, and where the extract lacks a
 * node. Each edge keeps its simplified geometry, length and the way's speed, which depends on the
 * whole way's extent (ORS's acceleration and residential rules). Restrictions are resolved
 * against the edges; those that do not fit the network (a member way not routable, a via node
 * that is not where from and to meet) are dropped and counted.
 */
export function networkFromWays(nodes: NodeTable, ways: WayInput[], names: string[], restrictions: OsmTurnRestriction[]): NetworkInput & { droppedRestrictions: number } {
  const n = nodes.lng.length;
  const uses = new Uint8Array(n);
  for (const w of ways) for (let i = 0; i < w.refs.length; i++) if (uses[w.refs[i]] < 2) uses[w.refs[i]]++;
  const towerOf = new Int32Array(n).fill(-1);
  const towerLng: number[] = [];
  const towerLat: number[] = [];
  const towerNode: number[] = [];
  const tower = (v: number): number => {
    if (towerOf[v] < 0) {
      towerOf[v] = towerLng.length;
      towerLng.push(nodes.lng[v]);
      towerLat.push(nodes.lat[v]);
      towerNode.push(v);
    }
    return towerOf[v];
  };
  const edgeA: number[] = [];
  const edgeB: number[] = [];
  const edgeFlags: number[] = [];
  const edgeSpeed: number[] = [];
  const edgeFactor: number[] = [];
  const edgeName: number[] = [];
  const edgeWay: number[] = [];
  const geomFirst: number[] = [0];
  const geomLng: number[] = [];
  const geomLat: number[] = [];

  const addEdge = (from: number, to: number, pts: number[], w: WayInput, flags: number, speed: number): void => {
    if (pts.length < 2) return;
    const simple = simplify(pts, nodes);
    edgeA.push(from);
    edgeB.push(to);
    edgeFlags.push(flags);
    edgeSpeed.push(speed);
    edgeFactor.push(w.rule.weightFactor);
    edgeName.push(w.nameId);
    edgeWay.push(w.id);
    for (const p of simple) {
      geomLng.push(nodes.lng[p]);
      geomLat.push(nodes.lat[p]);
    }
    geomFirst.push(geomLng.length);
  };

  for (const w of ways) {
    const refs = w.refs;
    if (refs.length < 2) continue;
    const speed = waySpeed(w, nodes);
    const flags = (w.rule.forward ? FORWARD : 0) | (w.rule.backward ? BACKWARD : 0) | (w.rule.limitedAccess ? LIMITED_ACCESS : 0) | (w.rule.speedRule === SpeedRule.Ferry ? FERRY : 0);
    if (!(flags & (FORWARD | BACKWARD))) continue;
    let piece: number[] = [];
    let startTower = -1;
    const flush = (endTower: number): void => {
      if (piece.length >= 2 && startTower >= 0) {
        if (startTower === endTower) {
          // A loop back to its own start: two edges, so that every edge has distinct ends.
          if (piece.length >= 3) {
            const mid = piece[piece.length - 2];
            const midTower = tower(mid);
            addEdge(startTower, midTower, piece.slice(0, -1), w, flags, speed);
            addEdge(midTower, endTower, piece.slice(-2), w, flags, speed);
          }
        } else addEdge(startTower, endTower, piece, w, flags, speed);
      }
    };
    for (let i = 0; i < refs.length; i++) {
      const v = refs[i];
      if (Number.isNaN(nodes.lng[v])) {
        // Node outside a clipped extract: the way is cut there (no straight line across the gap).
        if (piece.length >= 2) flush(tower(piece[piece.length - 1]));
        piece = [];
        startTower = -1;
        continue;
      }
      const isEnd = i === 0 || i === refs.length - 1 || piece.length === 0;
      const isJunction = uses[v] > 1;
      if (nodes.barrier[v] !== NO_BARRIER && !isJunction && !isEnd) {
        piece.push(v);
        const at = tower(v);
        flush(at);
        // The rest of the way starts at a copy of the barrier node, joined to it by a tiny edge
        // unless the barrier stops cars.
        const copy = towerLng.length;
        towerLng.push(nodes.lng[v]);
        towerLat.push(nodes.lat[v]);
        towerNode.push(v);
        if (nodes.barrier[v] === PASSABLE_BARRIER) addEdge(at, copy, [v, v], w, flags, speed);
        piece = [v];
        startTower = copy;
        continue;
      }
      if (isEnd || isJunction) {
        if (piece.length === 0) {
          piece = [v];
          startTower = tower(v);
          continue;
        }
        piece.push(v);
        const t = tower(v);
        flush(t);
        piece = [v];
        startTower = t;
      } else piece.push(v);
    }
  }

  const input: NetworkInput = {
    lng: Float64Array.from(towerLng),
    lat: Float64Array.from(towerLat),
    edges: {
      count: edgeA.length,
      a: Uint32Array.from(edgeA),
      b: Uint32Array.from(edgeB),
      flags: Uint8Array.from(edgeFlags),
      speedKmh: Float32Array.from(edgeSpeed),
      weightFactor: Float32Array.from(edgeFactor),
      name: Uint32Array.from(edgeName),
      geomFirst: Uint32Array.from(geomFirst),
      geomLng: Float64Array.from(geomLng),
      geomLat: Float64Array.from(geomLat),
    },
    names,
    restrictions: [],
  };
  const resolved = resolveRestrictions(input, edgeWay, towerNode, nodes, restrictions);
  input.restrictions = resolved.restrictions;
  return { ...input, droppedRestrictions: resolved.dropped };
}

/** Speed of a whole way from its rule and extent (first-to-last straight line, node count, length). */
function waySpeed(w: WayInput, nodes: NodeTable): number {
  if (w.speedKmh !== undefined) return w.speedKmh;
  const refs = w.refs;
  const first = refs[0];
  const last = refs[refs.length - 1];
  const estimatedDistanceM = haversineM(nodes.lng[first], nodes.lat[first], nodes.lng[last], nodes.lat[last]);
  let lengthM = 0;
  for (let i = 1; i < refs.length; i++) {
    const d = haversineM(nodes.lng[refs[i - 1]], nodes.lat[refs[i - 1]], nodes.lng[refs[i]], nodes.lat[refs[i]]);
    if (!Number.isNaN(d)) lengthM += d;
  }
  // ORS only applies the length rules when the way's end points are known.
  const rule = Number.isNaN(estimatedDistanceM) && w.rule.speedRule !== SpeedRule.Ferry ? { ...w.rule, speedRule: SpeedRule.None } : w.rule;
  return carWaySpeedKmh(rule, { estimatedDistanceM: Number.isNaN(estimatedDistanceM) ? 0 : estimatedDistanceM, lengthM, nodeCount: refs.length });
}

/** Douglas–Peucker on node indices with a tolerance in metres; keeps both ends. */
function simplify(pts: number[], nodes: NodeTable): number[] {
  if (pts.length <= 2) return pts;
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const k = metresPerDegree(nodes.lat[pts[0]]);
  const stack: [number, number][] = [[0, pts.length - 1]];
  while (stack.length > 0) {
    const [i0, i1] = stack.pop()!;
    if (i1 - i0 < 2) continue;
    const ax = nodes.lng[pts[i0]] * k.x, ay = nodes.lat[pts[i0]] * k.y;
    const bx = nodes.lng[pts[i1]] * k.x, by = nodes.lat[pts[i1]] * k.y;
    const dx = bx - ax, dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let worstD = SIMPLIFY_TOLERANCE_M;
    for (let i = i0 + 1; i < i1; i++) {
      const px = nodes.lng[pts[i]] * k.x - ax, py = nodes.lat[pts[i]] * k.y - ay;
      const t = len2 > 0 ? Math.max(0, Math.min(1, (px * dx + py * dy) / len2)) : 0;
      const d = Math.hypot(px - t * dx, py - t * dy);
      if (d > worstD) {
        worstD = d;
        worst = i;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([i0, worst], [worst, i1]);
    }
  }
  return pts.filter((_, i) => keep[i]);
}

/**
 * Turns OSM restrictions (way and node ids) into sequences of directed edges ("edge keys":
 * `edge * 2` driving A→B, `edge * 2 + 1` driving B→A): the edge of the `from` way that arrives at
 * the via point, the via way's edges, then the edge of the `to` way that leaves it.
 */
function resolveRestrictions(
  input: NetworkInput,
  edgeWay: number[],
  towerNode: number[],
  nodes: NodeTable,
  restrictions: OsmTurnRestriction[],
): { restrictions: RestrictionInput[]; dropped: number } {
  if (restrictions.length === 0) return { restrictions: [], dropped: 0 };
  const { a, b, flags } = input.edges;
  const byWay = new Map<number, number[]>();
  edgeWay.forEach((w, e) => {
    const list = byWay.get(w);
    if (list) list.push(e);
    else byWay.set(w, [e]);
  });
  const osmOfTower = (t: number): number => nodes.osmId[towerNode[t]];
  /** Directed keys of way `w`'s edges that arrive at tower `t`. */
  const arriving = (w: number, at: (t: number) => boolean): number[] => {
    const out: number[] = [];
    for (const e of byWay.get(w) ?? []) {
      if (flags[e] & FORWARD && at(b[e])) out.push(e * 2);
      if (flags[e] & BACKWARD && at(a[e])) out.push(e * 2 + 1);
    }
    return out;
  };
  const leaving = (w: number, at: (t: number) => boolean): number[] => {
    const out: number[] = [];
    for (const e of byWay.get(w) ?? []) {
      if (flags[e] & FORWARD && at(a[e])) out.push(e * 2);
      if (flags[e] & BACKWARD && at(b[e])) out.push(e * 2 + 1);
    }
    return out;
  };
  const headOf = (key: number): number => (key & 1 ? a[key >> 1] : b[key >> 1]);
  const tailOf = (key: number): number => (key & 1 ? b[key >> 1] : a[key >> 1]);
  const out: RestrictionInput[] = [];
  let dropped = 0;
  for (const r of restrictions) {
    if (r.viaNode !== undefined) {
      const via = r.viaNode;
      const froms = arriving(r.from, (t) => osmOfTower(t) === via);
      const tos = leaving(r.to, (t) => osmOfTower(t) === via);
      const pairs: number[][] = [];
      for (const f of froms) for (const t of tos) if (headOf(f) === tailOf(t)) pairs.push([f, t]);
      if (pairs.length === 0) dropped++;
      for (const p of pairs) out.push({ kind: r.kind, keys: p });
      continue;
    }
    // Via ways: walk from where `from` arrives, along the via ways only, to where `to` leaves.
    const viaSet = new Set(r.viaWays);
    const viaKeys: number[] = [];
    for (const w of r.viaWays) for (const e of byWay.get(w) ?? []) {
      if (flags[e] & FORWARD) viaKeys.push(e * 2);
      if (flags[e] & BACKWARD) viaKeys.push(e * 2 + 1);
    }
    let found = 0;
    for (const f of byWay.has(r.from) ? arriving(r.from, () => true) : []) {
      const path = viaPath(headOf(f), viaKeys, tailOf, headOf, (t) => leaving(r.to, (x) => x === t).length > 0);
      if (!path || viaSet.size === 0) continue;
      // Only a `from` edge that touches the via ways counts.
      for (const t of leaving(r.to, (x) => x === headOf(path.length > 0 ? path[path.length - 1] : f))) {
        if (path.length === 0) continue;
        out.push({ kind: r.kind, keys: [f, ...path, t] });
        found++;
      }
    }
    if (found === 0) dropped++;
  }
  return { restrictions: out, dropped };
}

/** Shortest sequence of via keys from `start` to a tower where `isEnd` holds (breadth first). */
function viaPath(start: number, keys: number[], tailOf: (k: number) => number, headOf: (k: number) => number, isEnd: (t: number) => boolean): number[] | undefined {
  const prev = new Map<number, { key: number; from: number }>();
  const queue = [start];
  const seen = new Set([start]);
  while (queue.length > 0) {
    const t = queue.shift()!;
    if (t !== start && isEnd(t)) {
      const path: number[] = [];
      for (let x = t; x !== start; ) {
        const p = prev.get(x)!;
        path.unshift(p.key);
        x = p.from;
      }
      return path;
    }
    for (const k of keys) {
      if (tailOf(k) !== t || seen.has(headOf(k))) continue;
      seen.add(headOf(k));
      prev.set(headOf(k), { key: k, from: t });
      queue.push(headOf(k));
    }
  }
  return undefined;
}
