import type { RestrictionInput } from './network-input.ts';
import { NO_NODE } from './road-network.ts';

/** The junction graph as the compiler sees it: directed edges ("keys") between junctions. */
export interface KeyGraph {
  towers: number;
  keyCount: number;
  drivable(key: number): boolean;
  tailOf(key: number): number;
  headOf(key: number): number;
}

/** Arcs over junctions and restriction states, ready for the graph builder. */
export interface CompiledArcs {
  /** Number of restriction states; state i is node `towers + i`. */
  states: number;
  /** Junction each state stands at. */
  stateJunction: Uint32Array;
  arcTail: Uint32Array;
  arcHead: Uint32Array;
  arcKey: Uint32Array;
  /** Per key: the node a journey that starts on (or enters) that key arrives at. */
  primaryHead: Uint32Array;
}

/** A node of the trie of restricted key sequences (root = plain junctions). */
interface State {
  id: number;
  /** Junction where the sequence that leads here ends. */
  junction: number;
  /** The last key driven to get here (-1 for the root). */
  lastKey: number;
  children: Map<number, State>;
  forbidden: Set<number>;
  /**
   * Set by `only_*` restrictions: only these keys may follow (besides turning back onto the same
   * edge); null when none applies. Several `only_*` from the same prefix each forbid every other
   * way on, as GraphHopper converts them, so what stays allowed is their intersection (often none).
   */
  only: Set<number> | null;
  fail: State | null;
}

/**
 * Compiles turn restrictions into the graph itself (node splitting): each prefix of a restricted
 * sequence ("came in by key k", "came in by k then drove the via way w") becomes a copy of the
 * junction where it ends, whose outgoing arcs leave out what is forbidden after that prefix. The
 * prefixes form an Aho–Corasick automaton, so overlapping restrictions (the `to` of one is the
 * `from` of the next, or one sequence ends where another starts) combine correctly. Searches then
 * run on plain nodes and arcs: Dijkstra, the contraction hierarchy and the isochrones all honour
 * restrictions without a line of their own. Junctions without restrictions are untouched.
 */
export function compileTurnRestrictions(g: KeyGraph, restrictions: RestrictionInput[]): CompiledArcs {
  const root: State = { id: -1, junction: -1, lastKey: -1, children: new Map(), forbidden: new Set(), only: null, fail: null };
  const states: State[] = [];
  const valid = (r: RestrictionInput): boolean => {
    if (r.keys.length < 2) return false;
    for (let i = 0; i < r.keys.length; i++) {
      const k = r.keys[i];
      if (k < 0 || k >= g.keyCount || !g.drivable(k)) return false;
      if (i > 0 && g.headOf(r.keys[i - 1]) !== g.tailOf(k)) return false;
    }
    return true;
  };
  for (const r of restrictions) {
    if (!valid(r)) continue;
    let s = root;
    for (let i = 0; i < r.keys.length - 1; i++) {
      const k = r.keys[i];
      let child = s.children.get(k);
      if (!child) {
        child = { id: states.length, junction: g.headOf(k), lastKey: k, children: new Map(), forbidden: new Set(), only: null, fail: null };
        states.push(child);
        s.children.set(k, child);
      }
      s = child;
    }
    const last = r.keys[r.keys.length - 1];
    if (r.kind === 'no') s.forbidden.add(last);
    else s.only = s.only === null ? new Set([last]) : new Set([...s.only].filter((k) => k === last));
  }
  // Failure links, breadth first: the longest proper suffix of a prefix that is itself a prefix.
  const queue: State[] = [];
  for (const c of root.children.values()) {
    c.fail = root;
    queue.push(c);
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi];
    for (const [k, c] of s.children) {
      let f = s.fail;
      while (f && f !== root && !f.children.has(k)) f = f.fail;
      c.fail = f?.children.get(k) ?? root;
      if (c.fail === c) c.fail = root;
      queue.push(c);
    }
  }
  const next = (s: State, k: number): State => {
    for (let x: State | null = s; x; x = x.fail) {
      const c = x.children.get(k);
      if (c) return c;
      if (x === root) break;
    }
    return root;
  };
  const allowed = (s: State, k: number): boolean => {
    for (let x: State | null = s; x && x !== root; x = x.fail) {
      if (x.forbidden.has(k)) return false;
      // `only_*` leaves turning back onto the arrival edge to the u-turn rules (as GraphHopper does).
      if (x.only !== null && !x.only.has(k) && k >> 1 !== x.lastKey >> 1) return false;
    }
    return true;
  };

  const towers = g.towers;
  const nodeOf = (s: State, key: number): number => (s === root ? g.headOf(key) : towers + s.id);
  const primaryHead = new Uint32Array(g.keyCount).fill(NO_NODE);
  const outKeys: number[][] = Array.from({ length: towers }, () => []);
  for (let k = 0; k < g.keyCount; k++) {
    if (!g.drivable(k)) continue;
    primaryHead[k] = nodeOf(next(root, k), k);
    outKeys[g.tailOf(k)].push(k);
  }
  const tail: number[] = [];
  const head: number[] = [];
  const keys: number[] = [];
  for (let v = 0; v < towers; v++) for (const k of outKeys[v]) {
    tail.push(v);
    head.push(primaryHead[k]);
    keys.push(k);
  }
  for (const s of states) {
    for (const k of outKeys[s.junction]) {
      if (!allowed(s, k)) continue;
      tail.push(towers + s.id);
      head.push(nodeOf(next(s, k), k));
      keys.push(k);
    }
  }
  return {
    states: states.length,
    stateJunction: Uint32Array.from(states.map((s) => s.junction)),
    arcTail: Uint32Array.from(tail),
    arcHead: Uint32Array.from(head),
    arcKey: Uint32Array.from(keys),
    primaryHead,
  };
}
