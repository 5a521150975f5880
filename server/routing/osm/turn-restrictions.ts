import type { OsmRelation } from './pbf-reader.ts';

/**
 * An OSM turn restriction that concerns cars: from a way, through a node or through one or more
 * ways, to a way. `no`: that manoeuvre is forbidden; `only`: it is the only one allowed.
 */
export interface OsmTurnRestriction {
  id: number;
  kind: 'no' | 'only';
  from: number;
  /** The via node, or `undefined` when the restriction goes through ways. */
  viaNode?: number;
  /** The via ways, in the order the relation lists them (empty for a via node). */
  viaWays: number[];
  to: number;
}

/** Restriction values a router can apply (those GraphHopper, hence ORS, understands). */
const KINDS: Readonly<Record<string, 'no' | 'only'>> = {
  no_left_turn: 'no',
  no_right_turn: 'no',
  no_straight_on: 'no',
  no_u_turn: 'no',
  no_entry: 'no',
  only_left_turn: 'only',
  only_right_turn: 'only',
  only_straight_on: 'only',
};

/** Vehicle classes a car belongs to, for `restriction:<vehicle>` and `except`. */
const CAR_CLASSES = new Set(['motorcar', 'motor_vehicle', 'vehicle', 'access']);

/**
 * Reads a `type=restriction` relation into the restrictions that apply to cars: `restriction=*`
 * (unless `except` names cars), else `restriction:motorcar` and the like. Relations with several
 * `from` or `to` members (allowed for `no_entry`/`no_exit`) give one restriction per pair.
 */
export function carTurnRestrictions(rel: OsmRelation): OsmTurnRestriction[] {
  if (rel.tags.type !== 'restriction') return [];
  const except = (rel.tags.except ?? '').split(';').map((s) => s.trim());
  if (except.some((v) => CAR_CLASSES.has(v))) return [];
  let value = rel.tags.restriction;
  if (value === undefined) {
    for (const [key, v] of Object.entries(rel.tags)) {
      if (key.startsWith('restriction:') && CAR_CLASSES.has(key.slice('restriction:'.length).trim())) value = v;
    }
  }
  const kind = value !== undefined ? KINDS[value.trim()] : undefined;
  if (!kind) return [];
  const from = rel.members.filter((m) => m.type === 1 && m.role === 'from').map((m) => m.ref);
  const to = rel.members.filter((m) => m.type === 1 && m.role === 'to').map((m) => m.ref);
  const viaNodes = rel.members.filter((m) => m.type === 0 && m.role === 'via').map((m) => m.ref);
  const viaWays = rel.members.filter((m) => m.type === 1 && m.role === 'via').map((m) => m.ref);
  if (from.length === 0 || to.length === 0) return [];
  if (viaNodes.length + viaWays.length === 0 || (viaNodes.length > 0 && viaWays.length > 0) || viaNodes.length > 1) return [];
  const out: OsmTurnRestriction[] = [];
  for (const f of from) for (const t of to) out.push({ id: rel.id, kind, from: f, viaNode: viaNodes[0], viaWays, to: t });
  return out;
}
