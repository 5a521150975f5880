import { hash } from '@node-rs/argon2';
import type { Prisma, PrismaClient } from '../server/generated/prisma/client.ts';
import { hashApiKey } from '../server/domain/api-keys/key-token.ts';
import { DEFAULT_QUOTAS, insertApiKey } from '../server/domain/api-keys/manage-api-keys.ts';
import { toDate } from '../server/domain/calendar/semesters.ts';
import { annexInternats } from './annex-internats.ts';
import { DEMO_DEPARTEMENT, demoInterns, demoPractices, demoSemesters, demoSites } from './demo-loir-et-cher.ts';
import type { SiteSeed } from './types.ts';
import { INDRE, indreInterns, indrePractices } from './demo-indre.ts';
import { aidSchemes, demoAidSchemes, demoUnderservedZones, type AidSchemeSeed } from './aid-schemes.ts';

type Tx = Prisma.TransactionClient;

/** The first demo accounts, one per role (the demo-loir-et-cher part). */
const FIRST_DEMO_ACCOUNTS = [
  { email: 'staff@demo.test', name: 'Équipe départementale (démo)', role: 'staff' },
  { email: 'manager@demo.test', name: 'Gestionnaire de logements (démo)', role: 'manager' },
  { email: 'intern@demo.test', name: 'Léa Bernard (démo)', role: 'intern' },
] as const;
/** Indre's staff and the national admin (the demo-departements part). */
const DEPARTEMENT_DEMO_ACCOUNTS = [
  { email: 'staff-indre@demo.test', name: "Équipe départementale de l'Indre (démo)", role: 'staff' },
  { email: 'admin@demo.test', name: 'Administration nationale (démo)', role: 'admin' },
] as const;
/** Demo accounts, created only with the demo data; staff@demo.test is Loir-et-Cher's, staff-indre@demo.test Indre's. */
export const DEMO_ACCOUNTS = [...FIRST_DEMO_ACCOUNTS, ...DEPARTEMENT_DEMO_ACCOUNTS] as const;
/** Each demo staff account's départements (INSEE codes). */
const DEMO_STAFF_DEPARTEMENTS: Record<string, string[]> = { 'staff@demo.test': ['41'], 'staff-indre@demo.test': ['36'] };
export const DEMO_PASSWORD = 'demo1234';
/** The demo API key of the ORS-compatible API (/ors), created only with the demo data. */
export const DEMO_ORS_KEY = 'demo-ors-key';

export interface SeedOptions {
  demo: boolean;
  log?: (msg: string) => void;
  today?: Date;
}

/**
 * Seeds the reference data, idempotently: each part runs in one transaction
 * and is recorded in SeedRun, so a crash mid-way leaves nothing half-written
 * and a restart simply runs the missing part again. Upserts by slug make a
 * forced re-run harmless.
 */
export async function runSeed(prisma: PrismaClient, opts: SeedOptions): Promise<string[]> {
  const log = opts.log ?? (() => {});
  const done: string[] = [];
  // The demo password is hashed only when the demo part runs, not on every boot.
  const parts: [string, (tx: Tx) => Promise<void>][] = [
    ['annex-internats', async (tx) => void (await seedSites(tx, annexInternats))],
    ['aid-schemes', (tx) => seedAidSchemes(tx, aidSchemes)],
  ];
  if (opts.demo) {
    parts.push(['demo-loir-et-cher', async (tx) => seedDemo(tx, opts.today ?? new Date(), await hash(DEMO_PASSWORD))]);
    parts.push(['demo-ors-key', seedDemoApiKey]);
    parts.push(['demo-departements', async (tx) => seedDemoDepartements(tx, opts.today ?? new Date(), await hash(DEMO_PASSWORD))]);
    parts.push(['demo-aid', seedDemoAid]);
  }
  for (const [name, fn] of parts) {
    if (await prisma.seedRun.findUnique({ where: { name } })) continue;
    log(`seeding ${name}…`);
    const seeded = await prisma.$transaction(
      async (tx) => {
        // Instances starting together on one PostgreSQL: the first takes this lock (held until its
        // commit); the others wait, then find the part recorded and skip it instead of failing.
        await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtext(${`internat-match seed ${name}`}))`;
        if (await tx.seedRun.findUnique({ where: { name } })) return false;
        await fn(tx);
        await tx.seedRun.create({ data: { name, version: 1 } });
        return true;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    if (!seeded) {
      log(`${name} was seeded meanwhile by another instance`);
      continue;
    }
    done.push(name);
    log(`seeded ${name}`);
  }
  return done;
}

async function seedSites(tx: Tx, sites: SiteSeed[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const s of sites) {
    const { rooms, slug, ...fields } = s;
    const data = { ...fields, amenities: fields.amenities ?? [] };
    const site = await tx.site.upsert({ where: { slug }, create: { slug, ...data }, update: data });
    ids.set(slug, site.id);
    for (const r of rooms) {
      const room = await tx.room.upsert({
        where: { siteId_label: { siteId: site.id, label: r.label } },
        create: { siteId: site.id, label: r.label },
        update: {},
      });
      for (let b = 1; b <= r.beds; b++) {
        const label = r.beds === 1 ? 'Lit' : `Lit ${b}`;
        await tx.bed.upsert({ where: { roomId_label: { roomId: room.id, label } }, create: { roomId: room.id, label }, update: {} });
      }
      await tx.availabilityWindow.deleteMany({ where: { roomId: room.id } });
      if (r.availability?.length) {
        await tx.availabilityWindow.createMany({
          data: r.availability.map((w) => ({ roomId: room.id, startDate: toDate(w.from), endDate: toDate(w.to) })),
        });
      }
    }
  }
  return ids;
}

async function seedDemo(tx: Tx, today: Date, passwordHash: string): Promise<void> {
  const semesters = demoSemesters(today);
  const users = new Map<string, number>();
  for (const a of FIRST_DEMO_ACCOUNTS) {
    const u = await tx.user.upsert({
      where: { email: a.email },
      create: { ...a, passwordHash, isDemo: true },
      update: { name: a.name, role: a.role, isDemo: true },
    });
    users.set(a.role, u.id);
  }
  const sites = demoSites(semesters);
  const siteIds = await seedSites(tx, sites.map(({ managed: _m, ...s }) => s));
  for (const s of sites.filter((x) => x.managed)) {
    const siteId = siteIds.get(s.slug)!;
    const userId = users.get('manager')!;
    await tx.siteManager.upsert({ where: { siteId_userId: { siteId, userId } }, create: { siteId, userId }, update: {} });
  }
  const practiceIds = new Map<string, number>();
  for (const p of demoPractices) {
    const data = { name: p.name, kind: p.kind, commune: p.commune, departement: DEMO_DEPARTEMENT, lng: p.lng, lat: p.lat, supervisors: p.supervisors, isDemo: true };
    const row = await tx.practice.upsert({ where: { slug: p.slug }, create: { slug: p.slug, ...data }, update: data });
    practiceIds.set(p.slug, row.id);
  }
  const interns = demoInterns(semesters);
  const internIds = new Map<string, number>();
  for (const [i, it] of interns.entries()) {
    const data = {
      name: it.name,
      email: `${it.slug}@demo.test`,
      subdivision: 'Tours',
      hasCar: it.hasCar,
      withPartner: it.withPartner,
      isDemo: true,
      userId: i === 0 ? users.get('intern')! : null,
    };
    const row = await tx.intern.upsert({ where: { slug: it.slug }, create: { slug: it.slug, ...data, preferencesNote: it.note ?? null }, update: { ...data, preferencesNote: it.note ?? null } });
    internIds.set(it.slug, row.id);
    await tx.sitePreference.deleteMany({ where: { internId: row.id } });
    await tx.sitePreference.createMany({ data: it.wishes.map((slug, k) => ({ internId: row.id, siteId: siteIds.get(slug)!, rank: k + 1 })) });
    await tx.placement.deleteMany({ where: { internId: row.id } });
    await tx.placement.create({
      data: {
        internId: row.id,
        practiceId: practiceIds.get(it.placement.practice)!,
        secondPracticeId: it.placement.secondPractice ? practiceIds.get(it.placement.secondPractice)! : null,
        startDate: toDate(it.placement.start),
        endDate: toDate(it.placement.end),
      },
    });
  }
  for (const it of interns) {
    const id = internIds.get(it.slug)!;
    if (it.partnerSlug && it.slug < it.partnerSlug) {
      await tx.intern.update({ where: { id }, data: { partnerInternId: internIds.get(it.partnerSlug)! } });
    }
    for (const p of it.peers) {
      const peerId = internIds.get(p)!;
      await tx.peerWish.upsert({ where: { internId_peerId: { internId: id, peerId } }, create: { internId: id, peerId }, update: {} });
    }
  }
}

/**
 * The second demo département (Indre: practices and interns; its internat is the annex's Châteauroux),
 * Indre's staff account and the national admin; staff@demo.test is (again) Loir-et-Cher's only,
 * whatever an earlier migration made of it.
 */
async function seedDemoDepartements(tx: Tx, today: Date, passwordHash: string): Promise<void> {
  for (const a of DEPARTEMENT_DEMO_ACCOUNTS) {
    await tx.user.upsert({ where: { email: a.email }, create: { ...a, passwordHash, isDemo: true }, update: { name: a.name, role: a.role, isDemo: true } });
  }
  for (const [email, codes] of Object.entries(DEMO_STAFF_DEPARTEMENTS)) {
    const user = await tx.user.update({ where: { email }, data: { role: 'staff' } });
    await tx.userDepartement.deleteMany({ where: { userId: user.id } });
    await tx.userDepartement.createMany({ data: codes.map((departementCode) => ({ userId: user.id, departementCode })) });
  }
  const practiceIds = new Map<string, number>();
  for (const p of indrePractices) {
    const data = { name: p.name, kind: p.kind, commune: p.commune, departement: INDRE, lng: p.lng, lat: p.lat, supervisors: p.supervisors, isDemo: true };
    practiceIds.set(p.slug, (await tx.practice.upsert({ where: { slug: p.slug }, create: { slug: p.slug, ...data }, update: data })).id);
  }
  for (const it of indreInterns(demoSemesters(today))) {
    const data = { name: it.name, email: `${it.slug}@demo.test`, subdivision: 'Tours', hasCar: it.hasCar, isDemo: true, departementCode: '36' };
    const row = await tx.intern.upsert({ where: { slug: it.slug }, create: { slug: it.slug, ...data }, update: data });
    await tx.placement.deleteMany({ where: { internId: row.id } });
    await tx.placement.create({ data: { internId: row.id, practiceId: practiceIds.get(it.practice)!, startDate: toDate(it.start), endDate: toDate(it.end) } });
  }
}

/** The demo key `demo-ors-key`, owned by the demo staff account (a part of its own, so existing demo databases get it). */
async function seedDemoApiKey(tx: Tx): Promise<void> {
  const owner = await tx.user.findUnique({ where: { email: DEMO_ACCOUNTS[0].email }, select: { id: true } });
  if (!owner) throw new Error(`the demo API key needs the demo staff account ${DEMO_ACCOUNTS[0].email}`);
  if (await tx.apiKey.findUnique({ where: { keyHash: hashApiKey(DEMO_ORS_KEY) }, select: { id: true } })) return;
  await insertApiKey(tx, { key: DEMO_ORS_KEY, label: 'Clé de démonstration (démo)', ownerId: owner.id, isDemo: true, ...DEFAULT_QUOTAS });
}

/** `demo-ors-key` when it is in the database and not revoked, for the start-up banner; undefined otherwise. */
export async function liveDemoOrsKey(prisma: Pick<PrismaClient, 'apiKey'>): Promise<string | undefined> {
  const k = await prisma.apiKey.findUnique({ where: { keyHash: hashApiKey(DEMO_ORS_KEY) }, select: { revokedAt: true } });
  return k && !k.revokedAt ? DEMO_ORS_KEY : undefined;
}

/** Aid schemes, upserted by code (a re-run restores the seeded rules). */
async function seedAidSchemes(tx: Tx, schemes: AidSchemeSeed[]): Promise<void> {
  for (const { code, rateTable, ...fields } of schemes) {
    const data = { ...fields, rateTable: rateTable ?? undefined };
    await tx.aidScheme.upsert({ where: { code }, create: { code, ...data }, update: data });
  }
}

/**
 * The demo's aid: the kilometre allowance scheme, which demo practices are in an under-served zone,
 * and two FSIM grants recorded by Loir-et-Cher's staff (not to Léa Bernard, whose grant the journey makes).
 */
async function seedDemoAid(tx: Tx): Promise<void> {
  await seedAidSchemes(tx, demoAidSchemes);
  for (const underservedZone of [true, false, null]) {
    const slugs = Object.entries(demoUnderservedZones).filter(([, z]) => z === underservedZone).map(([slug]) => slug);
    await tx.practice.updateMany({ where: { slug: { in: slugs } }, data: { underservedZone } });
  }
  const staff = await tx.user.findUnique({ where: { email: 'staff@demo.test' }, select: { id: true } });
  const fsim = await tx.aidScheme.findUniqueOrThrow({ where: { code: 'fsim-41' }, select: { id: true } });
  for (const slug of ['demo-intern-02', 'demo-intern-03']) {
    const intern = await tx.intern.findUnique({ where: { slug }, include: { placements: { orderBy: { startDate: 'asc' }, take: 1 } } });
    const placement = intern?.placements[0];
    if (!intern || !placement) continue;
    await tx.aidGrant.create({
      data: { schemeId: fsim.id, internId: intern.id, placementId: placement.id, amountCents: 180_000, grantedOn: placement.startDate, grantedById: staff?.id ?? null, note: 'Démo : versé au début du stage' },
    });
  }
}
