import type { PrismaClient } from '../../generated/prisma/client.ts';
import { presentPublicSite } from '../../presenters/site.ts';
import type { DriveTimeProvider, LngLat } from '../../routing/provider.ts';
import { loadSitesWithBeds, siteStats } from '../sites/catalogue.ts';
import type { DateWindow } from './date-window.ts';
import { couldReachWithin, reachableMatrix } from './reachable-matrix.ts';

/** A site with a free bed for the whole window, and its drive to each destination. */
export type NearbySite = ReturnType<typeof presentPublicSite> & {
  /** Drive minutes to each destination, in the order given (rounded to the minute). */
  minutes: number[];
  /** The same drives in seconds, as the provider gave them. */
  driveSeconds: number[];
  /** Sum of the drives, in minutes: the sort key (two-practice placements drive to both). */
  totalMinutes: number;
  estimate: boolean;
};

/** The answer of a drive-time search: sites sorted by total drive, and whether the figures are estimates. */
export interface NearbySitesResult {
  window: DateWindow;
  limitMinutes: number;
  estimate: boolean;
  provider: string | null;
  sites: NearbySite[];
}

/**
 * Sites with a free bed for every day of the window whose drive to each of
 * the destinations (practices, or a point) is within `limitMinutes`, nearest
 * first. Drive times come from the provider's matrix, sites as sources; sites
 * no road could bring within the limit are not asked about, and sites the
 * provider cannot route are left out.
 */
export async function findNearbySites(opts: {
  prisma: Pick<PrismaClient, 'site'>;
  provider: DriveTimeProvider;
  destinations: LngLat[];
  window: DateWindow;
  limitMinutes: number;
}): Promise<NearbySitesResult> {
  const { window, limitMinutes } = opts;
  const loaded = await loadSitesWithBeds(opts.prisma, window);
  const limit = limitMinutes * 60;
  const candidates = loaded
    .map((site) => ({ site, stats: siteStats(site, window.from, window.to) }))
    .filter(({ site, stats }) => (stats.freeBeds ?? 0) > 0 && opts.destinations.every((d) => couldReachWithin([site.lng, site.lat], d, limit)));
  if (candidates.length === 0 || opts.destinations.length === 0) {
    return { window, limitMinutes, estimate: false, provider: null, sites: [] };
  }
  const matrix = await reachableMatrix(
    opts.provider,
    candidates.map(({ site }) => [site.lng, site.lat]),
    opts.destinations,
  );
  const sites: NearbySite[] = [];
  candidates.forEach(({ site, stats }, i) => {
    const row = matrix.durations[i];
    if (!row || row.some((s) => s === null || s > limit)) return;
    const seconds = row as number[];
    const total = seconds.reduce((a, b) => a + b, 0);
    sites.push({
      ...presentPublicSite(site, stats),
      minutes: seconds.map((s) => Math.round(s / 60)),
      driveSeconds: seconds.map((s) => Math.round(s)),
      totalMinutes: Math.round(total / 60),
      estimate: matrix.estimate,
    });
  });
  sites.sort((a, b) => a.driveSeconds.reduce((x, y) => x + y, 0) - b.driveSeconds.reduce((x, y) => x + y, 0) || a.name.localeCompare(b.name) || a.id - b.id);
  return { window, limitMinutes, estimate: matrix.estimate, provider: matrix.provider, sites };
}
