import { describe, expect, it } from 'vitest';
import { buildAssignment, buildIntern, buildRoom, buildSite, clientAs } from '../../../tests/helpers/factories.ts';
import { useTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { Database } from '../../db/connect.ts';

describe('rooms, beds and availability', () => {
  let db: Database;
  let app: TestApp;
  useTestApp((t) => ({ db, app } = t));

  it("lets a site's manager add a room with beds, resize it and declare availability, all audited", async () => {
    const site = await buildSite(db.prisma);
    const { client, user } = await clientAs(app, db.prisma, 'manager', { managedSiteIds: [site.id] });
    const created = await client.post(`/api/sites/${site.id}/rooms`, { label: 'Chambre 1', beds: 2 });
    expect(created.status).toBe(201);
    expect(created.body.room.beds.map((b: any) => b.label)).toEqual(['Lit 1', 'Lit 2']);
    const roomId = created.body.room.id;
    const grown = await client.patch(`/api/rooms/${roomId}`, { beds: 3, label: 'Chambre bleue' });
    expect(grown.body.room).toMatchObject({ label: 'Chambre bleue' });
    expect(grown.body.room.beds).toHaveLength(3);
    const w = await client.post(`/api/rooms/${roomId}/availability`, { startDate: '2027-05-01', endDate: '2027-10-31', note: 'été' });
    expect(w.status).toBe(201);
    expect(w.body.availability).toMatchObject({ startDate: '2027-05-01', endDate: '2027-10-31', note: 'été' });
    const moved = await client.patch(`/api/availability/${w.body.availability.id}`, { endDate: '2027-09-30' });
    expect(moved.body.availability.endDate).toBe('2027-09-30');
    expect((await client.delete(`/api/availability/${w.body.availability.id}`)).status).toBe(204);
    expect((await client.delete(`/api/rooms/${roomId}`)).status).toBe(204);
    const events = await db.prisma.auditEvent.findMany({ where: { siteId: site.id, actorId: user.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => `${e.action} ${e.entity}`)).toEqual([
      'create Room',
      'update Room',
      'create AvailabilityWindow',
      'update AvailabilityWindow',
      'delete AvailabilityWindow',
      'delete Room',
    ]);
    expect(events[3]).toMatchObject({ before: { endDate: '2027-10-31T00:00:00.000Z' }, after: { endDate: '2027-09-30T00:00:00.000Z' } });
  });

  it("refuses another manager's rooms (403) and leaves them untouched", async () => {
    const room = await buildRoom(db.prisma, { beds: 1 });
    const { client } = await clientAs(app, db.prisma, 'manager', { managedSiteIds: [(await buildSite(db.prisma)).id] });
    expect((await client.post(`/api/sites/${room.siteId}/rooms`, { label: 'X', beds: 1 })).status).toBe(403);
    expect((await client.patch(`/api/rooms/${room.id}`, { label: 'Mine' })).status).toBe(403);
    expect((await client.delete(`/api/rooms/${room.id}`)).status).toBe(403);
    expect((await client.post(`/api/rooms/${room.id}/availability`, { startDate: '2027-05-01', endDate: '2027-10-31' })).status).toBe(403);
    expect(await db.prisma.room.findUniqueOrThrow({ where: { id: room.id } })).toMatchObject({ label: room.label });
    const { client: intern } = await clientAs(app, db.prisma, 'intern');
    expect((await intern.patch(`/api/rooms/${room.id}`, { label: 'Mine' })).status).toBe(403);
  });

  it('refuses removing booked beds or rooms (409), with nothing changed', async () => {
    const room = await buildRoom(db.prisma, { beds: 2 });
    await buildAssignment(db.prisma, { bedId: room.beds[1].id });
    const { client } = await clientAs(app, db.prisma, 'staff');
    expect((await client.patch(`/api/rooms/${room.id}`, { beds: 1, label: 'Renamed' })).status).toBe(409);
    expect((await client.delete(`/api/rooms/${room.id}`)).status).toBe(409);
    expect(await db.prisma.room.findUniqueOrThrow({ where: { id: room.id }, include: { beds: true } })).toMatchObject({ label: room.label, beds: expect.arrayContaining([expect.anything(), expect.anything()]) });
  });

  it('answers bad input with 400/404 naming the field', async () => {
    const room = await buildRoom(db.prisma, { beds: 1 });
    const { client } = await clientAs(app, db.prisma, 'staff');
    expect((await client.post(`/api/sites/${room.siteId}/rooms`, { label: 'X', beds: 0 })).body.error.field).toBe('body.beds');
    expect((await client.post(`/api/sites/${room.siteId}/rooms`, { beds: 1 })).body.error.field).toBe('body.label');
    expect((await client.post(`/api/sites/${room.siteId}/rooms`, { label: 'X', beds: 'two' })).body.error.field).toBe('body.beds');
    const reversed = await client.post(`/api/rooms/${room.id}/availability`, { startDate: '2027-10-31', endDate: '2027-05-01' });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.field).toBe('body.endDate');
    const w = await client.post(`/api/rooms/${room.id}/availability`, { startDate: '2027-05-01', endDate: '2027-10-31' });
    const reversedPatch = await client.patch(`/api/availability/${w.body.availability.id}`, { startDate: '2027-12-01' });
    expect(reversedPatch.status).toBe(400);
    expect(reversedPatch.body.error.field).toBe('body.endDate');
    const unknownSite = await client.post('/api/sites/99999999/rooms', { label: 'X', beds: 1 });
    expect(unknownSite.status).toBe(404);
    expect(unknownSite.body.error.field).toBe('params.id');
    expect((await client.patch('/api/rooms/99999999', { label: 'X' })).status).toBe(404);
    expect((await client.delete('/api/availability/99999999')).status).toBe(404);
  });

  it('refuses overlapping or repeated availability windows of one room (409, in the database too); other rooms are free', async () => {
    const room = await buildRoom(db.prisma, { beds: 1 });
    const { client } = await clientAs(app, db.prisma, 'staff');
    const summer = { startDate: '2027-05-01', endDate: '2027-10-31' };
    expect((await client.post(`/api/rooms/${room.id}/availability`, summer)).status).toBe(201);
    const same = await client.post(`/api/rooms/${room.id}/availability`, summer);
    expect(same.status).toBe(409);
    expect(same.body.error.message).toMatch(/overlaps another availability window/);
    expect((await client.post(`/api/rooms/${room.id}/availability`, { startDate: '2027-10-31', endDate: '2028-04-30' })).status).toBe(409);
    const winter = await client.post(`/api/rooms/${room.id}/availability`, { startDate: '2027-11-01', endDate: '2028-04-30' });
    expect(winter.status).toBe(201);
    // Stretching a window over its neighbour is refused as well.
    expect((await client.patch(`/api/availability/${winter.body.availability.id}`, { startDate: '2027-10-15' })).status).toBe(409);
    expect(await db.prisma.availabilityWindow.count({ where: { roomId: room.id } })).toBe(2);
    const other = await buildRoom(db.prisma, { siteId: room.siteId, beds: 1 });
    expect((await client.post(`/api/rooms/${other.id}/availability`, summer)).status).toBe(201);
    await expect(db.prisma.availabilityWindow.create({ data: { roomId: room.id, startDate: new Date('2027-06-01'), endDate: new Date('2027-06-30') } })).rejects.toThrow();
  });

  it('refuses an end date past the horizon (9999-12-31 used to be accepted and showed 0 free beds)', async () => {
    const room = await buildRoom(db.prisma, { beds: 1 });
    const { client } = await clientAs(app, db.prisma, 'staff');
    const far = await client.post(`/api/rooms/${room.id}/availability`, { startDate: '2027-05-01', endDate: '9999-12-31' });
    expect(far.status).toBe(400);
    expect(far.body.error.field).toBe('body.endDate');
    expect(await db.prisma.availabilityWindow.count({ where: { roomId: room.id } })).toBe(0);
  });

  it('deletes a room whose bookings are all cancelled, and refuses one with a live booking, naming the intern', async () => {
    const { client } = await clientAs(app, db.prisma, 'staff');
    const used = await buildRoom(db.prisma, { beds: 1 });
    const intern = await buildIntern(db.prisma, { name: 'Océane Occupante' });
    await buildAssignment(db.prisma, { internId: intern.id, bedId: used.beds[0].id, status: 'proposed' });
    const refused = await client.delete(`/api/rooms/${used.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ details: { reason: 'room_in_use', interns: ['Océane Occupante'] } });
    expect(refused.body.error.message).toContain('Océane Occupante');
    const freed = await buildRoom(db.prisma, { beds: 1 });
    await buildAssignment(db.prisma, { bedId: freed.beds[0].id, status: 'cancelled' });
    expect((await client.delete(`/api/rooms/${freed.id}`)).status).toBe(204);
    expect(await db.prisma.room.count({ where: { id: freed.id } })).toBe(0);
  });
});
