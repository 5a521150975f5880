import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDate } from '../domain/calendar/semesters.ts';
import { translateDbError } from '../middleware/error-handler.ts';
import { ConflictError } from '../errors.ts';
import { openTestDatabase, unique } from '../../tests/helpers/test-db.ts';
import type { Database } from './connect.ts';

/** The database itself refuses to give one bed (or one intern) two overlapping stays. */
describe('double booking is impossible in the database', () => {
  let db: Database;
  let bedId: number;
  let internA: number;
  let internB: number;
  beforeAll(async () => {
    db = await openTestDatabase();
    const p = db.prisma;
    const site = await p.site.create({
      data: { slug: unique('site'), name: 'T', commune: 'Mer', departement: '41', subdivision: 'Tours', lng: 1.5, lat: 47.7, funderKind: 'commune' },
    });
    const room = await p.room.create({ data: { siteId: site.id, label: 'R1', beds: { create: [{ label: 'Lit' }] } }, include: { beds: true } });
    bedId = room.beds[0].id;
    internA = (await p.intern.create({ data: { slug: unique('a'), name: 'A', subdivision: 'Tours' } })).id;
    internB = (await p.intern.create({ data: { slug: unique('b'), name: 'B', subdivision: 'Tours' } })).id;
  });
  afterAll(() => db.close());

  const book = (internId: number, start: string, end: string, status: 'proposed' | 'confirmed' | 'cancelled' = 'confirmed') =>
    db.prisma.assignment.create({ data: { internId, bedId, startDate: toDate(start), endDate: toDate(end), status } });

  it('refuses an overlapping stay on the same bed, and the error maps to a 409 conflict', async () => {
    await book(internA, '2027-05-01', '2027-10-31');
    const err = await book(internB, '2027-10-31', '2028-04-30').catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(translateDbError(err)).toBeInstanceOf(ConflictError);
    expect(await db.prisma.assignment.count({ where: { bedId, internId: internB } })).toBe(0);
  });

  it('accepts the next semester on the same bed', async () => {
    await expect(book(internB, '2027-11-01', '2028-04-30')).resolves.toBeTruthy();
  });

  it('ignores cancelled stays', async () => {
    const other = (await db.prisma.intern.create({ data: { slug: unique('c'), name: 'C', subdivision: 'Tours' } })).id;
    await book(other, '2028-05-01', '2028-10-31', 'cancelled');
    await expect(book(internA, '2028-05-01', '2028-10-31')).resolves.toBeTruthy();
  });

  it('refuses one intern in two beds at once', async () => {
    const room2 = await db.prisma.room.findFirstOrThrow({ where: { beds: { some: { id: bedId } } } });
    const bed2 = await db.prisma.bed.create({ data: { roomId: room2.id, label: unique('lit') } });
    const err = await db.prisma.assignment
      .create({ data: { internId: internA, bedId: bed2.id, startDate: toDate('2027-06-01'), endDate: toDate('2027-06-30') } })
      .catch((e) => e);
    expect(translateDbError(err)).toBeInstanceOf(ConflictError);
  });

  it('refuses reversed dates', async () => {
    const err = await book(internB, '2030-05-01', '2030-04-01').catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(translateDbError(err)?.status).toBe(400);
  });
});
