import type { PrismaClient } from '../../server/generated/prisma/client.ts';
import { buildAssignment, buildIntern, buildPlacement, buildPractice, buildRoom, buildSite, buildUser } from '../helpers/factories.ts';

/**
 * The fixture world the authorisation test runs in. "own" resources belong to
 * the signed-in intern or are managed by the signed-in manager; "other" ones
 * belong to nobody the caller is. Staff work on Loir-et-Cher (41): "own" interns and placements are
 * placed at a practice there, "other" ones at a practice in Indre (36), as is the "other" site; the admin is national. Route calls (route-rules.ts) read ids from
 * here, or build fresh rows with `prisma` when a call consumes its target.
 */
export async function buildWorld(prisma: PrismaClient) {
  const staff = await buildUser(prisma, { role: 'staff', departementCodes: ['41'] });
  const admin = await buildUser(prisma, { role: 'admin' });
  const ownSite = await buildSite(prisma);
  const otherSite = await buildSite(prisma, { departement: 'Indre (36)' });
  const manager = await buildUser(prisma, { role: 'manager', managedSiteIds: [ownSite.id] });
  const internUser = await buildUser(prisma, { role: 'intern' });
  const ownIntern = await buildIntern(prisma, { userId: internUser.id });
  const otherIntern = await buildIntern(prisma, { departementCode: '36' });
  const semester = [{ from: '2027-05-01', to: '2027-10-31' }];
  const ownRoom = await buildRoom(prisma, { siteId: ownSite.id, beds: 2, availability: semester });
  const otherRoom = await buildRoom(prisma, { siteId: otherSite.id, beds: 2, availability: semester });
  const practice = await buildPractice(prisma);
  const otherPractice = await buildPractice(prisma, { departement: 'Indre (36)', commune: 'Le Blanc', lng: 1.06, lat: 46.63 });
  const ownPlacement = await buildPlacement(prisma, { internId: ownIntern.id, practiceId: practice.id });
  const otherPlacement = await buildPlacement(prisma, { internId: otherIntern.id, practiceId: otherPractice.id });
  const ownAssignment = await buildAssignment(prisma, { internId: ownIntern.id, bedId: ownRoom.beds[0].id });
  const otherAssignment = await buildAssignment(prisma, { internId: otherIntern.id, bedId: otherRoom.beds[0].id });
  return {
    prisma,
    users: { staff, admin, manager, intern: internUser },
    ownSite,
    otherSite,
    ownRoom,
    otherRoom,
    ownIntern,
    otherIntern,
    practice,
    otherPractice,
    ownPlacement,
    otherPlacement,
    ownAssignment,
    otherAssignment,
  };
}

/** What route calls can use. */
export type World = Awaited<ReturnType<typeof buildWorld>>;
