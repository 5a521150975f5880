import type { SessionUser } from '../../auth/session-user.ts';
import { AppError, ForbiddenError, NotFoundError, UnauthorizedError } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { scopeOf } from '../departements/visibility.ts';

type SiteReader = Pick<Prisma.TransactionClient, 'site'>;

/**
 * WHO MAY CHANGE A SITE (its description, rooms, beds, availability, managers): the national admin
 * any; staff those of their départements (a site is public, so another département's answers 403,
 * not 404); a manager only the sites they manage. 404 when the site does not exist.
 */
export async function assertMayChangeSite(db: SiteReader, user: SessionUser | undefined, siteId: number, field = 'params.id'): Promise<void> {
  if (!user) throw new UnauthorizedError();
  if (user.role === 'manager') {
    if (!user.managedSiteIds.includes(siteId)) throw new ForbiddenError('You do not manage this site');
    return;
  }
  const scope = scopeOf(user);
  const site = await db.site.findUnique({ where: { id: siteId }, select: { departementCode: true } });
  if (!site) throw new NotFoundError('No such site', field);
  assertCodeInScope(user, site.departementCode, field, 'This site is in a département that is not one of yours');
}

/**
 * 403 unless a département code (as derived by the database from a site's or practice's
 * `departement`) is one the staff member works on; admin: any.
 */
export function assertCodeInScope(user: SessionUser, code: string | null, field: string, message = 'This département is not one of yours'): void {
  const scope = scopeOf(user);
  if (scope.national) return;
  if (code === null || !scope.codes.includes(code)) throw new AppError(403, 'forbidden', message, field);
}
