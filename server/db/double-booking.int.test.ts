import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDate } from '../domain/calendar/semesters.ts';
import { translateDbError } from '../middleware/error-handler.ts';
import { ConflictError } from '../errors.ts';
import { openTestDatabase, unique } from '../../tests/helpers/test-db.ts';
import type { Database } from './connect.ts';

/**
 * The database itself refuses to give one bed (or one intern) two overlapping stays. Each test makes its
 * own room, beds and interns, so none depends on another having run first.
 */
describe('double booking is impossible in the database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  type Status = 'proposed' | 'confirmed' | 'cancelled';
  /** A fresh room with `beds` beds and `interns` interns, and a booking function over them. */
  async function world(beds = 1, interns = 2) {
    const p = db.prisma;
    const site = await p.site.create({
      data: { slug: unique('site'), name: 'T', commune: 'Mer', departement: '41', subdivision: 'Tours', lng: 1.5, lat: 47.7, funderKind: 'commune' },
    });
    const room = await p.room.create({
      data: { siteId: site.id, label: 'R1', beds: { create: Array.from({ length: beds }, (_, i) => ({ label: `Lit ${i + 1}` })) } },
      include: { beds: { orderBy: { id: 'asc' } } },
    });
    const people = [];
    for (let i = 0; i < interns; i++) people.push((await p.intern.create({ data: { slug: unique('i'), name: `I${i}`, subdivision: 'Tours' } })).id);
    const book = (internId: number, bedId: number, start: string, end: string, status: Status = 'confirmed') =>
      p.assignment.create({ data: { internId, bedId, startDate: toDate(start), endDate: toDate(end), status } });
    const stays = (bedId: number) =>
      p.assignment.findMany({ where: { bedId }, orderBy: { startDate: 'asc' }, select: { internId: true, status: true, startDate: true } });
    return { beds: room.beds.map((b) => b.id), interns: people, book, stays };
  }

  it('refuses an overlapping stay on the same bed (one shared day is enough), and the error maps to a 409 conflict', async () => {
    const { beds: [bed], interns: [a, b], book, stays } = await world();
    await book(a, bed, '2027-05-01', '2027-10-31');
    const err = await book(b, bed, '2027-10-31', '2028-04-30').catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(translateDbError(err)).toBeInstanceOf(ConflictError);
    expect(await stays(bed)).toEqual([{ internId: a, status: 'confirmed', startDate: toDate('2027-05-01') }]);
  });

  it('accepts the next semester on a bed taken the semester before', async () => {
    const { beds: [bed], interns: [a, b], book, stays } = await world();
    await book(a, bed, '2027-05-01', '2027-10-31');
    await book(b, bed, '2027-11-01', '2028-04-30');
    expect((await stays(bed)).map((s) => s.internId)).toEqual([a, b]);
  });

  it('ignores cancelled stays: a live stay may take their dates', async () => {
    const { beds: [bed], interns: [a, b], book, stays } = await world();
    await book(b, bed, '2028-05-01', '2028-10-31', 'cancelled');
    await book(a, bed, '2028-05-01', '2028-10-31');
    expect((await stays(bed)).map((s) => [s.internId, s.status])).toEqual(
      expect.arrayContaining([[b, 'cancelled'], [a, 'confirmed']]),
    );
    expect(await stays(bed)).toHaveLength(2);
  });

  it('refuses one intern in two beds at once, even as a mere proposal', async () => {
    const { beds: [bed1, bed2], interns: [a], book, stays } = await world(2, 1);
    await book(a, bed1, '2027-05-01', '2027-10-31');
    const err = await book(a, bed2, '2027-06-01', '2027-06-30', 'proposed').catch((e) => e);
    expect(translateDbError(err)).toBeInstanceOf(ConflictError);
    expect(await stays(bed2)).toEqual([]);
  });

  it('refuses reversed dates with a 400', async () => {
    const { beds: [bed], interns: [a], book, stays } = await world(1, 1);
    const err = await book(a, bed, '2030-05-01', '2030-04-01').catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(translateDbError(err)?.status).toBe(400);
    expect(await stays(bed)).toEqual([]);
  });
});
