/**
 * The car profile: which OSM ways a car may use, in which direction and how fast, and which
 * nodes stop it. The rules are openrouteservice's `driving-car` (its `CarFlagEncoder` and
 * `VehicleFlagEncoder`, on GraphHopper's `AbstractFlagEncoder`), with the options of ORS's own
 * configuration (`use_acceleration`, `maximum_grade_level: 1`, fords not blocked), so that drive
 * times agree with ORS: general OSM semantics as a table of speeds and tag rules, nothing fitted.
 */
import { parseMaxspeed, zoneMaxspeed } from './maxspeed.ts';
import { adjustSpeedForAcceleration } from './acceleration.ts';

/** Default speed (km/h) per highway class when no usable `maxspeed` is tagged (ORS `car.json`). */
export const CLASS_SPEEDS_KMH: Readonly<Record<string, number>> = {
  motorway: 100,
  motorway_link: 60,
  motorroad: 90,
  trunk: 85,
  trunk_link: 60,
  primary: 65,
  primary_link: 50,
  secondary: 60,
  secondary_link: 50,
  tertiary: 50,
  tertiary_link: 40,
  unclassified: 30,
  residential: 30,
  living_street: 10,
  service: 20,
  road: 20,
  track: 15,
};

/** Speed caps (km/h) by `surface`; -1: no cap. Unknown surfaces are not capped. */
const SURFACE_SPEEDS_KMH: Readonly<Record<string, number>> = {
  asphalt: -1, concrete: -1, 'concrete:plates': -1, 'concrete:lanes': -1, paved: -1,
  cement: 80, compacted: 80, fine_gravel: 60, paving_stones: 40, metal: 40, bricks: 40,
  grass: 30, wood: 30, sett: 30, grass_paver: 30, gravel: 30, unpaved: 30, ground: 30, dirt: 30,
  pebblestone: 30, tartan: 30, cobblestone: 20, clay: 20, earth: 15, stone: 15, rocky: 15, sand: 15,
  mud: 10, unknown: 30,
};

/** Track speeds (km/h) by `tracktype`. */
const TRACKTYPE_SPEEDS_KMH: Readonly<Record<string, number>> = { grade1: 40, grade2: 30, grade3: 20, grade4: 15, grade5: 10 };

/** Tracks rougher than this grade are closed to cars (ORS's `maximum_grade_level: 1`). */
export const MAX_TRACK_GRADE = 1;
/** Speeds are stored in 5 km/h steps, at least 5 and at most 140 km/h. */
export const SPEED_STEP_KMH = 5;
export const MAX_CAR_SPEED_KMH = 140;
/** A tagged speed limit is driven at 90 % of its value. */
export const MAXSPEED_FACTOR = 0.9;

/** Access keys from the most to the least specific: the first one present decides. */
const ACCESS_KEYS = ['motorcar', 'motor_vehicle', 'vehicle', 'access'] as const;
const RESTRICTED = new Set(['private', 'no', 'restricted', 'military', 'agricultural', 'forestry', 'delivery', 'emergency']);
const INTENDED = new Set(['yes', 'permissive', 'destination', 'permit']);
const ONEWAY_VALUES = new Set(['yes', 'true', '1', '-1']);
const FERRY_ROUTES = new Set(['ferry', 'shuttle_train']);

/**
 * Barriers that stop cars unless the node lets them through: GraphHopper's `blockByDefaultBarriers`
 * for cars and, since ORS's vehicle encoders set `block_barriers` (default `true`, not overridden by
 * ORS's test configuration), its `passByDefaultBarriers` too (gate, lift_gate, kissing_gate,
 * swing_gate; `ORSAbstractFlagEncoder.isBarrier`, since ORS commit a09ce84a7, 2023-02-21).
 */
const CAR_BARRIERS = new Set(['bollard', 'stile', 'turnstile', 'cycle_barrier', 'motorcycle_barrier', 'block', 'bus_trap', 'sump_buster', 'gate', 'lift_gate', 'kissing_gate', 'swing_gate']);

/** Node tag keys the importer must keep for {@link carBarrierBlocks}. */
export const BARRIER_TAG_KEYS: ReadonlySet<string> = new Set(['barrier']);

/** What the importer knows of a way's shape, for the length-dependent speed rules. */
export interface WayShape {
  /** Straight-line distance between the way's first and last node, metres. */
  estimatedDistanceM: number;
  /** Length along the way, metres (ferries). */
  lengthM: number;
  /** Number of nodes of the OSM way. */
  nodeCount: number;
}

/** Result of applying the profile to one way. */
export interface CarWay {
  forward: boolean;
  backward: boolean;
  /** Travel speed in km/h, in 5 km/h steps. */
  speedKmh: number;
  /** Motorways and motorroads: no driveway joins them (snapping may avoid them on coarse data). */
  limitedAccess: boolean;
  ferry: boolean;
}

/** Values of a tag split on `;`, trimmed. */
function values(tags: Record<string, string>, key: string): string[] {
  const v = tags[key];
  return v === undefined ? [] : v.split(';').map((s) => s.trim());
}

/** Values of the most specific access key present (`motorcar` before `motor_vehicle`…). */
function firstPriorityAccess(tags: Record<string, string>): string[] {
  for (const k of ACCESS_KEYS) if (k in tags) return values(tags, k);
  return [];
}

/**
 * `*:conditional` access: whether some condition (time, season…) grants (`grant`) or withdraws
 * access. Conditional edges stay routable in time-independent routing, as in ORS.
 */
function hasConditional(tags: Record<string, string>, grant: boolean): boolean {
  for (const k of ACCESS_KEYS) {
    const v = tags[`${k}:conditional`];
    if (!v) continue;
    for (const part of v.split(';')) {
      const value = part.split('@')[0].trim();
      if (grant ? INTENDED.has(value) : RESTRICTED.has(value)) return true;
    }
  }
  return false;
}

/** Grade of a `tracktype` (`grade3`, `grade2;grade3` → its worst), 0 when unknown. */
export function trackGrade(value: string | undefined): number {
  if (!value || value === 'unknown') return 0;
  let max = 0;
  for (const v of value.split(/[;-]/)) {
    const n = Number.parseInt(v.replace('grade', '').trim(), 10);
    if (!Number.isFinite(n) || String(n) !== v.replace('grade', '').trim()) return 0;
    if (n > max) max = n;
  }
  return Math.min(5, max);
}

/** The highway class the speed table is read with: `motorroad=yes` makes a road a motorroad. */
function highwayClass(tags: Record<string, string>): string | undefined {
  const h = tags.highway;
  if (h && tags.motorroad === 'yes' && h !== 'motorway' && h !== 'motorway_link') return 'motorroad';
  return h;
}

type Access = 'way' | 'ferry' | 'skip';

/** Whether a car may use the way at all (ORS `CarFlagEncoder.getAccess`). */
export function carAccess(tags: Record<string, string>): Access {
  const highway = tags.highway;
  const restriction = firstPriorityAccess(tags);
  if (!highway) {
    if (tags.route && FERRY_ROUTES.has(tags.route)) {
      for (const v of restriction) {
        if (RESTRICTED.has(v)) return 'skip';
        if (INTENDED.has(v)) return 'ferry';
      }
      if (restriction.length === 0 && !('foot' in tags) && !('bicycle' in tags)) return 'ferry';
    }
    return 'skip';
  }
  if (highway === 'track' && tags.tracktype !== undefined && trackGrade(tags.tracktype) > MAX_TRACK_GRADE) return 'skip';
  if (!(highway in CLASS_SPEEDS_KMH)) return 'skip';
  if (tags.impassable === 'yes' || tags.status === 'impassable' || tags.smoothness === 'impassable') return 'skip';
  for (const v of restriction) {
    if (v === '') continue;
    if (RESTRICTED.has(v)) return hasConditional(tags, true) ? 'way' : 'skip';
    if (INTENDED.has(v)) return 'way';
  }
  const maxwidth = tags.maxwidth !== undefined && tags.maxwidth.trim() !== '' ? Number(tags.maxwidth) : NaN;
  if (Number.isFinite(maxwidth) && maxwidth < 2) return 'skip';
  return 'way';
}

/** Directions a car may drive (ORS `VehicleFlagEncoder`: `oneway`, `*:forward=no`, roundabouts). */
export function carDirections(tags: Record<string, string>): { forward: boolean; backward: boolean } {
  const oneway =
    (tags.oneway !== undefined && ONEWAY_VALUES.has(tags.oneway)) ||
    'vehicle:backward' in tags ||
    'vehicle:forward' in tags ||
    'motor_vehicle:backward' in tags ||
    'motor_vehicle:forward' in tags;
  const roundabout = tags.junction === 'roundabout';
  if (!oneway && !roundabout) return { forward: true, backward: true };
  const backwardOnly = tags.oneway === '-1' || tags['vehicle:forward'] === 'no' || tags['motor_vehicle:forward'] === 'no';
  return { forward: !backwardOnly, backward: backwardOnly };
}

/** Speed before the rules that depend on the way's length (class, limit, track, surface). */
export function baseSpeedKmh(tags: Record<string, string>): number {
  const highway = highwayClass(tags) ?? '';
  let speed = CLASS_SPEEDS_KMH[highway] ?? CLASS_SPEEDS_KMH.road;
  const tagged = parseMaxspeedTags(tags);
  const rounded = Number.isNaN(tagged) ? 0 : Math.round(tagged);
  const limit = rounded > 0 ? rounded : zoneMaxspeed(tags);
  if (limit > 0) speed = limit;
  if (highway === 'track' && tags.tracktype) {
    const t = TRACKTYPE_SPEEDS_KMH[tags.tracktype];
    if (t !== undefined && t !== -1) speed = t;
  }
  if (!Number.isNaN(tagged)) speed = tagged * MAXSPEED_FACTOR;
  const surface = tags.surface !== undefined ? SURFACE_SPEEDS_KMH[tags.surface] : undefined;
  if (surface !== undefined && surface !== -1 && speed > surface) speed = surface;
  return speed;
}

/** `maxspeed`, or the lower of `maxspeed:forward`/`:backward` when lower (NaN when none). */
function parseMaxspeedTags(tags: Record<string, string>): number {
  let max = parseMaxspeed(tags.maxspeed);
  const fwd = parseMaxspeed(tags['maxspeed:forward']);
  if (!Number.isNaN(fwd) && (Number.isNaN(max) || fwd < max)) max = fwd;
  const bwd = parseMaxspeed(tags['maxspeed:backward']);
  if (!Number.isNaN(bwd) && (Number.isNaN(max) || bwd < max)) max = bwd;
  return max;
}

/**
 * Residential streets whose nodes are less than 100 m apart on average are driven at half speed:
 * junctions, parked cars and pedestrians (ORS's residential penalty).
 */
function residentialPenalty(speed: number, shape: WayShape): number {
  const gaps = Math.max(1, shape.nodeCount - 1);
  return shape.estimatedDistanceM / gaps < 100 ? speed * 0.5 : speed;
}

/** Roundabouts are driven slowly: 35 km/h on one lane, 40 on two or more (when `lanes` says). */
function roundaboutCap(tags: Record<string, string>, speed: number): number {
  if (tags.junction !== 'roundabout') return speed;
  if (tags.highway === 'mini_roundabout') speed = Math.min(speed, 25);
  if (tags.lanes !== undefined && /^[+-]?\d+$/.test(tags.lanes.trim())) speed = Math.min(speed, Number(tags.lanes) >= 2 ? 40 : 35);
  return speed;
}

/** Ferry speed from `duration` and length (ORS/GraphHopper `FerrySpeedCalculator`). */
function ferrySpeedKmh(rule: WayRule, shape: WayShape): number {
  const hours = rule.ferryDurationS / 3600;
  const km = shape.lengthM / 1000;
  if (hours > 0) {
    const trip = km / hours / 1.4;
    if (trip > 0.01) return trip > MAX_CAR_SPEED_KMH ? MAX_CAR_SPEED_KMH : Math.round(trip) < SPEED_STEP_KMH / 2 ? SPEED_STEP_KMH / 2 : Math.round(trip);
  }
  if (shape.lengthM <= 300) return SPEED_STEP_KMH / 2;
  const tagged = rule.ferryMaxspeedKmh / 1.4;
  if (Number.isFinite(tagged)) return Math.min(MAX_CAR_SPEED_KMH, Math.max(SPEED_STEP_KMH / 2, tagged));
  return 5;
}

/** OSM `duration` (`HH:MM`, `HH:MM:SS`, `MM`, ISO 8601 `PT1H30M`) in seconds, 0 when unreadable. */
export function parseDurationSeconds(value: string | undefined): number {
  if (!value) return 0;
  const v = value.trim();
  const iso = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(v);
  if (iso && v.length > 1) return (Number(iso[1] ?? 0) * 24 + Number(iso[2] ?? 0)) * 3600 + Number(iso[3] ?? 0) * 60 + Number(iso[4] ?? 0);
  const clock = /^(\d+)(?::(\d+))?(?::(\d+))?$/.exec(v);
  if (!clock) return 0;
  if (clock[2] === undefined) return Number(clock[1]) * 60;
  return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0);
}

/** Clamps a speed to [5, 140] km/h and to the 5 km/h steps ORS stores. */
export function storedSpeed(speed: number): number {
  const clamped = speed < SPEED_STEP_KMH ? SPEED_STEP_KMH : Math.min(speed, MAX_CAR_SPEED_KMH);
  return Math.round(clamped / SPEED_STEP_KMH) * SPEED_STEP_KMH;
}

/** How a way's speed depends on its length, once its nodes' positions are known. */
export const SpeedRule = {
  /** Motorways and motorroads: the base speed as is. */
  None: 0,
  /** Residential streets: halved when nodes are close together. */
  Residential: 1,
  /** Other roads: ORS's acceleration heuristic. */
  Acceleration: 2,
  /** Ferries: from `duration` and length. */
  Ferry: 3,
} as const;
export type SpeedRule = (typeof SpeedRule)[keyof typeof SpeedRule];

/**
 * Everything the profile decides from a way's tags alone, in a few numbers (the importer keeps
 * one per way between its passes, not the tags).
 */
export interface WayRule {
  forward: boolean;
  backward: boolean;
  baseSpeedKmh: number;
  speedRule: SpeedRule;
  /** Roundabout speed cap, km/h (Infinity when none). */
  capKmh: number;
  limitedAccess: boolean;
  ferryDurationS: number;
  ferryMaxspeedKmh: number;
  /**
   * Route-choice penalty (ORS's `LimitedAccessWeighting` for cars): a journey prefers not to cross
   * destination-only or private roads (×10), customers-only (×1.5) or service roads (×1.2); it
   * weighs the route, not the time reported for it.
   */
  weightFactor: number;
}

/** Road access classes in GraphHopper's order; the most restrictive of the access keys wins. */
const ROAD_ACCESS = ['yes', 'destination', 'customers', 'delivery', 'forestry', 'agricultural', 'private', 'other', 'no'];

/** ORS's route-choice factor for a car on a way (see {@link WayRule.weightFactor}). */
export function limitedAccessFactor(tags: Record<string, string>): number {
  let rank = 0;
  for (const k of ACCESS_KEYS) {
    const r = ROAD_ACCESS.indexOf((tags[k] ?? 'yes').toLowerCase());
    if (r > rank) rank = r;
  }
  const access = ROAD_ACCESS[rank];
  let factor = access === 'destination' || access === 'private' ? 10 : access === 'customers' ? 1.5 : 1;
  if (tags.highway === 'service') factor *= 1.2;
  return factor;
}

/** The tag-only part of the profile; `null` when a car may not use the way. */
export function carWayRule(tags: Record<string, string>): WayRule | null {
  const access = carAccess(tags);
  if (access === 'skip') return null;
  if (access === 'ferry') {
    return {
      forward: true, backward: true, baseSpeedKmh: 0, speedRule: SpeedRule.Ferry, capKmh: Infinity, limitedAccess: false,
      ferryDurationS: parseDurationSeconds(tags.duration), ferryMaxspeedKmh: parseMaxspeed(tags.maxspeed), weightFactor: limitedAccessFactor(tags),
    };
  }
  const highway = highwayClass(tags) ?? '';
  const speedRule = highway === 'residential' ? SpeedRule.Residential : highway === 'motorway' || highway === 'motorroad' ? SpeedRule.None : SpeedRule.Acceleration;
  const { forward, backward } = carDirections(tags);
  return {
    forward, backward, baseSpeedKmh: baseSpeedKmh(tags), speedRule, capKmh: roundaboutCap(tags, Infinity),
    limitedAccess: highway === 'motorway' || highway === 'motorway_link' || highway === 'motorroad',
    ferryDurationS: 0, ferryMaxspeedKmh: NaN, weightFactor: limitedAccessFactor(tags),
  };
}

/** The way's stored speed (km/h) once its shape is known. */
export function carWaySpeedKmh(rule: WayRule, shape: WayShape): number {
  if (rule.speedRule === SpeedRule.Ferry) return storedSpeed(ferrySpeedKmh(rule, shape));
  let speed = rule.baseSpeedKmh;
  if (rule.speedRule === SpeedRule.Residential) speed = residentialPenalty(speed, shape);
  else if (rule.speedRule === SpeedRule.Acceleration) speed = adjustSpeedForAcceleration(shape.estimatedDistanceM, speed);
  return storedSpeed(Math.min(speed, rule.capKmh));
}

/**
 * Applies the profile to one way; `null` when a car may not use it. The speed already includes
 * the residential penalty, the acceleration heuristic on short ways and the roundabout caps.
 */
export function carWay(tags: Record<string, string>, shape: WayShape): CarWay | null {
  const rule = carWayRule(tags);
  if (!rule) return null;
  return { forward: rule.forward, backward: rule.backward, speedKmh: carWaySpeedKmh(rule, shape), limitedAccess: rule.limitedAccess, ferry: rule.speedRule === SpeedRule.Ferry };
}

/**
 * Whether a barrier on a node stops cars (ORS's `ORSAbstractFlagEncoder.isBarrier` with
 * `block_barriers: true`): bollards, gates, lift gates and the like do unless an access tag on the
 * node lets cars through (`yes`, `permissive`, `destination`, `permit`; not when `locked=yes`);
 * other barrier values (kerb, entrance, chain…) do not.
 */
export function carBarrierBlocks(tags: Record<string, string>): boolean {
  const barrier = tags.barrier;
  if (barrier === undefined) return false;
  if (!CAR_BARRIERS.has(barrier)) return false;
  const locked = tags.locked === 'yes';
  for (const k of ACCESS_KEYS) {
    const v = tags[k];
    if (v === undefined) continue;
    if (!locked && INTENDED.has(v)) return false;
    if (RESTRICTED.has(v)) return true;
  }
  return true;
}
