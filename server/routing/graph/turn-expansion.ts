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
  /** Key driven last to reach each state. */
  stateKey: Uint32Array;
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
  /** Longer prefixes (null: none; allocated on demand, most states have none). */
  children: Map<number, State> | null;
  forbidden: Set<number> | null;
  /** Driving back along `lastKey` (a U-turn) is forbidden after this prefix. */
  noUTurn: boolean;
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
 * restrictions without a line of their own.
 *
 * U-turns: openrouteservice answers with turn restrictions on its core, whose search forbids driving
 * back along the edge one arrived by (`matrix.u_turn_costs: -1`, GraphHopper's infinite U-turn costs,
 * `AbstractManyToManyRoutingAlgorithm.accept`), and its node-based hierarchy never repeats a node, so
 * no ORS route contains a U-turn. A node-based graph has none either, except where junction copies let
 * a route come back to a junction it left, which is how a U-turn escapes a restriction (in at a
 * restricted junction, U-turn at the next one, back in, turn). So with `uTurns: 'forbidden'` and at
 * least one restriction, every junction with another way on is split by arriving edge and the copy
 * for edge k omits driving back along k (a one-key prefix, in the same automaton): no route anywhere
 * can U-turn, however far from the restriction, nor at the end of a cul-de-sac (ORS's core search
 * does not either; a route may still end in a dead-end street, see the pruning in build-network).
 * Without restrictions nothing is split: no shortest node-based route contains a U-turn anyway.
 */
export function compileTurnRestrictions(g: KeyGraph, restrictions: RestrictionInput[], options: { uTurns?: 'forbidden' | 'allowed' } = {}): CompiledArcs {
  const root: State = { id: -1, junction: -1, lastKey: -1, children: new Map(), forbidden: null, noUTurn: false, only: null, fail: null };
  const states: State[] = [];
  const newState = (key: number): State => {
    const st: State = { id: states.length, junction: g.headOf(key), lastKey: key, children: null, forbidden: null, noUTurn: false, only: null, fail: null };
    states.push(st);
    return st;
  };
  const valid = (r: RestrictionInput): boolean => {
    if (r.keys.length < 2) return false;
    for (let i = 0; i < r.keys.length; i++) {
      const k = r.keys[i];
      if (k < 0 || k >= g.keyCount || !g.drivable(k)) return false;
      if (i > 0 && g.headOf(r.keys[i - 1]) !== g.tailOf(k)) return false;
    }
    return true;
  };
  const usable = restrictions.filter(valid);
  if (usable.length > 0 && (options.uTurns ?? 'forbidden') === 'forbidden') {
    for (let k = 0; k < g.keyCount; k++) {
      if (!g.drivable(k) || !g.drivable(k ^ 1)) continue;
      const st = newState(k);
      st.noUTurn = true;
      root.children!.set(k, st);
    }
  }
  for (const r of usable) {
    let s = root;
    for (let i = 0; i < r.keys.length - 1; i++) {
      const k = r.keys[i];
      let child = s.children?.get(k);
      if (!child) {
        child = newState(k);
        (s.children ??= new Map()).set(k, child);
      }
      s = child;
    }
    const last = r.keys[r.keys.length - 1];
    if (r.kind === 'no') (s.forbidden ??= new Set()).add(last);
    else s.only = s.only === null ? new Set([last]) : new Set([...s.only].filter((k) => k === last));
  }
  // Failure links, breadth first: the longest proper suffix of a prefix that is itself a prefix.
  const queue: State[] = [];
  for (const c of root.children!.values()) {
    c.fail = root;
    queue.push(c);
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi];
    if (!s.children) continue;
    for (const [k, c] of s.children) {
      let f = s.fail;
      while (f && f !== root && !f.children?.has(k)) f = f.fail;
      c.fail = f?.children?.get(k) ?? root;
      if (c.fail === c) c.fail = root;
      queue.push(c);
    }
  }
  const next = (s: State, k: number): State => {
    for (let x: State | null = s; x; x = x.fail) {
      const c = x.children?.get(k);
      if (c) return c;
      if (x === root) break;
    }
    return root;
  };
  const allowed = (s: State, k: number): boolean => {
    for (let x: State | null = s; x && x !== root; x = x.fail) {
      if (x.forbidden?.has(k) || (x.noUTurn && k === (x.lastKey ^ 1))) return false;
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
    stateKey: Uint32Array.from(states.map((s) => s.lastKey)),
    arcTail: Uint32Array.from(tail),
    arcHead: Uint32Array.from(head),
    arcKey: Uint32Array.from(keys),
    primaryHead,
  };
}
