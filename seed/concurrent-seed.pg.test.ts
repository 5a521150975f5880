import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIsolatedDatabase } from '../tests/helpers/test-db.ts';
import type { Database } from '../server/db/connect.ts';
import { annexInternats } from './annex-internats.ts';
import { demoSemesters, demoSites } from './demo-loir-et-cher.ts';
import { DEMO_ACCOUNTS, runSeed } from './run.ts';

// Several app instances starting together on one PostgreSQL all seed at boot (README, "Several app
// instances"): each part must be written exactly once, and no instance may fail because another won.
describe('seeding from several instances at once (PostgreSQL)', () => {
  let db: Awaited<ReturnType<typeof openIsolatedDatabase>>;
  let others: Database[];
  beforeAll(async () => {
    db = await openIsolatedDatabase();
    others = [await db.connect(), await db.connect()];
  });
  afterAll(async () => {
    await db?.close();
  });

  it('writes each part once, and every instance starts', async () => {
    const today = new Date('2026-11-24');
    const done = await Promise.all([db, ...others].map((d) => runSeed(d.prisma, { demo: true, today })));
    expect(done.flat().sort()).toEqual(['aid-schemes', 'annex-internats', 'demo-aid', 'demo-departements', 'demo-loir-et-cher', 'demo-ors-key']);
    expect(await db.prisma.seedRun.count()).toBe(6);
    expect(await db.prisma.site.count()).toBe(annexInternats.length + demoSites(demoSemesters(today)).length);
    expect(await db.prisma.user.count()).toBe(DEMO_ACCOUNTS.length);
    expect(await db.prisma.intern.count()).toBe(46);
    expect(await db.prisma.apiKey.count()).toBe(1);
  });
});
