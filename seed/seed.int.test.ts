import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '@node-rs/argon2';
import { openIsolatedDatabase } from '../tests/helpers/test-db.ts';
import type { Database } from '../server/db/connect.ts';
import { DEMO_ACCOUNTS, DEMO_ORS_KEY, DEMO_PASSWORD, liveDemoOrsKey, runSeed } from './run.ts';
import { countKeyUse } from '../server/domain/api-keys/count-use.ts';
import { annexInternats } from './annex-internats.ts';
import { parseRateTable } from '../server/domain/aid/rate-table.ts';

// A database of its own (a throwaway one on PostgreSQL), since these assertions count every row.
describe('seed', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openIsolatedDatabase();
  });
  afterAll(() => db.close());

  it('without demo data creates the annex internats and no account', async () => {
    expect(await runSeed(db.prisma, { demo: false, today: new Date('2026-11-24') })).toEqual(['annex-internats', 'aid-schemes']);
    expect(await db.prisma.site.count()).toBe(annexInternats.length);
    expect(await db.prisma.user.count()).toBe(0);
  });

  it('records the ISNAR-IMG figures without inventing unknowns', async () => {
    const chateauroux = await db.prisma.site.findUniqueOrThrow({
      where: { slug: 'chateauroux-internat-rural' },
      include: { rooms: { include: { beds: true } } },
    });
    expect(chateauroux.rentCents).toBe(15000);
    expect(chateauroux.chargesIncluded).toBe(true);
    expect(chateauroux.rooms.flatMap((r) => r.beds)).toHaveLength(6);
    const tarbes = await db.prisma.site.findUniqueOrThrow({ where: { slug: 'tarbes-logement-internes' } });
    expect(tarbes.rentCents).toBeNull();
    const planned = await db.prisma.site.findUniqueOrThrow({ where: { slug: 'saint-yrieix-la-perche-projet' }, include: { rooms: true } });
    expect(planned.planned).toBe(true);
    expect(planned.rooms).toHaveLength(0);
  });

  // Seeds every demo part: slow on a loaded machine, hence its own time limit.
  it('adds the demo département and accounts, once', { timeout: 120_000 }, async () => {
    expect(await runSeed(db.prisma, { demo: true, today: new Date('2026-11-24') })).toEqual(['demo-loir-et-cher', 'demo-ors-key', 'demo-departements', 'demo-aid']);
    expect(await runSeed(db.prisma, { demo: true, today: new Date('2026-11-24') })).toEqual([]);
    const interns = await db.prisma.intern.findMany({ where: { isDemo: true, slug: { startsWith: 'demo-intern-' } }, include: { placements: true } });
    expect(interns).toHaveLength(40);
    expect(interns.every((i) => i.placements.length === 1)).toBe(true);
    // The next two semesters after 24 Nov 2026: May–Oct 2027 and Nov 2027–Apr 2028.
    const starts = new Set(interns.map((i) => i.placements[0].startDate.toISOString().slice(0, 10)));
    expect([...starts].sort()).toEqual(['2027-05-01', '2027-11-01']);
    expect(interns.some((i) => i.placements[0].secondPracticeId !== null)).toBe(true);
    for (const a of DEMO_ACCOUNTS) {
      const u = await db.prisma.user.findUniqueOrThrow({ where: { email: a.email } });
      expect(u.role).toBe(a.role);
      expect(u.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verify(u.passwordHash, DEMO_PASSWORD)).toBe(true);
    }
    const staffDepartements = async (email: string) =>
      (await db.prisma.userDepartement.findMany({ where: { user: { email } }, orderBy: { departementCode: 'asc' } })).map((d) => d.departementCode);
    expect(await staffDepartements('staff@demo.test')).toEqual(['41']);
    expect(await staffDepartements('staff-indre@demo.test')).toEqual(['36']);
    expect(await staffDepartements('admin@demo.test')).toEqual([]);
    const manager = await db.prisma.user.findUniqueOrThrow({ where: { email: 'manager@demo.test' }, include: { managedSites: true } });
    const demoSites = await db.prisma.site.count({ where: { isDemo: true } });
    expect(manager.managedSites.length).toBeGreaterThan(0);
    expect(manager.managedSites.length).toBeLessThan(demoSites);
  });

  it('seeds the aid schemes: FSIM 1,800 € in 41, the national 150 €/month flagged against housing aid, the demo km table', async () => {
    const schemes = await db.prisma.aidScheme.findMany({ orderBy: { code: 'asc' } });
    expect(schemes.map((s) => s.code)).toEqual(['fsim-41', 'ifh-national', 'ik-41-demo']);
    expect(schemes[0]).toMatchObject({ departementCode: '41', kind: 'lump_sum', amountCents: 180000, minMonths: 6 });
    expect(schemes[1]).toMatchObject({ departementCode: null, kind: 'monthly', amountCents: 15000, requiresUnderservedZone: true, conflictsWithHousingAid: true });
    expect(parseRateTable(schemes[2].rateTable).bands[0]).toEqual({ fromKm: 30, toKm: 60, centsPerMonth: 5000 });
    expect(await db.prisma.practice.count({ where: { isDemo: true, underservedZone: true } })).toBeGreaterThan(10);
    const grants = await db.prisma.aidGrant.findMany({ where: { scheme: { code: 'fsim-41' } } });
    expect(grants.map((g) => g.amountCents)).toEqual([180000, 180000]);
  });

  it('adds Indre (36): its practices and interns belong to it, Châteauroux is its internat', async () => {
    const practices = await db.prisma.practice.findMany({ where: { isDemo: true } });
    expect(new Set(practices.map((p) => p.departementCode))).toEqual(new Set(['41', '36']));
    const indre = await db.prisma.intern.findMany({ where: { isDemo: true, placements: { some: { practice: { departementCode: '36' } } } } });
    expect(indre.length).toBe(6);
    expect(indre.every((i) => i.departementCode === '36')).toBe(true);
    const loir = await db.prisma.intern.count({ where: { isDemo: true, placements: { some: { practice: { departementCode: '41' } } } } });
    expect(loir).toBe(40);
    const chateauroux = await db.prisma.site.findUniqueOrThrow({ where: { slug: 'chateauroux-internat-rural' } });
    expect(chateauroux.departementCode).toBe('36');
  });

  it('with the demo data, creates the demo API key demo-ors-key, owned by the demo staff account and usable on /ors', async () => {
    expect(DEMO_ORS_KEY).toBe('demo-ors-key');
    const keys = await db.prisma.apiKey.findMany({ include: { owner: true } });
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ isDemo: true, prefix: 'demo-ors', revokedAt: null, owner: { email: 'staff@demo.test' } });
    expect(await countKeyUse(db.prisma, DEMO_ORS_KEY)).toMatchObject({ ok: true, keyId: keys[0].id });
    expect(await liveDemoOrsKey(db.prisma)).toBe(DEMO_ORS_KEY);
    await db.prisma.apiKey.update({ where: { id: keys[0].id }, data: { revokedAt: new Date() } });
    // Revoked by staff: the start-up banner no longer offers it, and a new seed run does not bring it back.
    expect(await liveDemoOrsKey(db.prisma)).toBeUndefined();
    expect(await runSeed(db.prisma, { demo: true, today: new Date('2026-11-24') })).toEqual([]);
    expect(await db.prisma.apiKey.count()).toBe(1);
  });
});
