import { AppError, NotFoundError } from '../../errors.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { DriveTimeProvider, LngLat } from '../../routing/provider.ts';
import { isoDate } from '../calendar/semesters.ts';
import { estimateScheme, schemeConcerns, type DistanceFacts, type PlacementFacts, type SchemeEstimate } from './estimate-aid.ts';
import { universityTownOf } from './university-towns.ts';

type Db = Pick<PrismaClient, 'intern' | 'aidScheme'>;

/** An intern's aid estimate: the placement it is for, the road distance used, and each scheme's verdict. */
export interface AidEstimate {
  internId: number;
  subdivision: string;
  receivesHousingAid: boolean | null;
  placement: (Omit<PlacementFacts, 'practices'> & { practices: { name: string; commune: string }[] }) | null;
  /** From the university town to the placement's (farther) practice; null when no scheme needed it. */
  distance: (DistanceFacts & { provider: string | null }) | null;
  schemes: SchemeEstimate[];
}

/**
 * Gathers the facts and asks the estimator, for the intern's current or next placement (the one
 * ending on or after `today` that starts first; else their last one), or for `placementId`.
 * The road distance comes from the drive-time provider in one matrix call (university town →
 * the placement's practice(s); for a split placement, the farther one), only when a per-km scheme
 * concerns the placement. Without road data the provider's straight-line estimate is flagged
 * `estimate: true`; a point no road reaches gives `km: null`, never a straight line in its place.
 */
export async function loadAidEstimate({ db, provider, internId, today, placementId }: { db: Db; provider: DriveTimeProvider; internId: number; today: Date; placementId?: number }): Promise<AidEstimate> {
  const intern = await db.intern.findUnique({
    where: { id: internId },
    include: {
      placements: { orderBy: [{ startDate: 'asc' }, { id: 'asc' }], include: { practice: true, secondPractice: true } },
      aidGrants: { where: { cancelledAt: null }, orderBy: { grantedOn: 'asc' } },
    },
  });
  if (!intern) throw new NotFoundError('No such intern', 'params.id');
  const chosen =
    placementId !== undefined
      ? intern.placements.find((p) => p.id === placementId)
      : (intern.placements.find((p) => p.endDate >= today) ?? intern.placements.at(-1));
  if (placementId !== undefined && !chosen) throw new NotFoundError('No such placement of this intern', 'query.placementId');
  const practices = chosen ? [chosen.practice, ...(chosen.secondPractice ? [chosen.secondPractice] : [])] : [];
  const placement: PlacementFacts | null = chosen
    ? { id: chosen.id, startDate: isoDate(chosen.startDate), endDate: isoDate(chosen.endDate), practices: practices.map((p) => ({ name: p.name, commune: p.commune, departementCode: p.departementCode, underservedZone: p.underservedZone })) }
    : null;

  const schemes = (await db.aidScheme.findMany({ where: { active: true }, orderBy: [{ departementCode: { sort: 'asc', nulls: 'first' } }, { code: 'asc' }] })).filter((s) =>
    schemeConcerns(s, placement, intern.departementCode),
  );
  const distance = placement && schemes.some((s) => s.kind === 'per_km') ? await roadDistance(provider, intern.subdivision, practices.map((p) => [p.lng, p.lat] as LngLat)) : null;

  return {
    internId: intern.id,
    subdivision: intern.subdivision,
    receivesHousingAid: intern.receivesHousingAid,
    placement: placement && { ...placement, practices: placement.practices.map(({ name, commune }) => ({ name, commune })) },
    distance,
    schemes: schemes.map((scheme) => {
      const grant = chosen && intern.aidGrants.find((g) => g.schemeId === scheme.id && g.placementId === chosen.id);
      return estimateScheme({
        scheme,
        placement,
        housingAid: intern.receivesHousingAid,
        distance: distance ?? undefined,
        granted: grant ? { amountCents: grant.amountCents, grantedOn: isoDate(grant.grantedOn) } : undefined,
      });
    }),
  };
}

/** Road km from the subdivision's faculty town to the farthest of `destinations` (one matrix call). */
async function roadDistance(provider: DriveTimeProvider, subdivision: string, destinations: LngLat[]): Promise<DistanceFacts & { provider: string | null }> {
  const town = universityTownOf(subdivision);
  if (!town) return { km: null, estimate: false, provider: null };
  try {
    const m = await provider.matrix([town.location], destinations, { unroutable: 'null' });
    const metres = m.distances[0] ?? [];
    const known = metres.filter((d): d is number => d !== null);
    const km = known.length === destinations.length ? Math.max(...known) / 1000 : null;
    return { town: town.name, km, estimate: m.estimate, provider: m.provider };
  } catch (e) {
    // A point off the network (outside the extract): no distance, said as such; anything else is a real failure.
    if (e instanceof AppError && e.status < 500) return { town: town.name, km: null, estimate: false, provider: provider.name };
    throw e;
  }
}
