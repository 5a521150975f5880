import { describe, expect, it } from 'vitest';
import { buildIntern, buildSite, buildUser, clientAs } from '../../../tests/helpers/factories.ts';
import { signIn, useTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { unique } from '../../../tests/helpers/test-db.ts';
import type { Database } from '../../db/connect.ts';
import { invitationHashOf } from '../../domain/users/invitations.ts';

describe('account invitations, changes and deactivation (staff back office)', () => {
  let db: Database;
  let app: TestApp;
  useTestApp((t) => ({ db, app } = t));

  const tokenOf = (path: string) => path.replace('/invitation/', '');

  it('invites an account with a one-time link stored hashed; the link sets the password once, then the person signs in', async () => {
    const { client: staff, user: actor } = await clientAs(app, db.prisma, 'staff');
    const site = await buildSite(db.prisma);
    const email = `${unique('invited')}@example.org`;
    const res = await staff.post('/api/invitations', { email, name: 'Invitée', role: 'manager', managedSiteIds: [site.id] });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email, role: 'manager', active: true, hasPassword: false, managedSiteIds: [site.id] });
    expect(res.body.invitation.path).toMatch(/^\/invitation\/[A-Za-z0-9_-]{40,}$/);
    const token = tokenOf(res.body.invitation.path);
    const expires = new Date(res.body.invitation.expiresAt).getTime() - Date.now();
    expect(expires).toBeGreaterThan(71 * 3600_000);
    expect(expires).toBeLessThanOrEqual(72 * 3600_000);

    // Stored as a hash only: the token itself is nowhere in the database row.
    const row = await db.prisma.invitation.findFirstOrThrow({ where: { userId: res.body.user.id } });
    expect(row.tokenHash).toBe(invitationHashOf(token));
    expect(row.tokenHash).not.toContain(token);
    expect(row.createdById).toBe(actor.id);

    // The invitation e-mail carrying the link is in the outbox, written with the account.
    const mail = await db.prisma.outboxMessage.findFirstOrThrow({ where: { to: email, kind: 'invitation' } });
    expect(mail.text).toContain(`${app.ctx.config.mail.appUrl}/invitation/${token}`);

    // No password works before the invitation is accepted.
    const early = await app.client().post('/api/session', { email, password: '' });
    expect(early.status).toBe(400);
    expect((await app.client().post('/api/session', { email, password: 'anything-at-all' })).status).toBe(401);

    const anon = app.client();
    const seen = await anon.get(`/api/invitations/${token}`);
    expect(seen.status).toBe(200);
    expect(seen.body.invitation).toMatchObject({ email, name: 'Invitée', role: 'manager' });
    expect((await anon.post(`/api/invitations/${token}`, { password: 'short' })).body.error.field).toBe('body.password');
    expect((await anon.post(`/api/invitations/${token}`, { password: 'my-own-password' })).status).toBe(204);
    const me = await signIn(app.client(), email, 'my-own-password');
    expect(me.managedSiteIds).toEqual([site.id]);

    // One time only.
    expect((await anon.get(`/api/invitations/${token}`)).status).toBe(410);
    const again = await anon.post(`/api/invitations/${token}`, { password: 'another-password' });
    expect(again.status).toBe(410);
    expect(again.body.error.id).toBe('invitation_expired');
    expect((await anon.get(`/api/invitations/${'x'.repeat(43)}`)).status).toBe(404);
    expect((await anon.get('/api/invitations/bad!token')).body.error.field).toBe('params.token');

    const audit = await db.prisma.auditEvent.findMany({ where: { entity: 'User', entityId: String(res.body.user.id) }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['create', 'invite', 'accept-invitation']);
    expect(JSON.stringify(audit)).not.toContain(token);
    expect((await staff.get('/api/users')).body.users.find((u: any) => u.email === email).hasPassword).toBe(true);
  });

  it("an intern's invitation and its acceptance are in the audit trail of the staff who see the intern", async () => {
    const { client: staff } = await clientAs(app, db.prisma, 'staff');
    const { client: colleague } = await clientAs(app, db.prisma, 'staff');
    const intern = await buildIntern(db.prisma);
    const email = `${unique('intern-invited')}@example.org`;
    const res = await staff.post('/api/invitations', { email, name: intern.name, role: 'intern', internId: intern.id });
    expect(res.status).toBe(201);
    expect((await app.client().post(`/api/invitations/${tokenOf(res.body.invitation.path)}`, { password: 'my-own-password' })).status).toBe(204);
    for (const reader of [staff, colleague]) {
      const audit = await reader.get(`/api/audit?entity=User&entityId=${res.body.user.id}`);
      expect(audit.status).toBe(200);
      expect(audit.body.events.map((e: any) => e.action).sort()).toEqual(['accept-invitation', 'create', 'invite']);
    }
  });

  it('refuses an expired link (410), and a new link replaces the previous one', async () => {
    const { client: staff } = await clientAs(app, db.prisma, 'admin');
    const res = await staff.post('/api/invitations', { email: `${unique('late')}@example.org`, name: 'En retard', role: 'staff' });
    const first = tokenOf(res.body.invitation.path);
    await db.prisma.invitation.updateMany({ where: { tokenHash: invitationHashOf(first) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await app.client().post(`/api/invitations/${first}`, { password: 'too-late-password' })).status).toBe(410);

    const second = await staff.post(`/api/users/${res.body.user.id}/invitation`);
    expect(second.status).toBe(201);
    const mails = await db.prisma.outboxMessage.findMany({ where: { to: res.body.user.email, kind: 'invitation' }, orderBy: { id: 'asc' } });
    expect(mails).toHaveLength(2);
    expect(mails[1].text).toContain(second.body.invitation.path);
    const third = await staff.post(`/api/users/${res.body.user.id}/invitation`);
    expect((await app.client().get(`/api/invitations/${tokenOf(second.body.invitation.path)}`)).status).toBe(410);
    expect((await app.client().post(`/api/invitations/${tokenOf(third.body.invitation.path)}`, { password: 'on-time-password' })).status).toBe(204);
    expect((await staff.post('/api/users/99999999/invitation')).status).toBe(404);
  });

  it('changes role and name, deactivates (sessions end, sign-in refused, links dead) and reactivates', async () => {
    const { client: staff, user: me } = await clientAs(app, db.prisma, 'admin');
    const site = await buildSite(db.prisma);
    const { client: victim, user } = await clientAs(app, db.prisma, 'manager', { managedSiteIds: [site.id] });
    expect((await victim.get('/api/session')).status).toBe(200);
    const link = await staff.post(`/api/users/${user.id}/invitation`);

    const off = await staff.patch(`/api/users/${user.id}`, { active: false });
    expect(off.status).toBe(200);
    expect(off.body.user.active).toBe(false);
    expect((await victim.get('/api/session')).status).toBe(401);
    expect((await app.client().post('/api/session', { email: user.email, password: 'test-password-123' })).status).toBe(401);
    expect((await app.client().get(`/api/invitations/${tokenOf(link.body.invitation.path)}`)).status).toBe(410);
    expect((await staff.post(`/api/users/${user.id}/invitation`)).status).toBe(409);

    const on = await staff.patch(`/api/users/${user.id}`, { active: true, name: 'Renommée', role: 'staff' });
    expect(on.body.user).toMatchObject({ active: true, name: 'Renommée', role: 'staff', managedSiteIds: [] });
    await signIn(app.client(), user.email, 'test-password-123');

    const actions = (await db.prisma.auditEvent.findMany({ where: { entity: 'User', entityId: String(user.id) }, orderBy: { id: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(['invite', 'deactivate', 'reactivate']);
    const last = await db.prisma.auditEvent.findFirstOrThrow({ where: { entity: 'User', entityId: String(user.id), action: 'reactivate' } });
    expect(last.before).toEqual({ name: user.name, role: 'manager', active: false, managedSiteIds: [site.id] });
    expect(last.after).toEqual({ name: 'Renommée', role: 'staff', active: true, managedSiteIds: [] });

    expect((await staff.patch(`/api/users/${me.id}`, { active: false })).body.error.field).toBe('body.active');
    expect((await staff.patch(`/api/users/${me.id}`, { role: 'manager' })).body.error.field).toBe('body.role');
    expect((await staff.patch(`/api/users/${user.id}`, { role: 'wizard' })).body.error.field).toBe('body.role');
    expect((await staff.patch('/api/users/99999999', { name: 'x' })).status).toBe(404);
  });
});

describe('PUT /api/sites/:id/managers', () => {
  let db: Database;
  let app: TestApp;
  useTestApp((t) => ({ db, app } = t));

  it('names the managers of a site, who then manage it; refuses non-managers naming the field', async () => {
    const { client: staff } = await clientAs(app, db.prisma, 'staff');
    const site = await buildSite(db.prisma);
    const a = await buildUser(db.prisma, { role: 'manager' });
    const b = await buildUser(db.prisma, { role: 'manager' });
    const res = await staff.put(`/api/sites/${site.id}/managers`, { userIds: [b.id, a.id] });
    expect(res.status).toBe(200);
    expect(res.body.managers.map((m: any) => m.id).sort()).toEqual([a.id, b.id].sort());
    const c = app.client();
    await signIn(c, a.email, 'test-password-123');
    expect((await c.patch(`/api/sites/${site.id}`, { description: 'Géré' })).status).toBe(200);

    expect((await staff.put(`/api/sites/${site.id}/managers`, { userIds: [b.id] })).status).toBe(200);
    expect((await c.patch(`/api/sites/${site.id}`, { description: 'Plus géré' })).status).toBe(403);

    const intern = await buildUser(db.prisma, { role: 'intern' });
    const bad = await staff.put(`/api/sites/${site.id}/managers`, { userIds: [b.id, intern.id] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('body.userIds.1');
    expect((await staff.put('/api/sites/99999999/managers', { userIds: [] })).status).toBe(404);
    const ev = await db.prisma.auditEvent.findFirstOrThrow({ where: { entity: 'Site', siteId: site.id, action: 'set-managers' }, orderBy: { id: 'desc' } });
    expect(ev.before).toEqual({ managerIds: [a.id, b.id].sort((x, y) => x - y) });
    expect(ev.after).toEqual({ managerIds: [b.id] });
  });
});
