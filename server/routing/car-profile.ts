/**
 * Car profile: which OSM ways a car may use, in which direction and how fast. Defaults follow
 * openrouteservice's driving-car profile (itself GraphHopper's car profile), so the embedded engine
 * and ORS agree to within the usual noise.
 */

/** Default speed (km/h) per highway class when no usable `maxspeed` is tagged. */
export const DEFAULT_SPEEDS_KMH: Readonly<Record<string, number>> = {
  motorway: 100,
  motorway_link: 60,
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

/** GraphHopper drives at 90 % of the posted limit: traffic, curves and junctions eat the rest. */
export const MAXSPEED_FACTOR = 0.9;
/** No car-profile edge is faster than this (km/h), whatever `maxspeed` says (`none` included). */
export const MAX_CAR_SPEED_KMH = 140;

const DENIED = new Set(['no', 'private', 'agricultural', 'forestry', 'emergency', 'military', 'restricted', 'permit', 'delivery']);
const ONEWAY_CLASSES = new Set(['motorway', 'motorway_link']);

/** Zone and country-code speed tokens (`FR:urban`, `DE:rural`, `zone30`…), km/h. */
const IMPLICIT_MAXSPEED: Readonly<Record<string, number>> = {
  urban: 50,
  rural: 80,
  motorway: 130,
  trunk: 110,
  living_street: 10,
  walk: 6,
  zone30: 30,
  zone20: 20,
  bicycle_road: 30,
};
const COUNTRY_RURAL: Readonly<Record<string, number>> = { FR: 80, DE: 100, AT: 100, BE: 90, CH: 80, IT: 90, ES: 90, GB: 96.5, LU: 90, NL: 80 };

/** Result of applying the profile to one way. */
export interface WayAccess {
  forward: boolean;
  backward: boolean;
  speedKmh: number;
  /** Motorways and their links: no driveway joins them, so points are not snapped onto them. */
  limitedAccess: boolean;
}

/**
 * Parses an OSM `maxspeed` value into km/h; `undefined` for values that carry no number
 * (`signals`, `variable`) so the class default applies instead.
 */
export function parseMaxspeed(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const first = value.split(';')[0].trim().toLowerCase();
  if (first === 'none') return MAX_CAR_SPEED_KMH;
  if (first === 'walk') return 6;
  const num = /^(\d+(?:[.,]\d+)?)\s*(mph|km\/h|kmh|kph|knots)?$/.exec(first);
  if (num) {
    const v = Number(num[1].replace(',', '.'));
    if (num[2] === 'mph') return v * 1.609344;
    if (num[2] === 'knots') return v * 1.852;
    return v > 0 ? v : undefined;
  }
  const zone = /^(?:([a-z]{2}):)?(?:zone:?)(\d+)$/.exec(first);
  if (zone) return Number(zone[2]);
  const implicit = /^([a-z]{2}):([a-z_]+)$/.exec(first);
  if (implicit) {
    const [, country, kind] = implicit;
    if (kind === 'rural') return COUNTRY_RURAL[country.toUpperCase()] ?? IMPLICIT_MAXSPEED.rural;
    if (kind === 'motorway' && country === 'de') return 130;
    return IMPLICIT_MAXSPEED[kind];
  }
  return undefined;
}

function accessValue(tags: Record<string, string>): string | undefined {
  return tags.motorcar ?? tags.motor_vehicle ?? tags.vehicle ?? tags.access;
}

/**
 * Decides whether a car may drive a way, in which directions and at what speed; `null` when
 * the way is not for cars at all (footway, private road, ferry, construction…).
 */
export function carWayAccess(tags: Record<string, string>): WayAccess | null {
  const highway = tags.highway;
  if (!highway) return null;
  const classSpeed = DEFAULT_SPEEDS_KMH[highway];
  if (classSpeed === undefined) return null;
  if (tags.area === 'yes') return null;
  if (highway === 'track' && tags.tracktype !== 'grade1') return null;
  const access = accessValue(tags);
  if (access && DENIED.has(access)) return null;
  if (tags.impassable === 'yes' || tags.status === 'impassable') return null;

  let forward = true;
  let backward = true;
  const oneway = tags['oneway:motorcar'] ?? tags['oneway:motor_vehicle'] ?? tags.oneway;
  const junction = tags.junction;
  if (oneway === 'reversible' || oneway === 'alternating') return null;
  if (oneway === '-1' || oneway === 'reverse') forward = false;
  else if (oneway === 'yes' || oneway === '1' || oneway === 'true') backward = false;
  else if (oneway !== 'no' && (ONEWAY_CLASSES.has(highway) || junction === 'roundabout' || junction === 'circular')) backward = false;

  const tagged =
    parseMaxspeed(tags.maxspeed) ??
    minDefined(parseMaxspeed(tags['maxspeed:forward']), parseMaxspeed(tags['maxspeed:backward']));
  let speedKmh = tagged !== undefined ? tagged * MAXSPEED_FACTOR : classSpeed;
  if (highway === 'service' && (tags.service === 'parking_aisle' || tags.service === 'drive-through')) speedKmh = Math.min(speedKmh, 10);
  speedKmh = Math.max(2, Math.min(speedKmh, MAX_CAR_SPEED_KMH));
  const limitedAccess = highway === 'motorway' || highway === 'motorway_link' || tags.motorroad === 'yes';
  return { forward, backward, speedKmh, limitedAccess };
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}
