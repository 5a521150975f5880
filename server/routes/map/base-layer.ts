import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simplify } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/** One outline of the offline context layer, with a label position and its box for cheap filtering. */
export interface Outline {
  feature: Feature<Polygon | MultiPolygon, { kind: 'departement' | 'commune'; code: string; name: string; label: [number, number] }>;
  bbox: [number, number, number, number];
}

/** The geography loaded once from disk: département and commune outlines, simplified. */
export interface Geography {
  departements: Outline[];
  communes: Outline[];
}

type Bbox = [number, number, number, number];

function boxOf(coords: Position[][] | Position[][][]): Bbox {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[];
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  walk(coords);
  return b;
}

/** Rounds coordinates to ~10 m so the payload stays small. */
function round(c: unknown): unknown {
  if (Array.isArray(c) && typeof c[0] === 'number') return [Math.round(c[0] * 1e4) / 1e4, Math.round(c[1] * 1e4) / 1e4];
  return Array.isArray(c) ? c.map(round) : c;
}

function toOutlines(fc: FeatureCollection, kind: 'departement' | 'commune', tolerance: number): Outline[] {
  const out: Outline[] = [];
  for (const f of fc.features) {
    if (!f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) continue;
    const props = (f.properties ?? {}) as Record<string, unknown>;
    const simplified = simplify(f as Feature<Polygon | MultiPolygon>, { tolerance, highQuality: false });
    const geometry = { ...simplified.geometry, coordinates: round(simplified.geometry.coordinates) } as Polygon | MultiPolygon;
    const bbox = boxOf(geometry.coordinates);
    out.push({
      feature: {
        type: 'Feature',
        geometry,
        properties: {
          kind,
          code: String(props.code ?? ''),
          name: String(props.nom ?? props.name ?? ''),
          label: [Math.round(((bbox[0] + bbox[2]) / 2) * 1e4) / 1e4, Math.round(((bbox[1] + bbox[3]) / 2) * 1e4) / 1e4],
        },
      },
      bbox,
    });
  }
  return out;
}

/**
 * Reads the offline geography folder (`departements.geojson`, `communes-*.geojson`).
 * Returns undefined when the folder or the département file is absent, so callers degrade.
 */
export function loadGeography(dir: string): Geography | undefined {
  const depFile = path.join(dir, 'departements.geojson');
  if (!existsSync(depFile)) return undefined;
  const read = (f: string) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as FeatureCollection;
  const departements = toOutlines(read('departements.geojson'), 'departement', 0.01);
  const communes = readdirSync(dir)
    .filter((f) => /^communes-.*\.geojson$/.test(f))
    .sort()
    .flatMap((f) => toOutlines(read(f), 'commune', 0.002));
  return { departements, communes };
}

const intersects = (a: Bbox, b: Bbox) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

/** Zoom from which commune outlines and names are sent (below it, only départements). */
export const COMMUNE_MIN_ZOOM = 9;

/** The outlines a map view needs: départements always, communes when zoomed in enough. */
export function selectBaseLayer(geo: Geography, bbox: Bbox | undefined, zoom: number): FeatureCollection {
  const inView = (o: Outline) => !bbox || intersects(o.bbox, bbox);
  const features = geo.departements.filter(inView).map((o) => o.feature as Feature);
  if (zoom >= COMMUNE_MIN_ZOOM && bbox) features.push(...geo.communes.filter(inView).map((o) => o.feature as Feature));
  return { type: 'FeatureCollection', features };
}
