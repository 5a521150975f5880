import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentSemester, nextSemester } from '../../client/src/lib/semesters.ts';
import { HAS_CHROMIUM, screenshot, signIn, startJourney, type Journey } from './support/app.ts';

async function signOut(j: Journey) {
  await j.page.getByRole('button', { name: 'Se déconnecter' }).click();
  await j.page.getByRole('heading', { level: 1, name: 'Logements pour internes' }).waitFor();
}

// A semester's campaign from the screens, with no API call made by hand: staff create an intern and their
// placement, run the matching and apply; the interns are told by e-mail (the outbox, as no SMTP_URL is set);
// staff invite the new intern, who follows the one-time link (shown once to staff; hidden in the outbox);
// Léa accepts, the new intern declines and the bed comes back; staff confirm and name the site's manager,
// who sees the occupants; the audit trail tells all of it.
describe.skipIf(!HAS_CHROMIUM)('a whole campaign', () => {
  let j: Journey;
  const stamp = Date.now().toString(36);
  // The intern staff create in the journey: proposed a bed by the matching, invited, then declines.
  const second = `Camille Rousseau ${stamp}`;
  const secondEmail = `camille.${stamp}@example.org`;
  const semester = nextSemester(currentSemester());
  let inviteUrl = '';
  let leaSite = '';
  beforeAll(async () => {
    j = await startJourney();
  }, 600_000); // may build the client and the road graph first
  afterAll(async () => {
    await j?.close();
  });

  it('staff create an intern and their placement at a Vendôme practice for the semester', async () => {
    const { page, baseUrl } = j;
    await signIn(page, baseUrl, 'staff@demo.test');
    await page.waitForURL(`${baseUrl}/equipe/appariement`);
    await page.goto(`${baseUrl}/equipe/internes`);
    await page.getByRole('button', { name: 'Nouvel interne' }).click();
    const form = page.getByRole('form', { name: 'Fiche de l’interne' });
    await form.getByLabel('Nom').fill(second);
    await form.getByLabel('Adresse e-mail').fill(secondEmail);
    await form.getByLabel('Voiture').selectOption({ label: 'oui' });
    await form.getByRole('button', { name: 'Créer' }).click();
    await page.getByRole('status').filter({ hasText: 'Enregistré.' }).first().waitFor();
    const panel = page.locator('section.panel');
    await panel.getByRole('heading', { level: 2, name: second }).waitFor();
    await panel.getByText('Nouveau stage').click();
    const placement = panel.getByRole('form', { name: 'Nouveau stage' });
    const practices = await placement.getByLabel(/^Cabinet/).locator('option').allTextContents();
    await placement.getByLabel(/^Cabinet/).selectOption({ label: practices.find((o) => o.endsWith('— Vendôme'))! });
    await placement.getByLabel('Début').fill(semester.start);
    await placement.getByLabel('Fin').fill(semester.end);
    await placement.getByRole('button', { name: 'Ajouter le stage' }).click();
    await page.locator('table.board tbody tr').filter({ hasText: second }).filter({ hasText: 'Vendôme' }).waitFor();
    expect(j.errors).toEqual([]);
  });

  it('staff run the matching and apply; the proposals are written as e-mails staff can read', async () => {
    const { page, baseUrl } = j;
    await page.goto(`${baseUrl}/equipe/appariement`);
    await page.getByRole('button', { name: 'Lancer la simulation' }).click();
    await page.getByRole('heading', { level: 2, name: /affectations? proposées?/ }).waitFor({ timeout: 60_000 });
    const proposed = (await page.locator('section[aria-labelledby="proposals-title"] tbody tr th').allTextContents()).map((n) => n.trim());
    expect(proposed).toContain('Léa Bernard');
    expect(proposed).toContain(second);
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

  it('staff invite the new intern from the accounts page: the one-time link is shown once; the e-mail is written, its link hidden from staff', async () => {
    const { page, baseUrl } = j;
    await page.goto(`${baseUrl}/equipe/comptes`);
    await page.getByRole('button', { name: 'Inviter un compte' }).click();
    const form = page.getByRole('form', { name: 'Inviter un compte' });
    await form.getByLabel('Adresse e-mail').fill(secondEmail);
    await form.getByLabel('Nom').fill(second);
    await form.getByLabel('Rôle').selectOption({ label: 'Interne' });
    await form.getByLabel('Fiche d’interne liée').selectOption({ label: second });
    await form.getByRole('button', { name: 'Créer le compte et le lien d’invitation' }).click();
    const link = page.locator('section.panel .invitation a');
    await link.waitFor();
    inviteUrl = (await link.textContent())!;
    expect(inviteUrl).toMatch(new RegExp(`^${baseUrl}/invitation/[A-Za-z0-9_-]{40,}$`));

    // What the intern receives is in the outbox (no SMTP_URL here); staff read it with the link hidden.
    await page.goto(`${baseUrl}/equipe/courriels?type=invitation`);
    const mail = page.locator('.outbox li').filter({ hasText: secondEmail }).first();
    await mail.locator('summary').click();
    const text = (await mail.locator('pre.mail-text').textContent())!;
    expect(text).toContain(`Bonjour ${second}`);
    expect(text).toContain('rôle : interne');
    expect(text).toContain('one-time link hidden');
    expect(text).not.toContain(inviteUrl.split('/invitation/')[1]);
    await signOut(j);
    expect(j.errors).toEqual([]);
  });

  it('Léa signs in and accepts; the second intern follows the link, sets a password and declines', async () => {
    const { page, baseUrl } = j;
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

    await page.goto(inviteUrl);
    await page.getByRole('heading', { level: 1, name: 'Choisir mon mot de passe' }).waitFor();
    await page.getByText(secondEmail).waitFor();
    await page.getByLabel('Nouveau mot de passe').fill('un-mot-de-passe-sur');
    await page.getByLabel('Confirmez le mot de passe').fill('un-mot-de-passe-sur');
    await page.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
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

  it('staff see the answers, confirm Léa and name the manager of her site', async () => {
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
    const housing = lea.locator('td[data-label="Logement"]');
    const room = (await housing.locator('span').textContent())!.trim();
    leaSite = (await housing.textContent())!.replace(room, '').trim();
    await screenshot(page, 'staff-lifecycle');

    // The bed the second intern declined is free again: no live booking holds it for those dates (read with the staff's own session).
    const all = (await (await page.request.get(`${baseUrl}/api/assignments?status=cancelled`)).json()) as { assignments: { bedId: number; startDate: string; endDate: string; cancelReason: string; intern: { name: string } }[] };
    const declined = all.assignments.find((a) => a.intern.name === second && a.cancelReason === 'declined')!;
    expect(declined).toBeTruthy();
    const live = (await (await page.request.get(`${baseUrl}/api/assignments`)).json()) as { assignments: { bedId: number; startDate: string; endDate: string }[] };
    expect(live.assignments.filter((a) => a.bedId === declined.bedId && a.startDate <= declined.endDate && a.endDate >= declined.startDate)).toEqual([]);

    // The demo manager looks after Léa's site (named again if already: saving the same list changes nothing).
    await page.goto(`${baseUrl}/equipe/sites`);
    await page.getByRole('button', { name: leaSite, exact: true }).click();
    const managers = page.locator('section.panel').getByRole('form', { name: 'Gestionnaires' });
    await managers.getByLabel('Gestionnaire de logements (démo)').check();
    await managers.getByRole('button', { name: 'Enregistrer les gestionnaires' }).click();
    await page.getByRole('status').filter({ hasText: 'Gestionnaires enregistrés.' }).first().waitFor();
    await signOut(j);
    expect(j.errors).toEqual([]);
  });

  it('the manager sees who occupies which room and bed of their site, and when; the declined booking is not there', async () => {
    const { page, baseUrl } = j;
    await signIn(page, baseUrl, 'manager@demo.test');
    await page.waitForURL(`${baseUrl}/gestion`);
    await page.getByRole('navigation', { name: 'Mes logements' }).getByRole('button').filter({ hasText: leaSite }).click();
    await page.getByRole('heading', { level: 2, name: leaSite }).waitFor();
    const table = page.locator('section[aria-labelledby="occupants-title"] table');
    const row = table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: 'Léa Bernard', exact: true }) });
    await row.waitFor();
    const cells = (await row.locator('td').allTextContents()).map((c) => c.trim());
    expect(cells[0]).toMatch(/\S/); // room
    expect(cells[1]).toMatch(/^Lit( \d+)?$/); // bed (a one-bed room's is « Lit »)
    expect(cells[2]).toMatch(/\d{4} → .*\d{4}/); // dates
    expect(cells[3]).toBe('confirmée');
    expect(await table.textContent()).not.toContain(second);
    expect(await table.textContent()).not.toContain('@'); // names and dates only: no e-mail reaches the manager
    await screenshot(page, 'manager-occupants');
    await signOut(j);
    expect(j.errors).toEqual([]);
  });

  it('staff read all of it in the audit trail: apply, invitation, answers, confirmation, managers', async () => {
    const { page, baseUrl } = j;
    await signIn(page, baseUrl, 'staff@demo.test');
    await page.waitForURL(`${baseUrl}/equipe/appariement`);
    await page.goto(`${baseUrl}/equipe/journal`);
    await page.getByRole('heading', { level: 1, name: 'Journal des modifications' }).waitFor();
    for (const what of ['Acceptation', 'Refus', 'Confirmation', 'Application', 'Invitation', 'Invitation acceptée', 'Gestionnaires nommés']) await page.getByText(new RegExp(`^${what} · `)).first().waitFor();
    await screenshot(page, 'audit-lifecycle');

    await page.goto(`${baseUrl}/equipe/courriels?type=answer`);
    await page.locator('.outbox li').filter({ hasText: 'Réponse reçue : Léa Bernard a accepté' }).first().waitFor();
    await page.goto(`${baseUrl}/equipe/courriels?type=confirmation`);
    await page.locator('.outbox li').filter({ hasText: 'intern@demo.test' }).filter({ hasText: 'Logement confirmé' }).first().waitFor();
    expect(j.errors).toEqual([]);
  });

  it('with the screens in English, the CSV export is the English one (column names, `,`)', async () => {
    const { page, baseUrl } = j;
    await page.goto(`${baseUrl}/equipe/indicateurs`);
    await page.getByRole('group', { name: 'Langue' }).getByRole('button', { name: 'EN' }).click();
    const link = page.getByRole('link', { name: 'Export housing (CSV)' });
    expect(await link.getAttribute('href')).toBe('/api/export/sites.csv?format=en');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toMatch(/^\ufeff?slug,name,address,/);
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'FR' }).click();
    expect(j.errors).toEqual([]);
  });
});
