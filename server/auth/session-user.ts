import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Role } from '../generated/prisma/enums.ts';

/** Who is calling, as every route and domain function sees it (`req.user`). */
export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** The intern profile linked to this account, if any. */
  internId: number | null;
  /** Sites this user manages (managers; empty for others). */
  managedSiteIds: number[];
  /** Staff: the départements (INSEE codes) whose interns they see; admin sees all; empty for others. */
  departementCodes: string[];
}

/** The relations needed to build a SessionUser from a User row. */
export const sessionUserInclude = {
  intern: { select: { id: true } },
  managedSites: { select: { siteId: true }, orderBy: { siteId: 'asc' } },
  departements: { select: { departementCode: true }, orderBy: { departementCode: 'asc' } },
} as const;

type UserWithRelations = {
  id: number;
  email: string;
  name: string;
  role: Role;
  intern: { id: number } | null;
  managedSites: { siteId: number }[];
  departements: { departementCode: string }[];
};

/** Builds the SessionUser shape from a user loaded with `sessionUserInclude`. */
export function toSessionUser(u: UserWithRelations): SessionUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    internId: u.intern?.id ?? null,
    managedSiteIds: u.managedSites.map((m) => m.siteId),
    departementCodes: u.departements.map((d) => d.departementCode),
  };
}

/** Loads one user as a SessionUser (null when missing). */
export async function loadSessionUser(db: Pick<PrismaClient, 'user'>, userId: number): Promise<SessionUser | null> {
  const u = await db.user.findUnique({ where: { id: userId }, include: sessionUserInclude });
  return u ? toSessionUser(u) : null;
}
