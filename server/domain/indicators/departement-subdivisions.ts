import type { PrismaClient } from '../../generated/prisma/client.ts';

/**
 * WHICH SUBDIVISION A DÉPARTEMENT BELONGS TO, for "foreign interns received". The database has no
 * département → subdivision table; what it does hold is the subdivision written on each housing site
 * (`Site.subdivision`, e.g. Loir-et-Cher's and Indre's internats: "Tours"). A département's
 * subdivision is the one most of its sites carry (ties: alphabetical first). A département without
 * any site has no known subdivision, and its interns are counted as "unknown", never as local or foreign.
 */

/** A subdivision name compared loosely: case, accents, spaces and dashes do not matter ("Saint-Étienne" = "saint etienne"). */
export function subdivisionKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\-'’_]+/g, ' ')
    .trim();
}

/** The subdivision (as a subdivisionKey) of each of the départements, from their sites; absent when unknown. */
export async function subdivisionsOf(db: Pick<PrismaClient, 'site'>, codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const sites = await db.site.findMany({ where: { departementCode: { in: codes } }, select: { departementCode: true, subdivision: true } });
  const counts = new Map<string, Map<string, number>>();
  for (const s of sites) {
    if (!s.departementCode || !s.subdivision.trim()) continue;
    const byName = counts.get(s.departementCode) ?? new Map<string, number>();
    const key = subdivisionKey(s.subdivision);
    byName.set(key, (byName.get(key) ?? 0) + 1);
    counts.set(s.departementCode, byName);
  }
  const result = new Map<string, string>();
  for (const [code, byName] of counts) {
    const [best] = [...byName].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
    result.set(code, best[0]);
  }
  return result;
}
