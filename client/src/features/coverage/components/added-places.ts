import type { AddedPlace } from '../api/get-coverage.ts';

/**
 * Added places live in the address (`?lieux=`), so a shared link weighs the same places:
 * `Name@lng,lat` items separated by `;` (names are URL-encoded by URLSearchParams itself).
 */
export function parsePlaces(raw: string): AddedPlace[] {
  if (!raw) return [];
  return raw
    .split(';')
    .map((item) => {
      const at = item.lastIndexOf('@');
      if (at <= 0) return undefined;
      const [lng, lat] = item.slice(at + 1).split(',').map(Number);
      const name = item.slice(0, at).trim();
      if (!name || !Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lng) > 180 || Math.abs(lat) > 90) return undefined;
      return { name, location: [lng, lat] as [number, number] };
    })
    .filter((p): p is AddedPlace => p !== undefined)
    .slice(0, 50);
}

/** The `?lieux=` value of a list of places (coordinates to 5 decimals, about a metre). */
export function formatPlaces(places: AddedPlace[]): string {
  return places.map((p) => `${p.name.replace(/[;@]/g, ' ')}@${p.location[0].toFixed(5)},${p.location[1].toFixed(5)}`).join(';');
}
