import type { Problem } from '../problem.ts';
import type { Score } from '../score.ts';

/** Number of objective levels (`Score`'s length). */
export const LEVELS = 6;

/**
 * One group as a 0-1 program, solver-neutral: columns x (intern i on bed b,
 * binary), z (a partner pair in one room, continuous in [0, 1]) and y (a peer
 * pair at one site, continuous in [0, 1]); rows in CSR form; and, per
 * objective level, a coefficient per column so that a column vector's value on
 * level k is exactly `Score[k]` (the minutes level counts negative tenths).
 */
export interface GroupMip {
  numCols: number;
  /** For each x column: the member's index in `members` and the bed. z and y columns come after. */
  xIntern: Int32Array;
  xBed: Int32Array;
  /** The slot of each x column: one bed, or (semester groups) a class of interchangeable beds, or a partner's room in a class. */
  xSlot: Int32Array;
  slots: { beds: number[]; site: string; room: string | undefined }[];
  /** What each bonus column (after the x columns) stands for: interns a and b both at `place` (a site or a room). */
  bonus: { a: number; b: number; key: 'site' | 'room'; place: string }[];
  /** All stays overlap: a bed hosts one member at most (slots may then be classes). */
  clique: boolean;
  numX: number;
  colLower: Float64Array;
  colUpper: Float64Array;
  integer: Uint8Array;
  rows: { starts: number[]; indices: number[]; values: number[]; lower: number[]; upper: number[] };
  /** Coefficient of each column on each objective level (maximised). */
  levels: Float64Array[];
  /** Part of each level that no column carries (pairs of kept interns already in one room). */
  constant: Score;
}

/**
 * Builds the exact program of a group (any group: semester or partly
 * overlapping stays, partners, peers, kept assignments):
 *
 * - each intern on at most one of its eligible beds; a kept (fixed) intern on its bed;
 * - on each bed, at every day where several candidates' stays overlap, at most
 *   one of them (interval cliques: one row per stay start that is not dominated);
 * - partners not both kept: on every site, a's use of the site equals b's (both
 *   there or neither); with one kept, the other only on the kept one's site;
 * - room bonus z[k, r] ≤ a's use of room r and ≤ b's; peer bonus y[k, s] alike per site.
 *
 * Its optimum over the levels read lexicographically is the matching's optimum.
 */
export function buildGroupMip(p: Problem, members: number[], clique = false): GroupMip {
  const local = new Map(members.map((i, k) => [i, k]));
  const isFixed = (i: number) => p.interns[i].fixed >= 0;
  // A kept partner pins the other to its site.
  const pinnedSite = new Map<number, string>();
  for (const [a, b] of p.partners) {
    if (!local.has(a) || isFixed(a) === isFixed(b)) continue;
    const [f, o] = isFixed(a) ? [a, b] : [b, a];
    pinnedSite.set(o, p.beds[p.interns[f].fixed].site);
  }
  const xIntern: number[] = [];
  const xBed: number[] = [];
  const xSlot: number[] = [];
  const slots: { beds: number[]; site: string; room: string | undefined }[] = [];
  const colsOf = new Map<number, number[]>(); // intern -> its x columns
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const addRow = (cols: number[], vals: number[] | number, lo: number, hi: number) => {
    cols.forEach((c, k) => {
      indices.push(c);
      values.push(typeof vals === 'number' ? vals : vals[k]);
    });
    starts.push(indices.length);
    lower.push(lo);
    upper.push(hi);
  };
  const slotIndex = new Map<string, number>();
  const slotOf = (key: string, beds: () => number[], room: string | undefined) => {
    let s = slotIndex.get(key);
    if (s === undefined) {
      s = slots.length;
      slotIndex.set(key, s);
      const list = beds();
      slots.push({ beds: list, site: p.beds[list[0]].site, room });
    }
    return s;
  };
  const addCol = (k: number, slot: number) => {
    const c = xIntern.length;
    xIntern.push(k);
    xSlot.push(slot);
    xBed.push(slots[slot].beds[0]);
    return c;
  };
  const inPair = new Set<number>();
  for (const [a, b] of p.partners) if (local.has(a) && !(isFixed(a) && isFixed(b))) [a, b].forEach((i) => inPair.add(i));
  // Semester group: interchangeable beds form a class with a capacity; partners' columns also name the room
  // (the room bonus needs it). Two beds of one site that the same members may use are interchangeable: each
  // member's cost on them is the site's (drives and wishes are per site), and every stay overlaps every other,
  // so a bed hosts one member whichever bed it is. Held or proposed beds stay single (keeping scores).
  const usersOfBed = new Map<number, number[]>();
  if (clique)
    members.forEach((i, k) => {
      for (const e of p.edges[i]) {
        const list = usersOfBed.get(e.bed);
        if (list) list.push(k);
        else usersOfBed.set(e.bed, [k]);
      }
    });
  const classKey = (b: number) => (p.specialBeds.has(b) ? `#${b}` : `${p.beds[b].site}|${usersOfBed.get(b)!.join(',')}`);
  const classBeds = new Map<string, number[]>();
  if (clique) {
    const seen = new Set<number>();
    for (const i of members) for (const e of p.edges[i]) if (!seen.has(e.bed)) {
      seen.add(e.bed);
      const key = classKey(e.bed);
      classBeds.set(key, [...(classBeds.get(key) ?? []), e.bed]);
    }
    for (const list of classBeds.values()) list.sort((x, y) => x - y);
  }
  members.forEach((i, k) => {
    const list: number[] = [];
    const made = new Set<number>();
    for (const e of p.edges[i]) {
      const pin = pinnedSite.get(i);
      if (pin !== undefined && p.beds[e.bed].site !== pin) continue;
      let slot: number;
      if (!clique) slot = slotOf(`b${e.bed}`, () => [e.bed], p.beds[e.bed].room);
      else {
        const key = classKey(e.bed);
        const room = p.beds[e.bed].room;
        slot = inPair.has(i)
          ? slotOf(`${key}|${room}`, () => classBeds.get(key)!.filter((b) => p.beds[b].room === room), room)
          : slotOf(key, () => classBeds.get(key)!, undefined);
      }
      if (made.has(slot)) continue;
      made.add(slot);
      list.push(addCol(k, slot));
    }
    colsOf.set(i, list);
  });
  const numX = xIntern.length;
  for (const i of members) {
    const cols = colsOf.get(i)!;
    if (!cols.length) continue;
    addRow(cols, 1, isFixed(i) ? 1 : 0, 1);
  }
  const range = (c: number) => p.interns[members[xIntern[c]]].range;
  if (clique) {
    // Capacity of each class (room slots of partners count in their class), and of each room slot.
    const byClass = new Map<string, number[]>();
    const bySlot = new Map<number, number[]>();
    for (let c = 0; c < numX; c++) {
      const key = classKey(slots[xSlot[c]].beds[0]);
      byClass.set(key, [...(byClass.get(key) ?? []), c]);
      bySlot.set(xSlot[c], [...(bySlot.get(xSlot[c]) ?? []), c]);
    }
    for (const [key, cols] of [...byClass.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
      const cap = classBeds.get(key)!.length;
      if (cols.length > cap) addRow(cols, 1, -Infinity, cap);
    }
    for (const [s, cols] of [...bySlot.entries()].sort((x, y) => x[0] - y[0])) {
      if (slots[s].room !== undefined && cols.length > slots[s].beds.length) addRow(cols, 1, -Infinity, slots[s].beds.length);
    }
  } else {
    // Bed conflicts: interval cliques of the stays that may use each bed.
    const usersOf = new Map<number, number[]>();
    for (let c = 0; c < numX; c++) {
      const list = usersOf.get(xBed[c]);
      if (list) list.push(c);
      else usersOf.set(xBed[c], [c]);
    }
    for (const b of [...usersOf.keys()].sort((x, y) => x - y)) {
      const cols = usersOf.get(b)!.sort((x, y) => range(x).from - range(y).from || x - y);
      if (cols.length < 2) continue;
      for (let k = 0; k < cols.length; k++) {
        const t = range(cols[k]).from;
        if (k + 1 < cols.length && range(cols[k + 1]).from === t) continue; // same start: the later one covers it
        const clique = cols.slice(0, k + 1).filter((c) => range(c).to >= t);
        // Dominated when the next start still sees every member of this clique.
        const next = k + 1 < cols.length ? range(cols[k + 1]).from : Infinity;
        if (next !== Infinity && clique.every((c) => range(c).to >= next)) continue;
        if (clique.length >= 2) addRow(clique, 1, -Infinity, 1);
      }
    }
  }
  const placeCols = (i: number, key: 'site' | 'room') => {
    const m = new Map<string, number[]>();
    for (const c of colsOf.get(i) ?? []) {
      const place = key === 'site' ? slots[xSlot[c]].site : slots[xSlot[c]].room!;
      const list = m.get(place);
      if (list) list.push(c);
      else m.set(place, [c]);
    }
    return m;
  };
  let numCols = numX;
  const extra: { level: number; weight: number }[] = [];
  const bonusCols: GroupMip['bonus'] = [];
  const bonus = (a: number, b: number, key: 'site' | 'room', level: number, weight: number) => {
    const ma = placeCols(a, key);
    const mb = placeCols(b, key);
    for (const place of [...ma.keys()].filter((x) => mb.has(x)).sort()) {
      const z = numCols++;
      extra.push({ level, weight });
      bonusCols.push({ a, b, key, place });
      addRow([...ma.get(place)!, z], [...ma.get(place)!.map(() => -1), 1], -Infinity, 0);
      addRow([...mb.get(place)!, z], [...mb.get(place)!.map(() => -1), 1], -Infinity, 0);
    }
  };
  const constant: Score = [0, 0, 0, 0, 0, 0];
  for (const [a, b] of p.partners) {
    if (!local.has(a)) continue;
    if (isFixed(a) && isFixed(b)) {
      if (p.beds[p.interns[a].fixed].room === p.beds[p.interns[b].fixed].room) constant[2]++;
      continue;
    }
    if (!isFixed(a) && !isFixed(b)) {
      const ma = placeCols(a, 'site');
      const mb = placeCols(b, 'site');
      for (const site of [...new Set([...ma.keys(), ...mb.keys()])].sort()) {
        const ca = ma.get(site) ?? [];
        const cb = mb.get(site) ?? [];
        addRow([...ca, ...cb], [...ca.map(() => 1), ...cb.map(() => -1)], 0, 0);
      }
    }
    bonus(a, b, 'room', 2, 1);
  }
  for (const w of p.peers) if (local.has(w.a)) bonus(w.a, w.b, 'site', 3, w.weight);

  const levels = Array.from({ length: LEVELS }, () => new Float64Array(numCols));
  for (let c = 0; c < numX; c++) {
    const i = members[xIntern[c]];
    const e = p.edges[i].find((x) => x.bed === xBed[c])!; // every bed of a slot costs the same
    levels[0][c] = 1;
    levels[1][c] = e.wish;
    levels[4][c] = p.interns[i].proposed === xBed[c] ? 1 : 0;
    levels[5][c] = -e.tenths;
  }
  extra.forEach((x, k) => (levels[x.level][numX + k] = x.weight));
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(1);
  const integer = new Uint8Array(numCols);
  integer.fill(1, 0, numX);
  return {
    numCols,
    xIntern: Int32Array.from(xIntern),
    xBed: Int32Array.from(xBed),
    xSlot: Int32Array.from(xSlot),
    slots,
    clique,
    bonus: bonusCols,
    numX,
    colLower,
    colUpper,
    integer,
    rows: { starts, indices, values, lower, upper },
    levels,
    constant,
  };
}

/** Largest value a level can take (a bound used to scale combined stages), from its positive coefficients per intern. */
export function levelRange(m: GroupMip, level: number): number {
  const c = m.levels[level];
  if (level === 5) {
    const worst = new Map<number, number>();
    for (let x = 0; x < m.numX; x++) worst.set(m.xIntern[x], Math.min(worst.get(m.xIntern[x]) ?? 0, c[x]));
    let s = 0;
    for (const v of worst.values()) s -= v;
    return s;
  }
  const best = new Map<number, number>();
  let extra = 0;
  for (let x = 0; x < m.numCols; x++) {
    if (x < m.numX) best.set(m.xIntern[x], Math.max(best.get(m.xIntern[x]) ?? 0, c[x]));
    else extra += c[x];
  }
  let s = extra;
  for (const v of best.values()) s += v;
  return s;
}

/**
 * Bed per intern (full length, -1 elsewhere) from a 0-1 column vector: in a
 * semester group, partners' room slots are served first, then each class's
 * beds go in id order to its interns in index order (the capacity rows
 * guarantee there are enough).
 */
export function assignmentOf(p: Problem, m: GroupMip, members: number[], x: ArrayLike<number>): number[] {
  const assign = new Array<number>(p.interns.length).fill(-1);
  const chosen: number[] = [];
  for (let c = 0; c < m.numX; c++) if (x[c] > 0.5) chosen.push(c);
  const roomFirst = (c: number) => (m.slots[m.xSlot[c]].room !== undefined ? 0 : 1);
  chosen.sort((u, v) => roomFirst(u) - roomFirst(v) || m.xIntern[u] - m.xIntern[v]);
  const used = new Set<number>();
  for (const c of chosen) {
    const beds = m.slots[m.xSlot[c]].beds;
    const bed = m.clique ? beds.find((b) => !used.has(b)) : beds[0];
    if (bed === undefined) throw new Error('MIP answer overfills a class of beds');
    used.add(bed);
    assign[members[m.xIntern[c]]] = bed;
  }
  return assign;
}

/**
 * The 0-1 column vector of an assignment (a MIP start): each housed member's
 * column is the slot holding its bed (its room slot for partners), and each
 * bonus column is 1 when both interns use its place.
 */
export function columnsOf(p: Problem, m: GroupMip, members: number[], assign: number[]): Float64Array {
  const x = new Float64Array(m.numCols);
  const colOf = new Map<string, number>();
  for (let c = 0; c < m.numX; c++) for (const b of m.slots[m.xSlot[c]].beds) colOf.set(`${m.xIntern[c]}|${b}`, c);
  members.forEach((i, k) => {
    if (assign[i] < 0) return;
    const c = colOf.get(`${k}|${assign[i]}`);
    if (c !== undefined) x[c] = 1;
  });
  m.bonus.forEach((bn, k) => {
    const at = (i: number) => (assign[i] >= 0 ? p.beds[assign[i]][bn.key] : undefined);
    if (at(bn.a) === bn.place && at(bn.b) === bn.place) x[m.numX + k] = 1;
  });
  return x;
}
