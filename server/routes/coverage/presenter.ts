import type { PlacementCoverage } from '../../domain/coverage/assess-coverage.ts';
import type { SuggestionsAnswer, UncoveredAnswer } from '../../domain/coverage/suggest-openings.ts';
import { toMinutes } from '../../domain/matching-runs/build-instance.ts';

/** An uncovered placement: who, where, and the nearest free bed in minutes (one decimal, as the matching compares). */
function presentPlacement(p: PlacementCoverage) {
  return {
    placementId: p.placementId,
    internId: p.internId,
    internName: p.internName,
    from: p.from,
    to: p.to,
    limitMinutes: p.limitMinutes,
    practices: p.practices,
    todayBest: p.todayBest ? { siteId: p.todayBest.siteId, siteName: p.todayBest.siteName, commune: p.todayBest.commune, minutes: toMinutes(p.todayBest.seconds) } : null,
  };
}

/** GET /api/coverage answer. */
export function presentUncovered(a: UncoveredAnswer) {
  return {
    window: a.window,
    limitMinutes: a.limitMinutes,
    farMinutes: a.farMinutes,
    boundMinutes: a.boundMinutes,
    estimate: a.estimate,
    provider: a.provider,
    placements: a.placements,
    uncovered: a.uncovered.map(presentPlacement),
  };
}

/** POST /api/coverage/suggestions answer. */
export function presentSuggestions(a: SuggestionsAnswer) {
  return {
    ...presentUncovered(a),
    candidates: a.candidates,
    suggestions: a.suggestions.map((s) => ({
      rank: s.rank,
      name: s.name,
      location: s.location,
      source: s.source,
      departementCode: s.departementCode,
      newlyCovered: s.newlyCovered,
      newlyFar: s.newlyFar,
      coveredSoFar: s.coveredSoFar,
      placements: s.placements.map((x) => ({ placementId: x.placementId, minutes: toMinutes(x.seconds) })),
      isochrone: s.isochrone,
    })),
  };
}
