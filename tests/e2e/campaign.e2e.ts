import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, HAS_CHROMIUM, screenshot, signIn, startJourney, type Journey } from './support/app.ts';

/** Signs in through the API (for the one setup step the screens do not cover here) and returns cookie + CSRF token. */
async function apiSession(baseUrl: string, email: string) {
  const res = await fetch(`${baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.getSetCookie()[0].split(';')[0], csrfToken };
}

async function signOut(j: Journey) {
  await j.page.getByRole('button', { name: 'Se déconnecter' }).click();
  await j.page.getByRole('heading', { level: 1, name: 'Logements pour internes' }).waitFor();
}

// A semester's campaign from the screens: staff run the matching and apply; the interns are told by
// e-mail (the outbox, as no SMTP_URL is set); one accepts, another declines and the bed comes back;
// staff confirm; the audit trail tells all of it.
describe.skipIf(!HAS_CHROMIUM)('a whole campaign', () => {
  let j: Journey;
  let second = '';
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });

  it('staff run the matching and apply; the proposals are written as e-mails staff can read', async () => {
    const { page, baseUrl } = j;
    await signIn(page, baseUrl, 'staff@demo.test');
    await page.waitForURL(`${baseUrl}/equipe/appariement`);
    await page.getByRole('button', { name: 'Lancer la simulation' }).click();
    await page.getByRole('heading', { level: 2, name: /affectations? proposées?/ }).waitFor({ timeout: 60_000 });
    const proposed = (await page.locator('section[aria-labelledby="proposals-title"] tbody tr th').allTextContents()).map((n) => n.trim());
    expect(proposed).toContain('Léa Bernard');
    second = proposed.find((n) => n !== 'Léa Bernard')!;
    await page.getByRole('button', { name: 'Appliquer les affectations' }).click();
    await page.getByRole('status').filter({ hasText: 'Affectations enregistrées.' }).waitFor({ timeout: 60_000 });
    const board = page.getByRole('region', { name: 'Affectations enregistrées' }).or(page.locator('section[aria-labelledby="current-title"]'));
    await board.getByText(/internes? n’ont? pas encore répondu/).first().waitFor();

    await page.goto(`${baseUrl}/equipe/courriels`);
    await page.getByRole('heading', { level: 1, name: 'Courriels' }).waitFor();
    await page.getByText('Aucun serveur d’envoi (SMTP_URL)').waitFor();
    const toLea = page.locator('.outbox li').filter({ hasText: 'intern@demo.test' }).filter({ hasText: 'Proposition de logement' });
    await toLea.first().waitFor();
    await toLea.first().locator('summary').click();
    const text = (await toLea.first().locator('pre.mail-text').textContent())!;
    expect(text).toContain('Bonjour Léa Bernard');
    expect(text).toMatch(/Trajet : \d+ min/);
    expect(text).toMatch(/Loyer : /);
    expect(text).toMatch(/avant le \d+(er)? \S+ \d{4} inclus/);
    expect(text).toContain('/interne');
    await screenshot(page, 'outbox');
    expect(j.errors).toEqual([]);
  });

  it('Léa signs in and accepts; another intern declines and the bed comes back', async () => {
    const { page, baseUrl } = j;
    // The demo has one intern account: staff give the second proposed intern theirs (the only step done through the API).
    const staff = await apiSession(baseUrl, 'staff@demo.test');
    const list = (await (await fetch(`${baseUrl}/api/assignments?status=proposed`, { headers: { cookie: staff.cookie } })).json()) as { assignments: { internId: number; intern: { name: string } }[] };
    const target = list.assignments.find((a) => a.intern.name === second)!;
    const made = await fetch(`${baseUrl}/api/users`, {
      method: 'POST',
      headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'second@demo.test', name: second, role: 'intern', password: DEMO_PASSWORD, internId: target.internId }),
    });
    expect(made.status).toBe(201);
    await signOut(j);

    await signIn(page, baseUrl, 'intern@demo.test');
    await page.waitForURL(`${baseUrl}/interne`);
    const mine = page.locator('.assignment[data-status="proposed"]');
    await mine.waitFor();
    expect(await mine.textContent()).toMatch(/réponse avant le/);
    await screenshot(page, 'intern-proposal');
    await mine.getByRole('button', { name: /^Accepter le logement/ }).click();
    await page.getByRole('status').filter({ hasText: 'Vous avez accepté' }).waitFor();
    await page.locator('.assignment[data-status="accepted"]').waitFor();
    await signOut(j);

    await signIn(page, baseUrl, 'second@demo.test');
    await page.waitForURL(`${baseUrl}/interne`);
    const theirs = page.locator('.assignment[data-status="proposed"]');
    await theirs.waitFor();
    page.once('dialog', (d) => void d.accept());
    await theirs.getByRole('button', { name: /^Refuser le logement/ }).click();
    await page.getByRole('status').filter({ hasText: 'Vous avez refusé' }).waitFor();
    await page.locator('.assignment[data-status="cancelled"]').filter({ hasText: 'refusée par l’interne' }).waitFor();
    await signOut(j);
    expect(j.errors).toEqual([]);
  });

  it('staff see the answers, confirm Léa, and read it all in the audit trail', async () => {
    const { page, baseUrl } = j;
    await signIn(page, baseUrl, 'staff@demo.test');
    await page.waitForURL(`${baseUrl}/equipe/appariement`);
    const current = page.locator('section[aria-labelledby="current-title"]');
    const lea = current.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: 'Léa Bernard', exact: true }) });
    await lea.filter({ hasText: 'acceptée' }).waitFor();
    await current.getByLabel('Montrer les attributions annulées, refusées ou expirées').check();
    await current.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: second, exact: true }) }).filter({ hasText: 'refusée par l’interne' }).waitFor();
    await lea.getByRole('button', { name: 'Confirmer l’attribution de Léa Bernard' }).click();
    await page.getByRole('status').filter({ hasText: 'Attribution de Léa Bernard confirmée' }).waitFor();
    await lea.filter({ hasText: 'confirmée' }).waitFor();
    await screenshot(page, 'staff-lifecycle');

    // The bed the second intern declined is free again: no live booking holds it for those dates.
    const staff = await apiSession(baseUrl, 'staff@demo.test');
    const all = (await (await fetch(`${baseUrl}/api/assignments?status=cancelled`, { headers: { cookie: staff.cookie } })).json()) as { assignments: { id: number; bedId: number; startDate: string; endDate: string; cancelReason: string; intern: { name: string } }[] };
    const declined = all.assignments.find((a) => a.intern.name === second && a.cancelReason === 'declined')!;
    expect(declined).toBeTruthy();
    const live = (await (await fetch(`${baseUrl}/api/assignments`, { headers: { cookie: staff.cookie } })).json()) as { assignments: { bedId: number; startDate: string; endDate: string }[] };
    expect(live.assignments.filter((a) => a.bedId === declined.bedId && a.startDate <= declined.endDate && a.endDate >= declined.startDate)).toEqual([]);

    await page.goto(`${baseUrl}/equipe/journal`);
    await page.getByRole('heading', { level: 1, name: 'Journal des modifications' }).waitFor();
    for (const what of ['Acceptation', 'Refus', 'Confirmation', 'Application']) await page.getByText(new RegExp(`^${what} · `)).first().waitFor();
    await screenshot(page, 'audit-lifecycle');

    await page.goto(`${baseUrl}/equipe/courriels?type=answer`);
    await page.locator('.outbox li').filter({ hasText: 'Réponse reçue : Léa Bernard a accepté' }).first().waitFor();
    await page.goto(`${baseUrl}/equipe/courriels?type=confirmation`);
    await page.locator('.outbox li').filter({ hasText: 'intern@demo.test' }).filter({ hasText: 'Logement confirmé' }).first().waitFor();
    expect(j.errors).toEqual([]);
  });
});
