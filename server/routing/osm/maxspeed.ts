/**
 * Reading OSM speed limits as GraphHopper's `OSMValueExtractor.stringToKmh` does, and the
 * country zone defaults of openrouteservice's `car.json`, so tagged limits mean what they mean in ORS.
 */

/** Speed assumed for `maxspeed=none` (unlimited stretches of German autobahns). */
export const UNLIMITED_SPEED_KMH = 150;
const MILE_KM = 1.609344;

/**
 * Parses a `maxspeed` value into km/h; NaN for values that carry no usable number (`signals`,
 * `variable`, decimals), so the class default applies instead.
 */
export function parseMaxspeed(value: string | undefined): number {
  if (value === undefined || value === '') return NaN;
  let str = value;
  if (str === 'none') return UNLIMITED_SPEED_KMH;
  if (str.endsWith(':rural') || str.endsWith(':trunk')) return 80;
  if (str.endsWith(':urban')) return 50;
  if (str === 'walk' || str.endsWith(':living_street')) return 6;
  const mp = str.indexOf('mp');
  const knots = str.indexOf('knots');
  const km = str.indexOf('km');
  const kph = str.indexOf('kph');
  let factor = 1;
  if (mp > 0) {
    str = str.slice(0, mp).trim();
    factor = MILE_KM;
  } else if (knots > 0) {
    str = str.slice(0, knots).trim();
    factor = 1.852;
  } else if (km > 0) str = str.slice(0, km).trim();
  else if (kph > 0) str = str.slice(0, kph).trim();
  if (!/^[+-]?\d+$/.test(str)) return NaN;
  const v = Number.parseInt(str, 10) * factor;
  return v > 0 ? v : NaN;
}

/** Legal default limits by zone (`zone:maxspeed=DE:urban`…), km/h: ORS's `max_speeds` table. */
const ZONE_SPEEDS_KMH: Readonly<Record<string, number>> = {
  'at:urban': 50, 'at:rural': 100, 'at:trunk': 100, 'at:motorway': 130,
  'ch:urban': 50, 'ch:rural': 80, 'ch:trunk': 100, 'ch:motorway': 120,
  'cz:urban': 50, 'cz:rural': 90, 'cz:trunk': 80, 'cz:motorway': 80,
  'dk:urban': 50, 'dk:rural': 80, 'dk:motorway': 130,
  'de:living_street': 7, 'de:urban': 50, 'de:rural': 100, 'de:motorway': 130,
  'fi:urban': 50, 'fi:rural': 80, 'fi:trunk': 100, 'fi:motorway': 120,
  'fr:urban': 50, 'fr:rural': 80, 'fr:trunk': 110, 'fr:motorway': 130,
  'gr:urban': 50, 'gr:rural': 90, 'gr:trunk': 110, 'gr:motorway': 130,
  'hu:urban': 50, 'hu:rural': 90, 'hu:trunk': 110, 'hu:motorway': 130,
  'it:urban': 50, 'it:rural': 90, 'it:trunk': 110, 'it:motorway': 130,
  'jp:national': 60, 'jp:motorway': 100,
  'pl:living_street': 20, 'pl:urban': 50, 'pl:rural': 90, 'pl:motorway': 140,
  'ro:urban': 50, 'ro:rural': 90, 'ro:trunk': 100, 'ro:motorway': 130,
  'ru:living_street': 20, 'ru:rural': 90, 'ru:urban': 60, 'ru:motorway': 110,
  'sk:urban': 50, 'sk:rural': 90, 'sk:trunk': 90, 'sk:motorway': 90,
  'si:urban': 50, 'si:rural': 90, 'si:trunk': 110, 'si:motorway': 130,
  'es:urban': 50, 'es:rural': 90, 'es:trunk': 100, 'es:motorway': 120,
  'se:urban': 50, 'se:rural': 70, 'se:trunk': 90, 'se:motorway': 110,
  'gb:nsl_single': 96, 'gb:nsl_dual': 112, 'gb:motorway': 112,
  'ua:urban': 60, 'ua:rural': 90, 'ua:trunk': 110, 'ua:motorway': 130,
  'uz:living_street': 30, 'uz:urban': 70, 'uz:rural': 100, 'uz:motorway': 110,
};

/**
 * The zone's legal limit when no `maxspeed` is tagged (`zone:maxspeed`, else `zone:traffic`);
 * -1 when a `maxspeed` is tagged or the zone is unknown.
 */
export function zoneMaxspeed(tags: Record<string, string>): number {
  if ('maxspeed' in tags) return -1;
  const zone = tags['zone:maxspeed'] ?? tags['zone:traffic'];
  if (zone === undefined) return -1;
  return ZONE_SPEEDS_KMH[zone.toLowerCase()] ?? -1;
}
