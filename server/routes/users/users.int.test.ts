import { describe, expect, it } from 'vitest';
import { buildIntern, buildSite, clientAs } from '../../../tests/helpers/factories.ts';
import { signIn, useTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { unique } from '../../../tests/helpers/test-db.ts';
import type { Database } from '../../db/connect.ts';

describe('/api/users (staff manage accounts)', () => {
  let db: Database;
  let app: TestApp;
  useTestApp((t) => ({ db, app } = t));

  it('creates a manager account that can sign in and manage its sites; the hash never leaves', async () => {
    const { client: staff, user: actor } = await clientAs(app, db.prisma, 'staff');
    const site = await buildSite(db.prisma);
    const email = `${unique('new-manager')}@example.org`;
    const res = await staff.post('/api/users', { email, name: 'Nouvelle Gestionnaire', role: 'manager', password: 'a-good-password', managedSiteIds: [site.id] });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email, role: 'manager', managedSiteIds: [site.id] });
    const list = await staff.get('/api/users');
    expect(list.body.users.some((u: any) => u.email === email)).toBe(true);
    expect(JSON.stringify(list.body)).not.toMatch(/passwordHash|\$argon2/);
    const c = app.client();
    const me = await signIn(c, email, 'a-good-password');
    expect(me.managedSiteIds).toEqual([site.id]);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entity: 'User', entityId: String(res.body.user.id) } });
    expect(audit.actorId).toBe(actor.id);
    expect(JSON.stringify(audit.after)).not.toMatch(/password/i);
  });

  it('links an intern account to its intern profile', async () => {
    const { client: staff } = await clientAs(app, db.prisma, 'staff');
    const intern = await buildIntern(db.prisma);
    const email = `${unique('new-intern')}@example.org`;
    const res = await staff.post('/api/users', { email, name: intern.name, role: 'intern', password: 'a-good-password', internId: intern.id });
    expect(res.body.user.internId).toBe(intern.id);
    const c = app.client();
    expect((await signIn(c, email, 'a-good-password')).internId).toBe(intern.id);
    expect((await c.get('/api/me/intern')).body.intern.id).toBe(intern.id);
    const again = await staff.post('/api/users', { email: `${unique('x')}@example.org`, name: 'x', role: 'intern', password: 'a-good-password', internId: intern.id });
    expect(again.status).toBe(409);
  });

  it('resets a password and ends the sessions of that account', async () => {
    const { client: staff } = await clientAs(app, db.prisma, 'staff');
    const { client: victim, user } = await clientAs(app, db.prisma, 'manager');
    expect((await victim.get('/api/session')).status).toBe(200);
    expect((await staff.post(`/api/users/${user.id}/password`, { password: 'brand-new-pass' })).status).toBe(204);
    expect((await victim.get('/api/session')).status).toBe(401);
    const c = app.client();
    await signIn(c, user.email, 'brand-new-pass');
    expect((await staff.post('/api/users/99999999/password', { password: 'brand-new-pass' })).status).toBe(404);
    expect((await staff.post(`/api/users/${user.id}/password`, { password: 'short' })).body.error.field).toBe('body.password');
    expect(await db.prisma.auditEvent.count({ where: { entity: 'User', entityId: String(user.id), action: 'reset-password' } })).toBe(1);
  });

  it('refuses duplicates (409) and bad input (400 naming the field)', async () => {
    // The national admin: only they create staff accounts.
    const { client: staff, user } = await clientAs(app, db.prisma, 'admin');
    const dup = await staff.post('/api/users', { email: user.email.toUpperCase(), name: 'x', role: 'staff', password: 'a-good-password' });
    expect(dup.status).toBe(409);
    const cases: [unknown, string][] = [
      [{ email: 'nope', name: 'x', role: 'staff', password: 'a-good-password' }, 'body.email'],
      [{ email: 'a@b.example', name: 'x', role: 'root', password: 'a-good-password' }, 'body.role'],
      [{ email: 'a@b.example', name: 'x', role: 'staff' }, 'body.password'],
      [{ email: 'a@b.example', name: 'x', role: 'staff', password: 'a-good-password', managedSiteIds: [1] }, 'body.managedSiteIds'],
      [{ email: 'a@b.example', name: 'x', role: 'manager', password: 'a-good-password', managedSiteIds: [99999999] }, 'body.managedSiteIds.0'],
    ];
    for (const [body, field] of cases) expect((await staff.post('/api/users', body)).body.error.field, field).toBe(field);
  });

  it('is for staff only', async () => {
    const { client: manager, user } = await clientAs(app, db.prisma, 'manager');
    expect((await manager.get('/api/users')).status).toBe(403);
    expect((await manager.post(`/api/users/${user.id}/password`, { password: 'brand-new-pass' })).status).toBe(403);
    expect((await app.client().get('/api/users')).status).toBe(401);
  });
});
