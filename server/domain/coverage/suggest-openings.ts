import type { MultiPolygon, Polygon } from 'geojson';
import { ValidationError } from '../../errors.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { PointNotRoutableError, type DriveTimeProvider, type LngLat } from '../../routing/provider.ts';
import type { Scope } from '../departements/visibility.ts';
import { loadMatchingData } from '../matching-runs/load-matching-data.ts';
import type { DateWindow } from '../search/date-window.ts';
import { assessCoverage, type PlacementCoverage } from './assess-coverage.ts';
import { communeCandidates, withAddedPlaces, type CandidatePlace } from './candidate-places.ts';
import { greedyCoverage } from './greedy-coverage.ts';

/** Most candidate places one request may weigh (communes and added places together). */
export const MAX_CANDIDATES = 300;
/** Longest suggestion sequence. */
export const MAX_SUGGESTIONS = 10;
/** "Today beyond" threshold of the figures: "+7 stages couverts, dont 3 aujourd'hui à plus de 45 min". */
export const FAR_MINUTES = 45;

/** What every coverage question shares: the window, whose placements, the default limit. */
export interface CoverageQuestion {
  window: DateWindow;
  scope: Scope;
  /** Limit of interns who have none of their own, minutes (30 by default). */
  limitMinutes: number;
}

/** The placements with no free bed within their limit, and the figures of the whole set. */
export interface UncoveredAnswer {
  window: DateWindow;
  limitMinutes: number;
  farMinutes: number;
  boundMinutes: number;
  estimate: boolean;
  provider: string | null;
  placements: { total: number; covered: number; uncovered: number };
  uncovered: PlacementCoverage[];
}

/** One place of the greedy sequence, with what it adds given the places before it. */
export interface Suggestion {
  rank: number;
  name: string;
  location: LngLat;
  source: CandidatePlace['source'];
  departementCode: string | null;
  /** Placements it newly brings within their limit. */
  newlyCovered: number;
  /** Of those, how many are today beyond `farMinutes` from any free bed. */
  newlyFar: number;
  /** Placements covered by this place and the ones before it. */
  coveredSoFar: number;
  placements: { placementId: number; seconds: number }[];
  /** The drive-time area within the limit, for the eye (coverage itself is decided on the matrix). */
  isochrone: { type: 'Feature'; geometry: Polygon | MultiPolygon; properties: { value: number } } | null;
}

/** The suggestions, with the uncovered placements they were computed for. */
export interface SuggestionsAnswer extends UncoveredAnswer {
  candidates: number;
  suggestions: Suggestion[];
}

type Db = Parameters<typeof loadMatchingData>[0] & Pick<PrismaClient, 'practice'>;

/** Placements of the scope in the window with no bed free for their stay within their limit. */
export async function listUncovered(db: Db, provider: DriveTimeProvider, q: CoverageQuestion): Promise<UncoveredAnswer> {
  const data = await loadMatchingData(db, q.window, q.scope);
  const a = await assessCoverage({ data, provider, defaultLimitMinutes: q.limitMinutes, farMinutes: FAR_MINUTES });
  return answerOf(q, a);
}

/**
 * Where to open next: the greedy maximum-coverage sequence (up to `k` places) over the communes of
 * the scope's practices and the places staff add, computed with one matrix call (candidates and
 * free beds × the placements' practices), then one isochrone call for the chosen places.
 */
export async function suggestOpenings(
  db: Db,
  provider: DriveTimeProvider,
  q: CoverageQuestion & { k: number; added: { name: string; location: LngLat }[]; communes: boolean },
): Promise<SuggestionsAnswer> {
  const practices = q.communes
    ? await db.practice.findMany({
        where: q.scope.national ? {} : { departementCode: { in: q.scope.codes } },
        select: { commune: true, departementCode: true, lng: true, lat: true },
      })
    : [];
  const candidates = withAddedPlaces(communeCandidates(practices), q.added);
  if (candidates.length > MAX_CANDIDATES) {
    throw new ValidationError(`body.candidates: ${candidates.length} candidate places (communes and added places), at most ${MAX_CANDIDATES}: name one département or add fewer places`, 'body.candidates');
  }
  const data = await loadMatchingData(db, q.window, q.scope);
  const a = await assessCoverage({ data, provider, defaultLimitMinutes: q.limitMinutes, farMinutes: FAR_MINUTES, candidates });
  const base = answerOf(q, a);
  const open = a.placements.map((p, j) => ({ p, j })).filter(({ p }) => !p.covered);
  const steps = greedyCoverage({
    names: candidates.map((c) => c.name),
    placements: open.map(({ p }) => ({ limitMinutes: p.limitMinutes, todayBestSeconds: p.todayBest?.seconds ?? null })),
    seconds: a.candidateSeconds.map((row) => open.map(({ j }) => row[j])),
    k: q.k,
    farMinutes: FAR_MINUTES,
  });
  const isochrones = await isochronesOf(provider, steps.map((s) => candidates[s.candidate].location), q.limitMinutes);
  let soFar = 0;
  const suggestions = steps.map((s, n): Suggestion => {
    const c = candidates[s.candidate];
    soFar += s.newlyCovered.length;
    return {
      rank: n + 1,
      name: c.name,
      location: c.location,
      source: c.source,
      departementCode: c.departementCode,
      newlyCovered: s.newlyCovered.length,
      newlyFar: s.newlyFar,
      coveredSoFar: soFar,
      placements: s.newlyCovered.map((j) => ({ placementId: open[j].p.placementId, seconds: Math.round(a.candidateSeconds[s.candidate][open[j].j] ?? 0) })),
      isochrone: isochrones[n] ?? null,
    };
  });
  return { ...base, candidates: candidates.length, suggestions };
}

function answerOf(q: CoverageQuestion, a: Awaited<ReturnType<typeof assessCoverage>>): UncoveredAnswer {
  const uncovered = a.placements.filter((p) => !p.covered);
  return {
    window: q.window,
    limitMinutes: q.limitMinutes,
    farMinutes: FAR_MINUTES,
    boundMinutes: a.boundMinutes,
    estimate: a.estimate,
    provider: a.provider,
    placements: { total: a.placements.length, covered: a.placements.length - uncovered.length, uncovered: uncovered.length },
    uncovered,
  };
}

/** One isochrone call for all chosen places; a place the engine cannot draw gets none (the polygon is only for the eye). */
async function isochronesOf(provider: DriveTimeProvider, locations: LngLat[], limitMinutes: number): Promise<Suggestion['isochrone'][]> {
  if (locations.length === 0) return [];
  try {
    const iso = await provider.isochrones(locations, [limitMinutes * 60]);
    return locations.map((_, i) => {
      const f = iso.features.find((x) => x.properties.group_index === i);
      return f ? { type: 'Feature' as const, geometry: f.geometry, properties: { value: f.properties.value } } : null;
    });
  } catch (e) {
    if (e instanceof PointNotRoutableError) return locations.map(() => null);
    throw e;
  }
}
