import type { PrismaClient } from '../../server/generated/prisma/client.ts';
import { buildAssignment, buildIntern, buildPlacement, buildPractice, buildRoom, buildSite, buildUser } from '../helpers/factories.ts';

/**
 * The fixture world the authorisation test runs in. "own" resources belong to
 * the signed-in intern or are managed by the signed-in manager; "other" ones
 * belong to nobody the caller is. Route calls (route-rules.ts) read ids from
 * here, or build fresh rows with `prisma` when a call consumes its target.
 */
export async function buildWorld(prisma: PrismaClient) {
  const staff = await buildUser(prisma, { role: 'staff' });
  const ownSite = await buildSite(prisma);
  const otherSite = await buildSite(prisma);
  const manager = await buildUser(prisma, { role: 'manager', managedSiteIds: [ownSite.id] });
  const internUser = await buildUser(prisma, { role: 'intern' });
  const ownIntern = await buildIntern(prisma, { userId: internUser.id });
  const otherIntern = await buildIntern(prisma);
  const semester = [{ from: '2027-05-01', to: '2027-10-31' }];
  const ownRoom = await buildRoom(prisma, { siteId: ownSite.id, beds: 2, availability: semester });
  const otherRoom = await buildRoom(prisma, { siteId: otherSite.id, beds: 2, availability: semester });
  const practice = await buildPractice(prisma);
  const ownPlacement = await buildPlacement(prisma, { internId: ownIntern.id, practiceId: practice.id });
  const otherPlacement = await buildPlacement(prisma, { internId: otherIntern.id, practiceId: practice.id });
  const ownAssignment = await buildAssignment(prisma, { internId: ownIntern.id, bedId: ownRoom.beds[0].id });
  const otherAssignment = await buildAssignment(prisma, { internId: otherIntern.id, bedId: otherRoom.beds[0].id });
  return {
    prisma,
    users: { staff, manager, intern: internUser },
    ownSite,
    otherSite,
    ownRoom,
    otherRoom,
    ownIntern,
    otherIntern,
    practice,
    ownPlacement,
    otherPlacement,
    ownAssignment,
    otherAssignment,
  };
}

/** What route calls can use. */
export type World = Awaited<ReturnType<typeof buildWorld>>;
