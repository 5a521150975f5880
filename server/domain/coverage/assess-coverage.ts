import type { DriveTimeProvider, LngLat } from '../../routing/provider.ts';
import { isoDate } from '../calendar/semesters.ts';
import type { MatchingData } from '../matching-runs/load-matching-data.ts';
import { couldReachWithin, reachableMatrix } from '../search/reachable-matrix.ts';
import type { CandidatePlace } from './candidate-places.ts';
import { freeSitesByStay, type FreeSite } from './free-sites.ts';
import { withinLimit } from './greedy-coverage.ts';

/** A placement's coverage today: is a free bed within its limit, and the nearest free bed. */
export interface PlacementCoverage {
  placementId: number;
  internId: number;
  internName: string;
  from: string;
  to: string;
  /** The intern's own limit, else the request's default. */
  limitMinutes: number;
  practices: { id: number; name: string; commune: string; location: LngLat }[];
  covered: boolean;
  /**
   * The free bed with the shortest drive (a two-practice placement: the longer of its two drives);
   * null when none lies within the search bound (`boundMinutes`).
   */
  todayBest: { siteId: number; siteName: string; commune: string; seconds: number } | null;
}

/** What one matrix call tells: every placement's coverage, and each candidate's drive to each placement. */
export interface CoverageAssessment {
  placements: PlacementCoverage[];
  /** Drive seconds from candidate `i` to placement `j` (the longer drive of a two-practice placement). */
  candidateSeconds: (number | null)[][];
  /** Free beds farther than this (minutes) from every practice of a placement are not asked about. */
  boundMinutes: number;
  estimate: boolean;
  provider: string | null;
}

type CoverageData = Pick<MatchingData, 'placements' | 'rooms' | 'assignments'>;

/**
 * Decides, on matrix durations and never on polygons, which placements have a bed free for their
 * whole stay within their limit, and how far each candidate place is from each placement — in ONE
 * `provider.matrix` call: sources are the sites with a free bed for some placement (within
 * `boundMinutes` of it as the crow flies at 130 km/h) followed by the candidates (within the largest
 * limit), destinations the placements' practices. The provider's own retry on an unroutable point
 * (`reachableMatrix`) may repeat the call without that point.
 */
export async function assessCoverage(opts: {
  data: CoverageData;
  provider: DriveTimeProvider;
  defaultLimitMinutes: number;
  farMinutes: number;
  candidates?: CandidatePlace[];
}): Promise<CoverageAssessment> {
  const { data, defaultLimitMinutes } = opts;
  const candidates = opts.candidates ?? [];
  const placements = data.placements.map((p) => {
    const practices = [p.practice, ...(p.secondPractice ? [p.secondPractice] : [])];
    return { p, practices, limitMinutes: p.intern.limitMinutes ?? defaultLimitMinutes, from: isoDate(p.startDate), to: isoDate(p.endDate) };
  });
  const maxLimit = Math.max(defaultLimitMinutes, ...placements.map((x) => x.limitMinutes));
  const boundMinutes = 2 * Math.max(maxLimit, opts.farMinutes);

  const { sites, freeAt } = freeSitesByStay(data.rooms, data.assignments, placements.map((x) => ({ internId: x.p.internId, from: x.from, to: x.to })));
  const practiceIds: number[] = [];
  const practicePoints: LngLat[] = [];
  for (const x of placements) {
    for (const pr of x.practices) {
      if (practiceIds.includes(pr.id)) continue;
      practiceIds.push(pr.id);
      practicePoints.push([pr.lng, pr.lat]);
    }
  }
  const near = (from: LngLat, x: (typeof placements)[number], minutes: number) => x.practices.every((pr) => couldReachWithin(from, [pr.lng, pr.lat], minutes * 60));
  const askedSites = sites.filter((s) => placements.some((x, i) => freeAt[i].has(s.id) && near(s.location, x, boundMinutes)));
  const askedCandidates = candidates.map((c, i) => ({ c, i })).filter(({ c }) => placements.some((x) => near(c.location, x, x.limitMinutes)));
  const sources = [...askedSites.map((s) => s.location), ...askedCandidates.map(({ c }) => c.location)];
  const matrix = sources.length && practicePoints.length ? await reachableMatrix(opts.provider, sources, practicePoints) : undefined;

  /** The drive from source row `r` to placement `x`: its longer leg; null when a leg has no route. */
  const driveOf = (r: number, x: (typeof placements)[number]): number | null => {
    if (!matrix) return null;
    let worst = 0;
    for (const pr of x.practices) {
      const s = matrix.durations[r]?.[practiceIds.indexOf(pr.id)] ?? null;
      if (s === null) return null;
      worst = Math.max(worst, s);
    }
    return worst;
  };

  const result: PlacementCoverage[] = placements.map((x, i) => {
    let best: { site: FreeSite; seconds: number } | undefined;
    for (let r = 0; r < askedSites.length; r++) {
      const site = askedSites[r];
      if (!freeAt[i].has(site.id)) continue;
      const s = driveOf(r, x);
      if (s === null || s > boundMinutes * 60) continue;
      if (!best || s < best.seconds || (s === best.seconds && site.id < best.site.id)) best = { site, seconds: s };
    }
    return {
      placementId: x.p.id,
      internId: x.p.internId,
      internName: x.p.intern.name,
      from: x.from,
      to: x.to,
      limitMinutes: x.limitMinutes,
      practices: x.practices.map((pr) => ({ id: pr.id, name: pr.name, commune: pr.commune, location: [pr.lng, pr.lat] as LngLat })),
      covered: best !== undefined && withinLimit(best.seconds, x.limitMinutes),
      todayBest: best ? { siteId: best.site.id, siteName: best.site.name, commune: best.site.commune, seconds: Math.round(best.seconds) } : null,
    };
  });

  const candidateSeconds = candidates.map(() => placements.map((): number | null => null));
  askedCandidates.forEach(({ i }, k) => {
    placements.forEach((x, j) => {
      candidateSeconds[i][j] = driveOf(askedSites.length + k, x);
    });
  });
  return { placements: result, candidateSeconds, boundMinutes, estimate: matrix?.estimate ?? false, provider: matrix?.provider ?? null };
}
