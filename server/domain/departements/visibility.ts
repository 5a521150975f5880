import type { SessionUser } from '../../auth/session-user.ts';
import { AppError, ForbiddenError, NotFoundError } from '../../errors.ts';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';

/**
 * WHO SEES WHAT, by département. Every staff list, get and update of interns, placements,
 * assignments, room requests, matching runs, indicators, exports and the audit trail filters
 * with these `where` clauses, so a staff member of one département never reads or changes
 * another's (a single id answers 404, as for any row one may not see).
 *
 * - `admin` is national: no filter.
 * - `staff` see the interns registered in one of their départements (`Intern.departementCode`)
 *   or placed at a practice there (`Practice.departementCode`, derived from its text by a trigger);
 *   placements at a practice there; sites there (exports, imports).
 * - interns see themselves; managers no intern.
 */
export type Scope = { national: true } | { national: false; codes: string[] };

/** True for the roles that run a département: staff and the national admin. */
export function isStaff(user: Pick<SessionUser, 'role'> | undefined): boolean {
  return user?.role === 'staff' || user?.role === 'admin';
}

/** The départements a staff member or admin works on; 403 for other roles. */
export function scopeOf(user: Pick<SessionUser, 'role' | 'departementCodes'>): Scope {
  if (user.role === 'admin') return { national: true };
  if (user.role === 'staff') return { national: false, codes: user.departementCodes };
  throw new ForbiddenError();
}

/** Placements at a practice (either one of a split placement) in the scope's départements. */
export function placementsIn(scope: Scope): Prisma.PlacementWhereInput {
  if (scope.national) return {};
  const inScope = { departementCode: { in: scope.codes } };
  return { OR: [{ practice: inScope }, { secondPractice: inScope }] };
}

/** Interns registered in, or placed in, the scope's départements. */
export function internsIn(scope: Scope): Prisma.InternWhereInput {
  if (scope.national) return {};
  return { OR: [{ departementCode: { in: scope.codes } }, { placements: { some: placementsIn(scope) } }] };
}

/** The interns a user may see: staff by département, an intern themself, a manager none. */
export function visibleInterns(user: SessionUser): Prisma.InternWhereInput {
  if (isStaff(user)) return internsIn(scopeOf(user));
  if (user.role === 'intern' && user.internId) return { id: user.internId };
  return { id: -1 };
}

/** Placements staff may see (by the département of their practices). */
export function visiblePlacements(user: SessionUser): Prisma.PlacementWhereInput {
  return placementsIn(scopeOf(user));
}

/** Bookings of the interns a staff member may see. */
export function visibleAssignments(user: SessionUser): Prisma.AssignmentWhereInput {
  const scope = scopeOf(user);
  return scope.national ? {} : { intern: internsIn(scope) };
}

/** Room requests of the interns a staff member may see. */
export function visibleRequests(user: SessionUser): Prisma.RoomRequestWhereInput {
  const scope = scopeOf(user);
  return scope.national ? {} : { intern: internsIn(scope) };
}

/** Sites in a staff member's départements (for exports, imports and the audit trail). */
export function sitesIn(scope: Scope): Prisma.SiteWhereInput {
  return scope.national ? {} : { departementCode: { in: scope.codes } };
}

/** Matching runs made within a staff member's départements (a national run: admin only). */
export function visibleRuns(user: SessionUser): Prisma.MatchingRunWhereInput {
  const scope = scopeOf(user);
  return scope.national ? {} : { departements: { hasSome: scope.codes.length ? scope.codes : ['-'] } };
}

type InternFinder = { intern: { findFirst(args: { where: Prisma.InternWhereInput; select: { id: true } }): Promise<{ id: number } | null> } };

/**
 * 404 unless the user may see this intern (staff outside the intern's départements get the
 * same answer as for an intern that does not exist). `field` names the id in the error.
 */
export async function assertInternVisible(db: InternFinder, user: SessionUser, internId: number, field = 'params.id'): Promise<void> {
  const found = await db.intern.findFirst({ where: { AND: [{ id: internId }, visibleInterns(user)] }, select: { id: true } });
  if (!found) throw new NotFoundError('No such intern', field);
}

/** 403 unless the département code is one the staff member works on (admin: any). */
export function assertDepartementInScope(scope: Scope, code: string | null, field: string): void {
  if (scope.national) return;
  if (code === null || !scope.codes.includes(code)) throw new AppError(403, 'forbidden', 'This département is not one of yours', field);
}

/**
 * The audit events a staff member may read: those about the interns they see or the sites of
 * their départements, and their own actions (admin: all).
 */
export async function visibleAuditEvents(db: Pick<PrismaClient, 'intern' | 'site'>, user: SessionUser): Promise<Prisma.AuditEventWhereInput> {
  const scope = scopeOf(user);
  if (scope.national) return {};
  const [interns, sites] = await Promise.all([
    db.intern.findMany({ where: internsIn(scope), select: { id: true } }),
    db.site.findMany({ where: sitesIn(scope), select: { id: true } }),
  ]);
  return { OR: [{ internId: { in: interns.map((i) => i.id) } }, { siteId: { in: sites.map((s) => s.id) } }, { actorId: user.id }] };
}

/**
 * The accounts a staff member may see and change: managers, the accounts of the interns they see,
 * staff sharing one of their départements, and themself (admin: all).
 */
export function visibleUsers(user: SessionUser): Prisma.UserWhereInput {
  const scope = scopeOf(user);
  if (scope.national) return {};
  return {
    OR: [
      { role: 'manager' },
      { role: 'intern', intern: internsIn(scope) },
      { role: 'staff', departements: { some: { departementCode: { in: scope.codes } } } },
      { id: user.id },
    ],
  };
}
