import { readFileSync } from 'node:fs';
import path from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** A département outline from `geo/departements.geojson` (IGN Admin Express). */
export type DepartementOutline = Feature<Polygon | MultiPolygon, { code: string; nom: string }>;

/** All département outlines of the repository's offline geography. */
export function readDepartements(geoDir: string): DepartementOutline[] {
  const fc = JSON.parse(readFileSync(path.join(geoDir, 'departements.geojson'), 'utf8')) as FeatureCollection;
  return fc.features as DepartementOutline[];
}

/** The outlines of the given codes ("41", "2A"); throws naming the unknown ones. */
export function selectDepartements(all: DepartementOutline[], codes: string[]): DepartementOutline[] {
  const wanted = codes.map((c) => c.trim().toUpperCase().padStart(2, '0'));
  const unknown = wanted.filter((c) => !all.some((d) => d.properties.code === c));
  if (unknown.length) throw new Error(`unknown département code(s): ${unknown.join(', ')}`);
  return all.filter((d) => wanted.includes(d.properties.code));
}

/** Codes of the départements containing any of the points, sorted. */
export function departementsOf(all: DepartementOutline[], points: [number, number][]): string[] {
  const codes = new Set<string>();
  for (const p of points) {
    const d = all.find((o) => booleanPointInPolygon(p, o));
    if (d) codes.add(d.properties.code);
  }
  return [...codes].sort();
}
