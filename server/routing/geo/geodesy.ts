/**
 * Distances on the Earth as openrouteservice's engine (GraphHopper) computes them, so road lengths
 * and durations agree with ORS to the centimetre: a sphere of radius 6,371,000 m.
 */
export const EARTH_RADIUS_M = 6_371_000;

const RAD = Math.PI / 180;

/** Great-circle distance in metres (haversine): lengths of road pieces, snapping distances. */
export function haversineM(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const sinDLat = Math.sin(((lat2 - lat1) * RAD) / 2);
  const sinDLng = Math.sin(((lng2 - lng1) * RAD) / 2);
  const s = sinDLat * sinDLat + sinDLng * sinDLng * Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD);
  return EARTH_RADIUS_M * 2 * Math.asin(Math.min(1, Math.sqrt(s)));
}

/**
 * Distance in metres on a local plane (longitudes scaled by the cosine of the mean latitude):
 * GraphHopper's fast approximation, exact enough below a few kilometres.
 */
export function planarDistanceM(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLng = (lng2 - lng1) * RAD * Math.cos(((lat1 + lat2) / 2) * RAD);
  return EARTH_RADIUS_M * Math.sqrt(dLat * dLat + dLng * dLng);
}

/** Metres per degree of latitude and of longitude around a latitude, for local planar maths. */
export function metresPerDegree(lat: number): { x: number; y: number } {
  const y = EARTH_RADIUS_M * RAD;
  return { x: y * Math.cos(lat * RAD), y };
}
