import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { straightLineTestProvider } from '../../../tests/helpers/fake-drive-times.ts';
import { buildAssignment, buildIntern, buildPlacement, buildPractice, buildRoom, buildSite } from '../../../tests/helpers/factories.ts';
import { openTestDatabase } from '../../../tests/helpers/test-db.ts';
import type { Database } from '../../db/connect.ts';
import type { DriveTimeProvider } from '../../routing/provider.ts';
import { parseInstance } from '../../matching/validate-instance.ts';
import { buildMatchingInstance } from './build-instance.ts';
import { changedParts, fingerprint, loadMatchingData } from './load-matching-data.ts';

// Windows no other test file uses (the PostgreSQL database is shared), one per test so that no test
// reads another's data.
const W = { from: '2045-05-01', to: '2045-10-31' };
const W_EXACT = { from: '2055-05-01', to: '2055-10-31' };
const W_FINGERPRINT = { from: '2056-05-01', to: '2056-10-31' };

describe('buildMatchingInstance', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('builds interns, free beds, drive minutes and existing assignments from the database', async () => {
    const near = await buildSite(db.prisma, { name: 'Près', lng: 3.0, lat: 45.1, rentCents: 15000 });
    const room = await buildRoom(db.prisma, { siteId: near.id, beds: 2, availability: [W] });
    const noAvail = await buildSite(db.prisma, { lng: 3.0, lat: 45.05 });
    const heldRoom = await buildRoom(db.prisma, { siteId: noAvail.id, beds: 1 });
    const practice = await buildPractice(db.prisma, { lng: 3.0, lat: 45.0 });
    const second = await buildPractice(db.prisma, { lng: 3.0, lat: 45.2 });
    const a = await buildIntern(db.prisma);
    const b = await buildIntern(db.prisma);
    const housedElsewhere = await buildIntern(db.prisma);
    const outsider = await buildIntern(db.prisma);
    await db.prisma.intern.update({ where: { id: a.id }, data: { limitMinutes: 20, partnerInternId: b.id, maxRentCents: 18000 } });
    await db.prisma.peerWish.create({ data: { internId: b.id, peerId: a.id } });
    await db.prisma.sitePreference.createMany({ data: [{ internId: b.id, siteId: noAvail.id, rank: 1 }, { internId: b.id, siteId: near.id, rank: 2 }] });
    await db.prisma.intern.update({ where: { id: b.id }, data: { preferencesNote: 'près de la gare' } });
    await buildPlacement(db.prisma, { internId: a.id, practiceId: practice.id, startDate: W.from, endDate: W.to });
    await buildPlacement(db.prisma, { internId: b.id, practiceId: practice.id, secondPracticeId: second.id, startDate: W.from, endDate: '2045-07-31' });
    await buildPlacement(db.prisma, { internId: housedElsewhere.id, practiceId: practice.id, startDate: W.from, endDate: W.to });
    await buildAssignment(db.prisma, { internId: housedElsewhere.id, bedId: heldRoom.beds[0].id, startDate: W.from, endDate: W.to, status: 'confirmed' });
    // Someone outside the run holds the second bed in June: that month is cut out of it.
    await buildAssignment(db.prisma, { internId: outsider.id, bedId: room.beds[1].id, startDate: '2045-06-01', endDate: '2045-06-30' });
    const proposal = await buildAssignment(db.prisma, { internId: a.id, bedId: room.beds[0].id, startDate: W.from, endDate: W.to, status: 'proposed' });
    await db.prisma.assignment.update({ where: { id: proposal.id }, data: { locked: true } });

    const data = await loadMatchingData(db.prisma, W);
    const { instance, context } = await buildMatchingInstance({ data, provider: straightLineTestProvider(), limitMinutes: 30 });
    expect(() => parseInstance(instance)).not.toThrow();
    expect(instance.estimate).toBe(true);
    expect(context.estimate).toBe(true);
    expect(instance.interns).toEqual([
      { id: String(a.id), start: W.from, end: W.to, label: a.name, practices: ['Romorantin'], limitMinutes: 20, maxRentCents: 18000, partner: String(b.id) },
      { id: String(b.id), start: W.from, end: '2045-07-31', label: b.name, practices: ['Romorantin', 'Romorantin'], peers: [String(a.id)], wishes: [String(noAvail.id), String(near.id)] },
    ]);
    // Staff see the ranked wishes and the note on the board.
    expect(context.interns[String(b.id)]).toMatchObject({ wishes: [{ siteId: noAvail.id, rank: 1 }, { siteId: near.id, siteName: 'Près', rank: 2 }], note: 'près de la gare' });
    const mine = instance.beds.filter((x) => x.siteId === String(near.id));
    expect(mine).toEqual([
      { id: String(room.beds[0].id), siteId: String(near.id), roomId: String(room.id), rentCents: 15000, available: [W] },
      { id: String(room.beds[1].id), siteId: String(near.id), roomId: String(room.id), rentCents: 15000, available: [{ from: W.from, to: '2045-05-31' }, { from: '2045-07-01', to: W.to }] },
    ]);
    // 0.1° of latitude ≈ 11.1 km ≈ 11.1 min at the test provider's 60 km/h.
    expect(instance.minutes[String(a.id)][String(near.id)]).toBeCloseTo(11.1, 1);
    const pair = instance.minutes[String(b.id)][String(near.id)] as [number, number];
    expect(pair[0]).toBeCloseTo(11.1, 1);
    expect(pair[1]).toBeCloseTo(11.1, 1);
    expect(context.driveSeconds[String(b.id)][String(near.id)]).toHaveLength(2);
    expect(instance.existing).toEqual([{ intern: String(a.id), bed: String(room.beds[0].id), status: 'proposed', locked: true }]);
    expect(instance.sites[String(near.id)]).toEqual({ name: 'Près' });
  });

  it('never uses straight lines itself: the provider decides, and an exact provider gives estimate false', async () => {
    const site = await buildSite(db.prisma, { lng: 3.0, lat: 46.1 });
    await buildRoom(db.prisma, { siteId: site.id, beds: 1, availability: [W_EXACT] });
    const practice = await buildPractice(db.prisma, { lng: 3.0, lat: 46.0 });
    const other = await buildPractice(db.prisma, { lng: 3.0, lat: 46.2 });
    const single = await buildIntern(db.prisma);
    const split = await buildIntern(db.prisma);
    await buildPlacement(db.prisma, { internId: single.id, practiceId: practice.id, startDate: W_EXACT.from, endDate: W_EXACT.to });
    await buildPlacement(db.prisma, { internId: split.id, practiceId: practice.id, secondPracticeId: other.id, startDate: W_EXACT.from, endDate: W_EXACT.to });
    const calls: number[][] = [];
    const exact: DriveTimeProvider = {
      name: 'exact',
      async matrix(sources, destinations) {
        calls.push([sources.length, destinations.length]);
        return { durations: sources.map(() => destinations.map(() => 600)), distances: sources.map(() => destinations.map(() => 10000)), estimate: false, provider: 'exact' };
      },
      async isochrones() {
        throw new Error('not used');
      },
    };
    const data = await loadMatchingData(db.prisma, W_EXACT);
    const { instance, context } = await buildMatchingInstance({ data, provider: exact, limitMinutes: 30 });
    // One matrix call: the site as source (drives are room → practice), both practices as destinations.
    expect(calls).toEqual([[1, 2]]);
    expect(instance.estimate).toBe(false);
    expect(context.provider).toBe('exact');
    // 600 s from the provider, not the 11 min a straight line would give.
    expect(instance.minutes).toEqual({ [String(single.id)]: { [String(site.id)]: 10 }, [String(split.id)]: { [String(site.id)]: [10, 10] } });
  });

  it('fingerprints what the run depends on', async () => {
    const room = await buildRoom(db.prisma, { beds: 1, availability: [W_FINGERPRINT] });
    const intern = await buildIntern(db.prisma);
    await buildPlacement(db.prisma, { internId: intern.id, startDate: W_FINGERPRINT.from, endDate: W_FINGERPRINT.to });
    const before = fingerprint(await loadMatchingData(db.prisma, W_FINGERPRINT));
    expect(changedParts(before, fingerprint(await loadMatchingData(db.prisma, W_FINGERPRINT)))).toEqual([]);
    // Availability outside the window changes nothing; availability overlapping it does.
    await db.prisma.availabilityWindow.create({ data: { roomId: room.id, startDate: new Date('2056-11-01T00:00:00Z'), endDate: new Date('2056-11-02T00:00:00Z') } });
    expect(changedParts(before, fingerprint(await loadMatchingData(db.prisma, W_FINGERPRINT)))).toEqual([]);
    // (One room's windows may not overlap: the change inside the window is the room's own window shortened.)
    await db.prisma.availabilityWindow.update({ where: { id: room.availability[0].id }, data: { endDate: new Date('2056-09-30T00:00:00Z') } });
    expect(changedParts(before, fingerprint(await loadMatchingData(db.prisma, W_FINGERPRINT)))).toEqual(['availability']);
  });
});
