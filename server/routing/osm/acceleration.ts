/**
 * openrouteservice's acceleration heuristic (`use_acceleration` in its driving-car profile): a car
 * on a short way never reaches the limit, since it speeds up from and slows down to a standstill at
 * the junctions. Slower roads are assumed to have gentler acceleration. Main roads (80 km/h and
 * more) are left alone. The arithmetic, including its one-second steps, follows ORS's
 * `VehicleFlagEncoder.adjustSpeedForAcceleration` so that durations agree with ORS.
 */
const CUTOFF_MAX_KMH = 80;
const CUTOFF_MIN_KMH = 20;
const AVERAGE_SECS_TO_100_KMH = 10;

const kmhToMs = (v: number): number => (v * 1000) / 3600;
const msToKmh = (v: number): number => (v * 3600) / 1000;

/** Average speed (km/h) over a way of `distanceM` (its straight-line extent) limited to `maxKmh`. */
export function adjustSpeedForAcceleration(distanceM: number, maxKmh: number): number {
  if (!(maxKmh < CUTOFF_MAX_KMH)) return maxKmh;
  if (distanceM <= 0) return maxKmh;
  const normalised = (Math.max(maxKmh, CUTOFF_MIN_KMH) - CUTOFF_MIN_KMH) / (CUTOFF_MAX_KMH - CUTOFF_MIN_KMH);
  const modifier = 0.01 ** normalised;
  const accel = 100 / (AVERAGE_SECS_TO_100_KMH + modifier * AVERAGE_SECS_TO_100_KMH); // km/h per second
  const timeToMax = maxKmh / accel;
  const accelerationDistance = distanceInDuration(maxKmh, timeToMax, accel);
  const atMax = distanceM - accelerationDistance * 2;
  if (atMax < 0) {
    let duration = durationForDistance(maxKmh, distanceM / 2, accel);
    if (duration === 0) duration = 1;
    return msToKmh(distanceM / (duration * 2));
  }
  const timeAtMax = atMax / kmhToMs(maxKmh);
  return msToKmh(distanceM / (timeToMax * 2 + timeAtMax));
}

/** Seconds to cover `distanceM` from standstill, accelerating in one-second steps up to `maxKmh`. */
function durationForDistance(maxKmh: number, distanceM: number, accel: number): number {
  let seconds = 0;
  let travelled = 0;
  let speed = 0;
  while (speed < maxKmh && travelled < distanceM) {
    speed += accel;
    seconds += 1;
    travelled += kmhToMs(speed);
  }
  const remaining = distanceM - travelled;
  if (remaining > 0) seconds += remaining / kmhToMs(maxKmh);
  return seconds;
}

/** Metres covered in `duration` seconds from standstill, accelerating in one-second steps. */
function distanceInDuration(maxKmh: number, duration: number, accel: number): number {
  let seconds = 0;
  let travelled = 0;
  let speed = 0;
  while (speed < maxKmh && seconds < duration) {
    speed += accel;
    seconds += 1;
    travelled += kmhToMs(speed);
  }
  const remaining = duration - seconds;
  if (remaining > 0) travelled += remaining * kmhToMs(maxKmh);
  return travelled;
}
