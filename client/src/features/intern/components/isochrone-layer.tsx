import type { FeatureCollection } from 'geojson';
import { GeoJSON } from 'react-leaflet';

const BAND_COLOURS: Record<number, string> = { 600: '#1d4ed8', 1200: '#3b82f6', 1800: '#93c5fd' };

/** Seconds of a band from its properties (`value` as ORS, or `range`/`seconds`/`minutes`). */
export function bandSeconds(p: Record<string, unknown> | null | undefined): number {
  const v = Number(p?.value ?? p?.range ?? p?.seconds ?? (p?.minutes !== undefined ? Number(p.minutes) * 60 : NaN));
  return Number.isFinite(v) ? v : 1800;
}

/** Every `[lng, lat]` vertex of the widest band(s), to fit the map on them. */
export function outerRing(data: FeatureCollection): [number, number][] {
  const widest = Math.max(...data.features.map((f) => bandSeconds(f.properties)));
  const out: [number, number][] = [];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') out.push([c[0], c[1] as number]);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  for (const f of data.features) if (bandSeconds(f.properties) === widest && f.geometry && 'coordinates' in f.geometry) walk(f.geometry.coordinates);
  return out;
}

/**
 * The 10/20/30-minute drive-time bands (largest drawn first) and, for two
 * practices, the area within reach of both, outlined in purple.
 */
export function IsochroneLayer({ data, dataKey }: { data: FeatureCollection; dataKey: string }) {
  // The area within reach of both practices is shown for the largest band only, to keep the map legible.
  const widest = Math.max(...data.features.map((f) => bandSeconds(f.properties)));
  const sorted = {
    ...data,
    features: data.features.filter((f) => f.properties?.kind !== 'both' || bandSeconds(f.properties) === widest).sort((a, b) => {
      const both = (f: typeof a) => (f.properties?.kind === 'both' ? 1 : 0);
      return both(a) - both(b) || bandSeconds(b.properties) - bandSeconds(a.properties);
    }),
  };
  return (
    <GeoJSON
      key={dataKey}
      data={sorted}
      interactive={false}
      style={(f) => {
        if (f?.properties?.kind === 'both') return { className: 'iso-both', color: '#7c3aed', weight: 3, dashArray: '6 4', fillColor: '#7c3aed', fillOpacity: 0.12 };
        const s = bandSeconds(f?.properties);
        return { className: `iso-band iso-${s}`, color: BAND_COLOURS[s] ?? '#60a5fa', weight: 1, fillColor: BAND_COLOURS[s] ?? '#60a5fa', fillOpacity: 0.16 };
      }}
    />
  );
}
