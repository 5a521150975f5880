import type { LngLat } from '../../routing/provider.ts';

/** A place where a new internat could open: a commune of the département's practices, or one staff added. */
export interface CandidatePlace {
  name: string;
  location: LngLat;
  /** `commune`: from the practices (position: mean of the commune's practices); `added`: given by staff. */
  source: 'commune' | 'added';
  departementCode: string | null;
  /** Number of practices behind a commune candidate (0 for an added one). */
  practices: number;
}

/** A practice as the candidate list needs it. */
export interface PracticeForCandidates {
  commune: string;
  departementCode: string | null;
  lng: number;
  lat: number;
}

const key = (commune: string, dep: string | null) => `${dep ?? ''}|${commune.trim().toLocaleLowerCase('fr')}`;
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/**
 * One candidate per commune of the practices (two communes of one name in two départements stay
 * apart), placed at the mean of its practices' positions — the demo's practices sit at their
 * commune's centroid, and a mean of real practices stays near the roads that serve them. Sorted
 * by name so the input order (the greedy's last tie-break) does not depend on the database.
 */
export function communeCandidates(practices: PracticeForCandidates[]): CandidatePlace[] {
  const groups = new Map<string, { name: string; dep: string | null; lng: number; lat: number; n: number }>();
  for (const p of practices) {
    const k = key(p.commune, p.departementCode);
    const g = groups.get(k);
    if (g) {
      g.lng += p.lng;
      g.lat += p.lat;
      g.n++;
    } else groups.set(k, { name: p.commune.trim(), dep: p.departementCode, lng: p.lng, lat: p.lat, n: 1 });
  }
  return [...groups.values()]
    .map((g): CandidatePlace => ({ name: g.name, location: [round6(g.lng / g.n), round6(g.lat / g.n)], source: 'commune', departementCode: g.dep, practices: g.n }))
    .sort((a, b) => collator.compare(a.name, b.name) || (a.departementCode ?? '').localeCompare(b.departementCode ?? ''));
}

/** Staff's own places, after the communes, in the order given. */
export function withAddedPlaces(communes: CandidatePlace[], added: { name: string; location: LngLat }[]): CandidatePlace[] {
  return [...communes, ...added.map((a): CandidatePlace => ({ name: a.name, location: a.location, source: 'added', departementCode: null, practices: 0 }))];
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
