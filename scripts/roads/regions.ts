/**
 * French regions as people name them today (the 2016 regions and the overseas ones), and Geofabrik's
 * extracts that cover them: Geofabrik still cuts France along the 27 former regions, so a merged
 * region is downloaded in parts (then merged into one extract). Geofabrik's own names work too, and
 * `france` is the whole country (several GB).
 */
const GEOFABRIK_FRANCE = 'https://download.geofabrik.de/europe/france';

/** Today's regions → Geofabrik's parts. */
export const FRENCH_REGIONS: Record<string, string[]> = {
  'auvergne-rhone-alpes': ['auvergne', 'rhone-alpes'],
  'bourgogne-franche-comte': ['bourgogne', 'franche-comte'],
  bretagne: ['bretagne'],
  'centre-val-de-loire': ['centre'],
  corse: ['corse'],
  'grand-est': ['alsace', 'champagne-ardenne', 'lorraine'],
  'hauts-de-france': ['nord-pas-de-calais', 'picardie'],
  'ile-de-france': ['ile-de-france'],
  normandie: ['basse-normandie', 'haute-normandie'],
  'nouvelle-aquitaine': ['aquitaine', 'limousin', 'poitou-charentes'],
  occitanie: ['languedoc-roussillon', 'midi-pyrenees'],
  'pays-de-la-loire': ['pays-de-la-loire'],
  'provence-alpes-cote-d-azur': ['provence-alpes-cote-d-azur'],
  guadeloupe: ['guadeloupe'],
  martinique: ['martinique'],
  guyane: ['guyane'],
  reunion: ['reunion'],
  mayotte: ['mayotte'],
};

/** Geofabrik's extracts under europe/france (the former regions and the overseas ones). */
export const GEOFABRIK_PARTS = [...new Set(Object.values(FRENCH_REGIONS).flat())].sort();

/** What to download: a name for the result and the URLs of its parts (each with its `.md5` beside it). */
export interface RoadSource {
  name: string;
  urls: string[];
}

/** Folds accents and spaces: "Centre-Val de Loire" → "centre-val-de-loire". */
export function regionSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Resolves a region name (today's or Geofabrik's) or an `.osm.pbf` URL; throws listing the names otherwise. */
export function resolveRoadSource(arg: string): RoadSource {
  if (/^https?:\/\//i.test(arg)) {
    const url = new URL(arg);
    const file = url.pathname.split('/').pop() ?? '';
    if (!file.endsWith('.osm.pbf')) throw new Error(`${arg} is not an .osm.pbf URL`);
    return { name: file.replace(/(-latest)?\.osm\.pbf$/, ''), urls: [url.toString()] };
  }
  const slug = regionSlug(arg);
  const url = (part: string) => `${GEOFABRIK_FRANCE}/${part}-latest.osm.pbf`;
  if (slug === 'france') return { name: 'france', urls: ['https://download.geofabrik.de/europe/france-latest.osm.pbf'] };
  if (FRENCH_REGIONS[slug]) return { name: slug, urls: FRENCH_REGIONS[slug].map(url) };
  if (GEOFABRIK_PARTS.includes(slug)) return { name: slug, urls: [url(slug)] };
  throw new Error(
    `unknown region "${arg}". Regions: ${Object.keys(FRENCH_REGIONS).join(', ')}; Geofabrik's parts: ${GEOFABRIK_PARTS.join(', ')}; or france, or the URL of an .osm.pbf with its .md5 beside it.`,
  );
}
