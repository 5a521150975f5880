import { describe, expect, it } from 'vitest';
import { expireProposals } from '../../domain/assignments/answer-proposal.ts';
import { buildIntern, buildPlacement, buildRoom, buildSite, clientAs } from '../../../tests/helpers/factories.ts';
import { useTestApp, type TestApp, type TestClient } from '../../../tests/helpers/test-app.ts';
import type { Database } from '../../db/connect.ts';

describe('assignment lifecycle: proposed → accepted/declined/expired → confirmed, with e-mail notices', () => {
  let db: Database;
  let app: TestApp;
  let staff: TestClient;
  let staffEmail: string;
  useTestApp(async (t) => {
    ({ db, app } = t);
    const s = await clientAs(app, db.prisma, 'staff');
    staff = s.client;
    staffEmail = s.user.email;
  });

  const summer = { startDate: '2027-05-01', endDate: '2027-10-31' };
  const outbox = (assignmentId: number) => db.prisma.outboxMessage.findMany({ where: { assignmentId }, orderBy: { id: 'asc' } });
  const actions = async (id: number) => (await db.prisma.auditEvent.findMany({ where: { entity: 'Assignment', entityId: String(id) }, orderBy: { id: 'asc' } })).map((e) => e.action);

  async function proposal(o: { answerBy?: string } = {}) {
    const room = await buildRoom(db.prisma, { beds: 1 });
    const { client, intern, user } = await clientAs(app, db.prisma, 'intern');
    const res = await staff.post('/api/assignments', { internId: intern!.id, bedId: room.beds[0].id, ...summer, answerBy: o.answerBy ?? '2099-01-31' });
    expect(res.status).toBe(201);
    return { room, client, intern: intern!, user, id: res.body.assignment.id as number, assignment: res.body.assignment };
  }

  it('a proposal e-mails the intern; the intern accepts, staff are told, staff confirm, the intern is told', async () => {
    const p = await proposal();
    expect(p.assignment).toMatchObject({ status: 'proposed', answerBy: '2099-01-31', answeredAt: null, cancelReason: null });
    expect(await outbox(p.id)).toMatchObject([{ kind: 'proposal', to: p.user.email, status: 'pending' }]);

    const accepted = await p.client.post(`/api/me/assignments/${p.id}/answer`, { answer: 'accept' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.assignment).toMatchObject({ status: 'accepted', cancelReason: null });
    expect(accepted.body.assignment.answeredAt).toEqual(expect.any(String));
    const answer = (await outbox(p.id)).filter((m) => m.kind === 'answer');
    expect(answer.map((m) => m.to)).toContain(staffEmail);
    expect(answer[0].subject).toContain('a accepté');
    // Answered once: a second answer changes nothing.
    expect((await p.client.post(`/api/me/assignments/${p.id}/answer`, { answer: 'decline' })).status).toBe(409);

    const confirmed = await staff.patch(`/api/assignments/${p.id}`, { status: 'confirmed' });
    expect(confirmed.body.assignment.status).toBe('confirmed');
    expect((await outbox(p.id)).at(-1)).toMatchObject({ kind: 'confirmation', to: p.user.email });
    expect(await actions(p.id)).toEqual(['create', 'accept', 'confirm']);
    expect((await p.client.get('/api/me/intern')).body.assignments).toEqual([expect.objectContaining({ id: p.id, status: 'confirmed' })]);
  });

  it('a decline frees the bed at once, is audited and told to staff; nobody else may answer', async () => {
    const p = await proposal();
    const { client: stranger } = await clientAs(app, db.prisma, 'intern');
    expect((await stranger.post(`/api/me/assignments/${p.id}/answer`, { answer: 'decline' })).status).toBe(403);
    expect((await p.client.post(`/api/me/assignments/${p.id}/answer`, { answer: 'maybe' })).body.error.field).toBe('body.answer');

    const declined = await p.client.post(`/api/me/assignments/${p.id}/answer`, { answer: 'decline' });
    expect(declined.body.assignment).toMatchObject({ status: 'cancelled', cancelReason: 'declined' });
    // Every staff member of the intern's département is told (other files' staff share a database on PostgreSQL).
    const told = (await outbox(p.id)).filter((m) => m.kind === 'answer');
    expect(told.map((m) => m.to)).toContain(staffEmail);
    expect(told.every((m) => m.subject.includes('a refusé'))).toBe(true);
    expect(await actions(p.id)).toEqual(['create', 'decline']);
    // The bed is free again, and the board shows the decline.
    const other = await buildIntern(db.prisma);
    expect((await staff.post('/api/assignments', { internId: other.id, bedId: p.room.beds[0].id, ...summer })).status).toBe(201);
    const board = await staff.get(`/api/assignments?status=cancelled&internId=${p.intern.id}`);
    expect(board.body.assignments).toEqual([expect.objectContaining({ id: p.id, cancelReason: 'declined' })]);
    // Staff cannot resurrect it.
    expect((await staff.patch(`/api/assignments/${p.id}`, { status: 'confirmed' })).status).toBe(409);
  });

  it('staff see who has not answered, confirm on the intern\'s behalf, or cancel (the intern is told)', async () => {
    const [a, b] = [await proposal(), await proposal()];
    const waiting = await staff.get('/api/assignments?status=proposed');
    expect(waiting.body.assignments.map((x: { id: number }) => x.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(waiting.body.assignments.every((x: { status: string }) => x.status === 'proposed')).toBe(true);

    expect((await staff.patch(`/api/assignments/${a.id}`, { status: 'confirmed' })).body.assignment.status).toBe('confirmed');
    expect((await outbox(a.id)).map((m) => m.kind)).toEqual(['proposal', 'confirmation']);

    const cancelled = await staff.delete(`/api/assignments/${b.id}`);
    expect(cancelled.body.assignment).toMatchObject({ status: 'cancelled', cancelReason: 'staff' });
    expect((await outbox(b.id)).at(-1)).toMatchObject({ kind: 'cancellation', to: b.user.email });
    expect((await outbox(b.id)).at(-1)!.subject).toMatch(/^Logement annulé/);

    const after = (await staff.get('/api/assignments?status=proposed')).body.assignments.map((x: { id: number }) => x.id);
    expect(after).not.toContain(a.id);
    expect(after).not.toContain(b.id);
  });

  it('past its answer-by date a proposal cannot be accepted; the expiry job frees the bed and tells the intern', async () => {
    const p = await proposal({ answerBy: '2026-01-10' });
    const late = await p.client.post(`/api/me/assignments/${p.id}/answer`, { answer: 'accept' });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/expired/);

    const fresh = await proposal({ answerBy: '2099-01-31' });
    const expired = await expireProposals({ prisma: db.prisma, appUrl: 'https://im.example', today: '2026-01-11' });
    expect(expired).toContain(p.id);
    expect(expired).not.toContain(fresh.id);
    expect(await db.prisma.assignment.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ status: 'cancelled', cancelReason: 'expired' });
    expect((await outbox(p.id)).at(-1)).toMatchObject({ kind: 'cancellation', to: p.user.email });
    expect((await outbox(p.id)).at(-1)!.text).toContain('expiré');
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entity: 'Assignment', entityId: String(p.id), action: 'expire' } });
    expect(audit).toMatchObject({ actorId: null, internId: p.intern.id, siteId: p.room.siteId });
    // Idempotent: nothing more to expire on the next tick.
    expect(await expireProposals({ prisma: db.prisma, appUrl: 'x', today: '2026-01-11' })).not.toContain(p.id);
    expect((await staff.post('/api/assignments', { internId: (await buildIntern(db.prisma)).id, bedId: p.room.beds[0].id, ...summer })).status).toBe(201);
  });

  it('a proposal gets a default answer-by date two weeks ahead', async () => {
    const room = await buildRoom(db.prisma, { beds: 1 });
    const res = await staff.post('/api/assignments', { internId: (await buildIntern(db.prisma)).id, bedId: room.beds[0].id, ...summer });
    const expected = new Date(Date.now() + 14 * 86400_000).toISOString().slice(0, 10);
    expect(res.body.assignment.answerBy).toBe(expected);
    expect((await staff.post('/api/assignments', { internId: (await buildIntern(db.prisma)).id, bedId: room.beds[0].id, startDate: '2028-05-01', endDate: '2028-10-31', answerBy: '9999-12-31' })).body.error.field).toBe('body.answerBy');
  });
});

describe('room requests join the lifecycle: accepted by proposing a bed, or declined with a reason', () => {
  let db: Database;
  let app: TestApp;
  let staff: TestClient;
  useTestApp(async (t) => {
    ({ db, app } = t);
    staff = (await clientAs(app, db.prisma, 'staff')).client;
  });

  it('accepting proposes that bed for the intern\'s placement; the intern sees the outcome and answers it', async () => {
    const { client, intern } = await clientAs(app, db.prisma, 'intern');
    await buildPlacement(db.prisma, { internId: intern!.id, startDate: '2099-05-01', endDate: '2099-10-31' });
    const site = await buildSite(db.prisma);
    const room = await buildRoom(db.prisma, { siteId: site.id, beds: 1 });
    const elsewhere = await buildRoom(db.prisma, { beds: 1 });
    const { body } = await client.post('/api/me/requests', { siteId: site.id });
    const id = body.request.id;

    expect((await staff.patch(`/api/requests/${id}`, { status: 'accepted' })).body.error.field).toBe('body.status');
    expect((await staff.post(`/api/requests/${id}/accept`, { bedId: elsewhere.beds[0].id })).body.error.field).toBe('body.bedId');
    const accepted = await staff.post(`/api/requests/${id}/accept`, { bedId: room.beds[0].id, answerBy: '2099-03-01' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.request).toMatchObject({ status: 'accepted', assignment: { status: 'proposed', room: room.label, startDate: '2099-05-01', endDate: '2099-10-31', answerBy: '2099-03-01' } });
    expect((await staff.post(`/api/requests/${id}/accept`, { bedId: room.beds[0].id })).status).toBe(409);

    const me = (await client.get('/api/me/intern')).body;
    expect(me.requests[0]).toMatchObject({ id, status: 'accepted', assignment: { id: accepted.body.request.assignment.id } });
    expect(me.assignments).toEqual([expect.objectContaining({ status: 'proposed', site: { id: site.id, name: site.name } })]);
    expect(await db.prisma.outboxMessage.count({ where: { assignmentId: accepted.body.request.assignment.id, kind: 'proposal' } })).toBe(1);
    expect((await client.post(`/api/me/assignments/${accepted.body.request.assignment.id}/answer`, { answer: 'accept' })).body.assignment.status).toBe('accepted');
    const audit = await db.prisma.auditEvent.findMany({ where: { entity: 'RoomRequest', entityId: String(id) }, orderBy: { id: 'asc' } });
    expect(audit.map((e) => e.action)).toEqual(['create', 'accept']);
  });

  it('declining records the reason the intern reads; a new request for the site is then possible', async () => {
    const { client, intern } = await clientAs(app, db.prisma, 'intern');
    const site = await buildSite(db.prisma);
    const id = (await client.post('/api/me/requests', { siteId: site.id })).body.request.id;
    expect((await staff.post(`/api/requests/${id}/decline`, { reason: '  ' })).body.error.field).toBe('body.reason');
    const declined = await staff.post(`/api/requests/${id}/decline`, { reason: 'Complet pour ce semestre' });
    expect(declined.body.request).toMatchObject({ status: 'declined', answer: 'Complet pour ce semestre', assignment: null });
    expect((await staff.post(`/api/requests/${id}/decline`, { reason: 'encore' })).status).toBe(409);
    expect((await client.get('/api/me/intern')).body.requests[0]).toMatchObject({ id, status: 'declined', answer: 'Complet pour ce semestre' });
    expect((await client.post('/api/me/requests', { siteId: site.id })).status).toBe(201);
    // Without dates and with no coming placement, accepting says what is missing.
    const again = (await staff.get(`/api/requests?internId=${intern!.id}&status=open`)).body.requests[0];
    const room = await buildRoom(db.prisma, { siteId: site.id, beds: 1 });
    expect((await staff.post(`/api/requests/${again.id}/accept`, { bedId: room.beds[0].id })).body.error.field).toBe('body.startDate');
  });
});
