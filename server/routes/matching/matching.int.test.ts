import { describe, expect, it } from 'vitest';
import { buildIntern, buildPlacement, buildPractice, buildRoom, buildSite, buildUser, clientAs } from '../../../tests/helpers/factories.ts';
import { signIn, useTestApp, type TestApp, type TestClient } from '../../../tests/helpers/test-app.ts';
import type { Database } from '../../db/connect.ts';
import { toDate } from '../../domain/calendar/semesters.ts';

/** Each test gets its own semester: a preview depends on everything in its window. */
const semesters = ['2047-05', '2047-11', '2048-05', '2048-11', '2049-05', '2049-11', '2050-11', '2051-05', '2051-11', '2052-05', '2052-11'];
let next = 0;
function window() {
  const id = semesters[next++];
  const [y, m] = id.split('-').map(Number);
  return m === 5 ? { semester: id, from: `${y}-05-01`, to: `${y}-10-31` } : { semester: id, from: `${y}-11-01`, to: `${y + 1}-04-30` };
}

describe('matching runs', () => {
  let db: Database;
  let app: TestApp;
  let staff: TestClient;
  let staffId: number;

  /** Two beds 11 km from the practice, one bed 40 km away, three interns placed there for the semester. */
  async function scenario(w: { from: string; to: string }, lng: number) {
    const near = await buildSite(db.prisma, { name: 'Proche', lng, lat: 46.1 });
    const room = await buildRoom(db.prisma, { siteId: near.id, beds: 2, availability: [w] });
    const far = await buildSite(db.prisma, { name: 'Loin', lng, lat: 46.36 });
    await buildRoom(db.prisma, { siteId: far.id, beds: 1, availability: [w] });
    const practice = await buildPractice(db.prisma, { lng, lat: 46.0 });
    const interns = [];
    for (let k = 0; k < 3; k++) {
      const i = await buildIntern(db.prisma);
      await buildPlacement(db.prisma, { internId: i.id, practiceId: practice.id, startDate: w.from, endDate: w.to });
      interns.push(i.id);
    }
    return { beds: room.beds.map((b) => b.id), interns, roomId: room.id };
  }
  const liveOf = (internIds: number[]) => db.prisma.assignment.findMany({ where: { internId: { in: internIds }, status: { not: 'cancelled' } }, orderBy: { internId: 'asc' } });

  useTestApp(async (t) => {
    ({ db, app } = t);
    const s = await clientAs(app, db.prisma, 'staff');
    staff = s.client;
    staffId = s.user.id;
  });

  it('previews without writing any assignment, and lists the run', async () => {
    const w = window();
    const s = await scenario(w, 4.1);
    const res = await staff.post('/api/matching/preview', { semester: w.semester });
    expect(res.status).toBe(201);
    expect(res.body.window).toEqual({ from: w.from, to: w.to });
    expect(res.body.result.estimate).toBe(true);
    expect(res.body.result.housed).toBe(2);
    expect(res.body.result.assignments.map((a: any) => Number(a.bed)).sort()).toEqual(s.beds);
    expect(res.body.result.assignments[0]).toMatchObject({ siteName: 'Proche', internName: expect.any(String) });
    expect(res.body.result.unmatched).toHaveLength(1);
    expect(await liveOf(s.interns)).toEqual([]);
    const run = await db.prisma.matchingRun.findUniqueOrThrow({ where: { id: res.body.runId } });
    expect(run.kind).toBe('preview');
    const runs = await staff.get('/api/matching/runs');
    expect(runs.status).toBe(200);
    expect(runs.body.runs.find((r: any) => r.id === res.body.runId)).toMatchObject({ kind: 'preview', window: { from: w.from, to: w.to }, limitMinutes: 30, summary: { interns: 3, housed: 2, estimate: true } });
    const one = await staff.get(`/api/matching/runs/${res.body.runId}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ kind: 'preview', runId: res.body.runId, result: { housed: 2 } });
    expect(one.body.result.assignments).toEqual(res.body.result.assignments);
    expect((await staff.get('/api/matching/runs/999999999')).status).toBe(404);
  });

  it('applies a preview: proposed assignments with drive time and explanation, audited with its inputs', async () => {
    const w = window();
    const s = await scenario(w, 4.2);
    const preview = await staff.post('/api/matching/preview', { from: w.from, to: w.to, limitMinutes: 30 });
    const res = await staff.post('/api/matching/apply', { runId: preview.body.runId, answerBy: '2099-02-01' });
    expect(res.status).toBe(200);
    expect(res.body.created).toHaveLength(2);
    const live = await liveOf(s.interns);
    expect(live).toHaveLength(2);
    for (const a of live) {
      // Each intern is told in the apply's transaction, with the date to answer by.
      expect(await db.prisma.outboxMessage.findMany({ where: { assignmentId: a.id } })).toMatchObject([{ kind: 'proposal', status: 'pending' }]);
      expect(a.answerBy).toEqual(toDate('2099-02-01'));
      expect(a).toMatchObject({ status: 'proposed', locked: false, driveEstimate: true, matchingRunId: res.body.runId, createdById: staffId, startDate: toDate(w.from), endDate: toDate(w.to) });
      expect(a.driveSeconds).toBeGreaterThan(600);
      expect(a.driveSeconds).toBeLessThan(720);
      expect(a.explanation).toBeTruthy();
    }
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entity: 'MatchingRun', entityId: String(res.body.runId), action: 'apply' } });
    expect(audit.actorId).toBe(staffId);
    expect(audit.after).toMatchObject({ previewRunId: preview.body.runId, window: { from: w.from, to: w.to }, limitMinutes: 30, overrides: [], created: 2 });
    expect(await db.prisma.auditEvent.count({ where: { entity: 'Assignment', action: 'create', internId: { in: s.interns } } })).toBe(2);
  });

  it('refuses with 409 and writes nothing when something changed since the preview', async () => {
    const w = window();
    const s = await scenario(w, 4.3);
    const preview = await staff.post('/api/matching/preview', { semester: w.semester });
    // The room's availability shrinks to its first day (one room's windows may not overlap).
    await db.prisma.availabilityWindow.updateMany({ where: { roomId: s.roomId }, data: { endDate: toDate(w.from) } });
    // This file's staff member's applies only: other files share the database on PostgreSQL.
    const appliesOf = () => db.prisma.auditEvent.count({ where: { entity: 'MatchingRun', action: 'apply', actorId: staffId } });
    const runsBefore = await appliesOf();
    const res = await staff.post('/api/matching/apply', { runId: preview.body.runId });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ id: 'conflict', details: { changed: ['availability'] } });
    expect(await liveOf(s.interns)).toEqual([]);
    expect(await appliesOf()).toBe(runsBefore);

    const again = await staff.post('/api/matching/preview', { semester: w.semester });
    const other = await buildIntern(db.prisma);
    await db.prisma.assignment.create({ data: { internId: other.id, bedId: s.beds[0], startDate: toDate(w.from), endDate: toDate(w.to) } });
    const res2 = await staff.post('/api/matching/apply', { runId: again.body.runId });
    expect(res2.status).toBe(409);
    expect(res2.body.error.details.changed).toEqual(['assignments']);
    expect(await liveOf(s.interns)).toEqual([]);
  });

  it('lets only one of two concurrent applies of a preview through', async () => {
    const w = window();
    const s = await scenario(w, 4.6);
    const preview = await staff.post('/api/matching/preview', { semester: w.semester });
    const [a, b] = await Promise.all([
      staff.post('/api/matching/apply', { runId: preview.body.runId }),
      staff.post('/api/matching/apply', { runId: preview.body.runId }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await liveOf(s.interns)).toHaveLength(2);
  });

  it('honours overrides: a chosen bed (bumping its holder) and no bed', async () => {
    const w = window();
    const s = await scenario(w, 4.4);
    const preview = await staff.post('/api/matching/preview', { semester: w.semester });
    const housed = preview.body.result.assignments.map((a: any) => Number(a.intern));
    const [unhoused] = s.interns.filter((i) => !housed.includes(i));
    const byIntern = new Map<number, number>(preview.body.result.assignments.map((a: any) => [Number(a.intern), Number(a.bed)]));
    const [first, second] = housed;
    const res = await staff.post('/api/matching/apply', {
      runId: preview.body.runId,
      overrides: [{ internId: unhoused, bedId: byIntern.get(first) }, { internId: second, bedId: null }],
    });
    expect(res.status).toBe(200);
    expect(res.body.bumped).toEqual([first]);
    const live = await liveOf(s.interns);
    expect(live.map((a) => [a.internId, a.bedId])).toEqual([[unhoused, byIntern.get(first)]]);
    expect(live[0].explanation).toMatch(/staff/);

    const bad = await staff.post('/api/matching/apply', { runId: preview.body.runId, overrides: [{ internId: 1, bedId: null }, { internId: 1, bedId: 2 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('body.overrides');
  });

  it('keeps locked and confirmed assignments, keeps repeated proposals and replaces the others', async () => {
    const w = window();
    const s = await scenario(w, 4.5);
    const [i1, i2, i3] = s.interns;
    const locked = await db.prisma.assignment.create({ data: { internId: i1, bedId: s.beds[1], startDate: toDate(w.from), endDate: toDate(w.to), locked: true } });
    const preview = await staff.post('/api/matching/preview', { semester: w.semester });
    expect(preview.body.result.assignments.find((a: any) => Number(a.intern) === i1).bed).toBe(String(s.beds[1]));
    const first = await staff.post('/api/matching/apply', { runId: preview.body.runId });
    expect(first.status).toBe(200);
    const afterFirst = await liveOf(s.interns);
    expect(afterFirst.find((a) => a.internId === i1)).toEqual(locked);
    const proposal = afterFirst.find((a) => a.internId !== i1)!;
    expect([i2, i3]).toContain(proposal.internId);

    // A second run repeats the proposal: same row, re-attached to the new run.
    const preview2 = await staff.post('/api/matching/preview', { semester: w.semester });
    const second = await staff.post('/api/matching/apply', { runId: preview2.body.runId });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ created: [], kept: [proposal.id], cancelled: [] });
    const afterSecond = await liveOf(s.interns);
    expect(afterSecond.map((a) => a.id).sort()).toEqual(afterFirst.map((a) => a.id).sort());
    expect(afterSecond.find((a) => a.id === proposal.id)!.matchingRunId).toBe(second.body.runId);

    // Applying a stale preview is refused: its world changed with the first apply.
    expect((await staff.post('/api/matching/apply', { runId: preview.body.runId })).status).toBe(409);
  });

  it('saves a proposal locked in the preview as locked, with the solver explanation', async () => {
    const w = window();
    const s = await scenario(w, 4.7);
    const preview = await staff.post('/api/matching/preview', { semester: w.semester });
    const chosen = preview.body.result.assignments[0];
    const res = await staff.post('/api/matching/apply', { runId: preview.body.runId, locks: [Number(chosen.intern)] });
    expect(res.status).toBe(200);
    const live = await liveOf(s.interns);
    const mine = live.find((a) => a.internId === Number(chosen.intern))!;
    expect(mine).toMatchObject({ bedId: Number(chosen.bed), locked: true, status: 'proposed' });
    expect(mine.explanation).toBe(`${chosen.explanation}; locked by staff`);
    expect(live.filter((a) => a.internId !== Number(chosen.intern)).every((a) => !a.locked)).toBe(true);
    expect(live).toHaveLength(2);

    const noBed = preview.body.result.unmatched[0].intern;
    const again = await staff.post('/api/matching/preview', { semester: w.semester });
    const bad = await staff.post('/api/matching/apply', { runId: again.body.runId, locks: [Number(noBed)] });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ field: 'locks.0', details: { internId: Number(noBed), code: 'nothing-to-lock' } });
  });

  it('offers as override candidates only the beds apply accepts, nearest first, and asks to confirm one over the limit', async () => {
    const w = window();
    const s = await scenario(w, 4.8);
    const elsewhere = await buildSite(db.prisma, { name: 'Ailleurs', lng: 6.5, lat: 44.0 });
    await buildRoom(db.prisma, { siteId: elsewhere.id, beds: 1, availability: [w] });
    const preview = await staff.post('/api/matching/preview', { semester: w.semester });
    const [u] = preview.body.result.unmatched;
    const res = await staff.get(`/api/matching/runs/${preview.body.runId}/candidates?internId=${u.intern}`);
    expect(res.status).toBe(200);
    const names = res.body.candidates.map((c: any) => c.siteName);
    expect(names).toEqual(['Proche', 'Proche', 'Loin']);
    expect(res.body.candidates.map((c: any) => c.bedId).slice(0, 2)).toEqual(s.beds);
    expect(res.body.candidates[0]).toMatchObject({ flags: [], takenBy: expect.any(Number), minutes: expect.any(Number) });
    const far = res.body.candidates[2];
    expect(far.flags).toEqual(['over-limit']);
    expect(far.minutes).toBeGreaterThan(30);
    expect(res.body.limitMinutes).toBe(30);
    expect((await staff.get(`/api/matching/runs/${preview.body.runId}/candidates?internId=${u.intern}&q=loin`)).body.candidates.map((c: any) => c.siteName)).toEqual(['Loin']);
    expect((await staff.get(`/api/matching/runs/${preview.body.runId}/candidates?internId=999999`)).status).toBe(404);

    const unconfirmed = await staff.post('/api/matching/apply', { runId: preview.body.runId, overrides: [{ internId: Number(u.intern), bedId: far.bedId }] });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.error).toMatchObject({ field: 'overrides.0.confirm', details: { internId: Number(u.intern), code: 'needs-confirmation', flags: ['over-limit'] } });
    const confirmed = await staff.post('/api/matching/apply', { runId: preview.body.runId, overrides: [{ internId: Number(u.intern), bedId: far.bedId, confirm: true }] });
    expect(confirmed.status).toBe(200);
    const mine = (await liveOf(s.interns)).find((a) => a.internId === Number(u.intern))!;
    expect(mine.explanation).toMatch(/confirmed although over the drive limit/);
  });

  it('validates input and is for staff only', async () => {
    expect((await staff.post('/api/matching/preview', { from: '2050-05-02', to: '2050-05-01' })).body.error.message).toBe('body.to: must not be before from');
    expect((await staff.post('/api/matching/preview', { semester: '2050-05', limitMinutes: 0 })).body.error.field).toBe('body.limitMinutes');
    expect((await staff.post('/api/matching/apply', { runId: 999999999 })).status).toBe(404);
    const manager = await buildUser(db.prisma, { role: 'manager' });
    const m = app.client();
    await signIn(m, manager.email, manager.password);
    expect((await m.post('/api/matching/preview', { semester: '2050-05' })).status).toBe(403);
    expect((await m.get('/api/matching/runs')).status).toBe(403);
  });
});
