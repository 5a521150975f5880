import { hash } from '@node-rs/argon2';
import type { PrismaClient } from '../../server/generated/prisma/client.ts';
import type { Role } from '../../server/generated/prisma/enums.ts';
import { toDate } from '../../server/domain/calendar/semesters.ts';
import { unique } from './test-db.ts';

/**
 * Test data factories. Each call makes its own unique rows and creates any
 * missing parent, so tests never truncate and can share one PostgreSQL.
 * All take the Prisma client first: `await buildSite(db.prisma, {name: 'X'})`.
 */

/** The password of every user made by buildUser. */
export const TEST_PASSWORD = 'test-password-123';

let passwordHash: Promise<string> | undefined;
/** argon2 is slow on purpose: hash the test password once per test file. */
function testPasswordHash(): Promise<string> {
  passwordHash ??= hash(TEST_PASSWORD);
  return passwordHash;
}

type Db = PrismaClient;

/** A user with TEST_PASSWORD; managers may be given sites to manage, staff départements (codes). */
export async function buildUser(db: Db, o: { role?: Role; email?: string; name?: string; managedSiteIds?: number[]; departementCodes?: string[] } = {}) {
  const role = o.role ?? 'staff';
  const user = await db.user.create({
    data: {
      email: o.email ?? `${unique(role)}@test.example`,
      name: o.name ?? `Test ${role} ${unique('n')}`,
      role,
      passwordHash: await testPasswordHash(),
      managedSites: o.managedSiteIds?.length ? { create: o.managedSiteIds.map((siteId) => ({ siteId })) } : undefined,
      // Staff work on Loir-et-Cher (41), where buildPractice puts practices, unless told otherwise.
      departements: role === 'staff' ? { create: (o.departementCodes ?? ['41']).map((departementCode) => ({ departementCode })) } : undefined,
    },
  });
  return { ...user, password: TEST_PASSWORD };
}

/** A housing site near Blois; pass `managerId` to have that user manage it. */
export async function buildSite(db: Db, o: { managerId?: number; name?: string; departement?: string; lng?: number; lat?: number; rentCents?: number | null; active?: boolean; contactEmail?: string } = {}) {
  const slug = unique('site');
  const site = await db.site.create({
    data: {
      slug,
      name: o.name ?? `Internat ${slug}`,
      commune: 'Blois',
      departement: o.departement ?? 'Loir-et-Cher',
      subdivision: 'Tours',
      lng: o.lng ?? 1.33,
      lat: o.lat ?? 47.59,
      funderKind: 'departement',
      rentCents: o.rentCents === undefined ? 20000 : o.rentCents,
      active: o.active ?? true,
      contactName: 'Contact Test',
      contactEmail: o.contactEmail ?? `${slug}@contact.example`,
      contactPhone: '02 54 00 00 00',
    },
  });
  if (o.managerId) await db.siteManager.create({ data: { siteId: site.id, userId: o.managerId } });
  return site;
}

/** A room with `beds` beds (default 2) and optional availability windows; makes a site if none given. */
export async function buildRoom(db: Db, o: { siteId?: number; label?: string; beds?: number; availability?: { from: string; to: string }[] } = {}) {
  const siteId = o.siteId ?? (await buildSite(db)).id;
  const n = o.beds ?? 2;
  return db.room.create({
    data: {
      siteId,
      label: o.label ?? unique('Chambre'),
      beds: { create: Array.from({ length: n }, (_, i) => ({ label: `Lit ${i + 1}` })) },
      availability: o.availability ? { create: o.availability.map((w) => ({ startDate: toDate(w.from), endDate: toDate(w.to) })) } : undefined,
    },
    include: { beds: { orderBy: { label: 'asc' } }, availability: true },
  });
}

/** A GP practice near Romorantin (Loir-et-Cher, 41, unless told otherwise). */
export async function buildPractice(db: Db, o: { name?: string; lng?: number; lat?: number; departement?: string; commune?: string } = {}) {
  const slug = unique('practice');
  return db.practice.create({
    data: { slug, name: o.name ?? `Cabinet ${slug}`, commune: o.commune ?? 'Romorantin', departement: o.departement ?? 'Loir-et-Cher', lng: o.lng ?? 1.74, lat: o.lat ?? 47.36, supervisors: ['Dr Test'] },
  });
}

/**
 * An intern; `withUser: true` also makes their account (role intern, TEST_PASSWORD). Registered in
 * Loir-et-Cher (41) unless `departementCode` says otherwise (null: by their placements only).
 */
export async function buildIntern(db: Db, o: { userId?: number; withUser?: boolean; name?: string; email?: string; departementCode?: string | null } = {}) {
  let userId = o.userId;
  let user: Awaited<ReturnType<typeof buildUser>> | undefined;
  if (!userId && o.withUser) {
    user = await buildUser(db, { role: 'intern' });
    userId = user.id;
  }
  const slug = unique('intern');
  const intern = await db.intern.create({
    data: { slug, userId, name: o.name ?? `Interne ${slug}`, email: o.email ?? `${slug}@intern.example`, subdivision: 'Tours', hasCar: true, departementCode: o.departementCode === undefined ? '41' : o.departementCode },
  });
  return { ...intern, user };
}

/** A placement (default: the summer 2027 semester); makes the intern and practice if not given. */
export async function buildPlacement(db: Db, o: { internId?: number; practiceId?: number; secondPracticeId?: number; startDate?: string; endDate?: string } = {}) {
  const internId = o.internId ?? (await buildIntern(db)).id;
  const practiceId = o.practiceId ?? (await buildPractice(db)).id;
  return db.placement.create({
    data: {
      internId,
      practiceId,
      secondPracticeId: o.secondPracticeId,
      startDate: toDate(o.startDate ?? '2027-05-01'),
      endDate: toDate(o.endDate ?? '2027-10-31'),
    },
  });
}

/** An assignment of a bed to an intern (makes both if not given). */
export async function buildAssignment(
  db: Db,
  o: { internId?: number; bedId?: number; startDate?: string; endDate?: string; status?: 'proposed' | 'confirmed' | 'cancelled' } = {},
) {
  const internId = o.internId ?? (await buildIntern(db)).id;
  const bedId = o.bedId ?? (await buildRoom(db, { beds: 1 })).beds[0].id;
  return db.assignment.create({
    data: { internId, bedId, startDate: toDate(o.startDate ?? '2027-05-01'), endDate: toDate(o.endDate ?? '2027-10-31'), status: o.status ?? 'confirmed' },
  });
}

/**
 * A signed-in client of a brand-new user: `role` 'intern' also makes the
 * intern profile (returned as `intern`); managers may be given sites.
 */
export async function clientAs(
  app: { client(): import('./test-app.ts').TestClient },
  db: Db,
  role: Role,
  o: { managedSiteIds?: number[] } = {},
) {
  const { signIn } = await import('./test-app.ts');
  const user = await buildUser(db, { role, managedSiteIds: o.managedSiteIds });
  const intern = role === 'intern' ? await buildIntern(db, { userId: user.id }) : undefined;
  const client = app.client();
  await signIn(client, user.email, TEST_PASSWORD);
  return { client, user, intern };
}
