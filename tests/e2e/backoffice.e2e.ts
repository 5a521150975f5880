import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, screenshot, signIn, startJourney, type Journey } from './support/app.ts';

// Department staff run the back office from the screens only: practices, an intern and their placement,
// an invited account (one-time link → password → signed in), a site (create, managers, rename, withdraw),
// an import dry run that names every error's line and field, and the audit trail filtered; then phones.
describe.skipIf(!HAS_CHROMIUM)('staff back office journey', () => {
  let j: Journey;
  let files: string;
  let inviteUrl = '';
  const stamp = Date.now().toString(36);
  const practiceName = `Cabinet du Parc ${stamp}`;
  const internName = `Camille Rousseau ${stamp}`;
  const managerName = `Hélène Garnier ${stamp}`;
  const managerEmail = `helene.${stamp}@example.org`;
  const siteName = `Gîte des Tilleuls ${stamp}`;

  beforeAll(async () => {
    j = await startJourney();
    files = mkdtempSync(path.join(tmpdir(), 'im-e2e-import-'));
    j.page.on('dialog', (d) => void d.accept());
  }, 600_000); // may build the client and the road graph first
  afterAll(async () => {
    await j?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  const nav = () => j.page.getByRole('navigation', { name: 'Navigation du back-office' });
  const panel = () => j.page.locator('section.panel');
  const toast = (text: string | RegExp) => j.page.getByRole('status').filter({ hasText: text }).first().waitFor();

  it('reaches the back office from the header; every page has its own address and Back works', async () => {
    const { page, baseUrl } = j;
    await signIn(page, baseUrl, 'staff@demo.test');
    await page.waitForURL(`${baseUrl}/equipe/appariement`);
    await page.getByRole('link', { name: 'Gestion' }).click();
    await page.waitForURL(`${baseUrl}/equipe/internes`);
    await page.getByRole('heading', { level: 1, name: 'Internes' }).waitFor();
    for (const [link, url, title] of [
      ['Stages', '/equipe/stages', 'Stages'],
      ['Cabinets', '/equipe/cabinets', 'Cabinets et maisons de santé'],
      ['Comptes', '/equipe/comptes', 'Comptes'],
      ['Sites', '/equipe/sites', 'Sites d’hébergement'],
      ['Import', '/equipe/import', 'Importer des sites'],
      ['Journal', '/equipe/journal', 'Journal des modifications'],
    ] as const) {
      await nav().getByRole('link', { name: link, exact: true }).click();
      await page.waitForURL(`${baseUrl}${url}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
    }
    await page.goBack();
    await page.waitForURL(`${baseUrl}/equipe/import`);
    await page.getByRole('heading', { level: 1, name: 'Importer des sites' }).waitFor();
    // A shared link opens the same view.
    await page.goto(`${baseUrl}/equipe/internes?q=bernard`);
    await page.getByRole('button', { name: 'Léa Bernard' }).first().waitFor();
    expect(await page.getByLabel('Rechercher').inputValue()).toBe('bernard');
    const found = await page.locator('table.board tbody tr th').allTextContents();
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((n) => n.includes('Bernard'))).toBe(true);
  });

  it('creates a practice, then an intern with car, peer and a two-practice placement', async () => {
    const { page, baseUrl } = j;
    await page.goto(`${baseUrl}/equipe/cabinets`);
    await page.getByRole('button', { name: 'Nouveau cabinet' }).click();
    await page.waitForURL(/\?id=nouveau$/);
    const form = page.getByRole('form', { name: 'Fiche du cabinet' });
    await form.getByLabel('Nom').fill(practiceName);
    await form.getByLabel('Maîtres de stage').fill('Dr Morel, Dr Petit');
    await form.getByLabel('Commune').fill('Montoire-sur-le-Loir');
    await form.getByLabel('Département').fill('Loir-et-Cher');
    await form.getByLabel('Longitude').fill('0,8653');
    await form.getByLabel('Latitude').fill('47.7526');
    await form.getByRole('button', { name: 'Créer' }).click();
    await toast('Enregistré.');
    await page.waitForURL(/\/equipe\/cabinets\?id=\d+$/);
    await page.getByLabel('Rechercher').fill(stamp);
    await page.locator('table.board tbody tr').filter({ hasText: 'Dr Morel, Dr Petit' }).waitFor();
    expect(page.url()).toContain(`q=${stamp}`);
    await screenshot(page, 'backoffice-practices');

    await nav().getByRole('link', { name: 'Internes' }).click();
    await page.getByRole('button', { name: 'Nouvel interne' }).click();
    const intern = page.getByRole('form', { name: 'Fiche de l’interne' });
    await intern.getByLabel('Nom').fill(internName);
    await intern.getByLabel('Adresse e-mail').fill(`camille.${stamp}@example.org`);
    await intern.getByLabel('Voiture').selectOption({ label: 'oui' });
    await intern.getByRole('group', { name: 'Souhaite partager avec' }).getByLabel('Léa Bernard').first().check();
    await intern.getByLabel('Loyer maximum (€)').fill('180');
    await intern.getByRole('button', { name: 'Créer' }).click();
    await toast('Enregistré.');
    await page.waitForURL(/\/equipe\/internes\?id=\d+$/);
    await panel().getByRole('heading', { level: 2, name: internName }).waitFor();

    await panel().getByText('Nouveau stage').click();
    const placement = panel().getByRole('form', { name: 'Nouveau stage' });
    await placement.getByLabel(/^Cabinet/).selectOption({ label: `${practiceName} — Montoire-sur-le-Loir` });
    // A second practice of the same département (Loir-et-Cher's staff cannot place an intern at Indre's).
    const seconds = await placement.getByLabel('Second cabinet (semaine partagée)').locator('option').allTextContents();
    const second = seconds.find((o) => o.includes('Vendôme'));
    await placement.getByLabel('Second cabinet (semaine partagée)').selectOption({ label: second! });
    await placement.getByLabel('Début').fill('2027-05-03');
    await placement.getByLabel('Fin').fill('2027-10-29');
    await placement.getByRole('button', { name: 'Ajouter le stage' }).click();
    await toast('Enregistré.');
    const link = panel().getByRole('link', { name: new RegExp(`${practiceName} \\+ .*3 mai 2027 → 29 oct\\. 2027`) });
    await link.waitFor();
    const row = page.locator('table.board tbody tr').filter({ hasText: internName });
    expect(await row.textContent()).toMatch(new RegExp(`${practiceName} \\+ .*oui.*Léa Bernard.*180`));
    await screenshot(page, 'backoffice-interns');

    // The placement has its own page, reached from the intern; Back returns to the intern.
    await link.click();
    await page.waitForURL(/\/equipe\/stages\?id=\d+$/);
    await page.getByRole('form', { name: 'Modifier le stage' }).waitFor();
    await screenshot(page, 'backoffice-placements');
    await page.goBack();
    await page.waitForURL(/\/equipe\/internes\?id=\d+$/);
    await panel().getByRole('heading', { level: 2, name: internName }).waitFor();
  });

  it('invites a manager account and shows the one-time link once', async () => {
    const { page, baseUrl } = j;
    await page.goto(`${baseUrl}/equipe/comptes`);
    await page.getByRole('button', { name: 'Inviter un compte' }).click();
    const form = page.getByRole('form', { name: 'Inviter un compte' });
    await form.getByLabel('Adresse e-mail').fill(managerEmail);
    await form.getByLabel('Nom').fill(managerName);
    await form.getByLabel('Rôle').selectOption({ label: 'Gestionnaire de logement' });
    await form.getByRole('button', { name: 'Créer le compte et le lien d’invitation' }).click();
    const link = panel().locator('.invitation a');
    await link.waitFor();
    inviteUrl = (await link.textContent())!;
    expect(inviteUrl).toMatch(new RegExp(`^${baseUrl}/invitation/[A-Za-z0-9_-]{40,}$`));
    await page.waitForURL(/\/equipe\/comptes\?id=\d+$/);
    expect(await page.locator('table.board tbody tr').filter({ hasText: managerEmail }).textContent()).toContain('invitation en attente');
    await screenshot(page, 'backoffice-accounts');
  });

  it('creates a site, names its manager, renames it and withdraws it', async () => {
    const { page, baseUrl } = j;
    await page.goto(`${baseUrl}/equipe/sites`);
    await page.getByRole('button', { name: 'Nouveau site' }).click();
    const form = page.getByRole('form', { name: 'Nouveau site' });
    await form.getByLabel('Nom du site').fill(siteName);
    await form.getByLabel('Commune', { exact: true }).fill('Montoire-sur-le-Loir');
    await form.getByLabel('Département', { exact: true }).fill('Loir-et-Cher');
    await form.getByLabel('Longitude').fill('0.86');
    await form.getByLabel('Latitude').fill('47.75');
    await form.getByLabel('Loyer (€ / mois)').fill('150');
    await form.getByRole('button', { name: 'Créer' }).click();
    await toast('Enregistré.');
    await page.waitForURL(/\/equipe\/sites\?id=\d+$/);
    const managers = panel().getByRole('form', { name: 'Gestionnaires' });
    await managers.getByLabel(managerName).check();
    await managers.getByRole('button', { name: 'Enregistrer les gestionnaires' }).click();
    await toast('Gestionnaires enregistrés.');
    const row = () => page.locator('table.board tbody tr').filter({ hasText: 'Montoire-sur-le-Loir' });
    await row().filter({ hasText: managerName }).waitFor();

    const rename = panel().getByRole('form', { name: 'Renommer' });
    await rename.getByLabel('Nom du site').fill(`${siteName} (rénové)`);
    await rename.getByRole('button', { name: 'Renommer' }).click();
    await toast('Site renommé.');
    await page.getByRole('button', { name: `${siteName} (rénové)` }).waitFor();
    await screenshot(page, 'backoffice-sites');
    await panel().getByRole('button', { name: 'Retirer le site' }).click();
    await toast(/retiré du catalogue/);
    await row().filter({ hasText: 'retiré' }).waitFor();
    // Withdrawn: no longer in the public catalogue.
    const catalogue = (await (await page.request.get(`${baseUrl}/api/sites`)).json()) as { sites: { name: string }[] };
    expect(catalogue.sites.map((s) => s.name)).not.toContain(`${siteName} (rénové)`);
  });

  it('checks an import without writing it: every error with its line and field, then a clean file is previewed and confirmed', async () => {
    const { page, baseUrl } = j;
    await page.goto(`${baseUrl}/equipe/import`);
    const header = 'slug,name,commune,departement,subdivision,lng,lat,funderKind,rentCents';
    const bad = path.join(files, 'sites-bad.csv');
    writeFileSync(bad, [header, `gite-a-${stamp},Gîte A,Mer,Loir-et-Cher,Tours,1.5,47.7,departement,-5`, `gite-b-${stamp},Gîte B,Mer,Loir-et-Cher,Tours,1.5,north,departement,12000`, ''].join('\n'));
    await page.getByLabel('Fichier').setInputFiles(bad);
    await page.getByRole('button', { name: 'Vérifier (sans rien écrire)' }).click();
    const errors = page.getByRole('region', { name: /erreurs? : rien n’a été importé/ });
    await errors.waitFor();
    const rows = (await errors.locator('tbody tr').allTextContents()).map((r) => r.replace(/\s+/g, ' '));
    expect(rows.some((r) => r.startsWith('2') && r.includes('rentCents'))).toBe(true);
    expect(rows.some((r) => r.startsWith('3') && r.includes('lat'))).toBe(true);
    await screenshot(page, 'backoffice-import');
    const before = (await (await page.request.get(`${baseUrl}/api/sites`)).json()) as { sites: { name: string }[] };
    expect(before.sites.map((s) => s.name)).not.toContain('Gîte A');

    const good = path.join(files, 'sites-good.csv');
    writeFileSync(good, [header, `gite-a-${stamp},Gîte A ${stamp},Mer,Loir-et-Cher,Tours,1.5,47.7,departement,9000`, ''].join('\n'));
    await page.getByLabel('Fichier').setInputFiles(good);
    await page.getByRole('button', { name: 'Vérifier (sans rien écrire)' }).click();
    const preview = page.getByRole('region', { name: 'Vérification réussie : voici ce que l’import ferait' });
    await preview.getByText(`1 site créé : gite-a-${stamp}`).waitFor();
    const still = (await (await page.request.get(`${baseUrl}/api/sites`)).json()) as { sites: { name: string }[] };
    expect(still.sites.map((s) => s.name)).not.toContain(`Gîte A ${stamp}`);
    await preview.getByRole('button', { name: 'Confirmer l’import' }).click();
    await page.getByRole('region', { name: 'Import terminé.' }).waitFor();
    const after = (await (await page.request.get(`${baseUrl}/api/sites`)).json()) as { sites: { name: string }[] };
    expect(after.sites.map((s) => s.name)).toContain(`Gîte A ${stamp}`);
  });

  it('reads the audit trail filtered by object and by person, with before and after', async () => {
    const { page, baseUrl } = j;
    await page.goto(`${baseUrl}/equipe/journal`);
    const filters = page.getByRole('form', { name: 'Filtres du journal' });
    await filters.getByLabel('Objet').selectOption({ label: 'Site' });
    await page.waitForURL(/entite=Site/);
    const rows = page.locator('table.board tbody tr');
    await rows.filter({ hasText: 'Gestionnaires nommés' }).waitFor();
    const renamed = rows.filter({ hasText: `${siteName} (rénové)` }).filter({ hasText: 'Modification' }).first();
    expect(await renamed.locator('del').first().textContent()).toBeTruthy();
    expect(await renamed.textContent()).toContain(siteName);
    const texts = await rows.allTextContents();
    expect(texts.length).toBeGreaterThan(2);
    expect(texts.every((r) => r.includes('Site'))).toBe(true);
    await filters.getByLabel('Qui').selectOption({ label: 'Équipe départementale (démo)' });
    await page.waitForURL(/qui=\d+/);
    await rows.first().waitFor();
    const who = new Set((await rows.locator('td:nth-of-type(1)').allTextContents()).map((s) => s.trim()));
    expect(who.size).toBe(1);
    await screenshot(page, 'backoffice-audit');
  });

  it('the invited person opens the one-time link, sets a password and is signed in; the link then is spent', async () => {
    const { page, baseUrl } = j;
    await page.goto(inviteUrl);
    await page.getByRole('heading', { level: 1, name: 'Choisir mon mot de passe' }).waitFor();
    await page.getByText(managerEmail).waitFor();
    await screenshot(page, 'invitation');
    await page.getByLabel('Nouveau mot de passe').fill('un-mot-de-passe-sur');
    await page.getByLabel('Confirmez le mot de passe').fill('un-mot-de-passe-sur');
    await page.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
    await page.waitForURL(`${baseUrl}/gestion`);
    await page.locator('.who').filter({ hasText: managerName }).waitFor();
    await page.locator('.site-card').filter({ hasText: `${siteName} (rénové)` }).waitFor();
    await page.goto(inviteUrl);
    await page.getByText('Ce lien d’invitation a expiré ou a déjà servi.').waitFor();
    expect(j.errors).toEqual([]);
  });

  it('on a 366 px phone no staff page is wider than the screen, the matching board included', async () => {
    const { page, baseUrl } = j;
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logements pour internes' }).waitFor();
    await page.setViewportSize({ width: 366, height: 800 });
    await signIn(page, baseUrl, 'staff@demo.test');
    await page.waitForURL(`${baseUrl}/equipe/appariement`);
    const widths: Record<string, number> = {};
    const measure = async (name: string) => {
      widths[name] = await page.evaluate(() => document.documentElement.scrollWidth);
    };
    await page.getByRole('button', { name: 'Lancer la simulation' }).click();
    await page.getByRole('heading', { level: 2, name: /affectations? proposées?/ }).waitFor({ timeout: 60_000 });
    await measure('/equipe/appariement');
    await screenshot(page, 'staff-matching-phone');
    for (const p of ['/equipe/indicateurs', '/equipe/internes', '/equipe/stages', '/equipe/cabinets', '/equipe/comptes', '/equipe/sites', '/equipe/import', '/equipe/journal']) {
      await page.goto(`${baseUrl}${p}`);
      await page.locator('main h1').waitFor();
      if (p !== '/equipe/import') await page.locator('main table').first().waitFor();
      await measure(p);
    }
    await page.goto(`${baseUrl}/equipe/internes?q=Bernard`);
    await page.getByRole('button', { name: 'Léa Bernard' }).first().click();
    await page.locator('section.panel').waitFor();
    await measure('/equipe/internes?id');
    await screenshot(page, 'backoffice-phone');
    expect(Object.keys(widths)).toHaveLength(10);
    expect(Object.entries(widths).filter(([, w]) => w > 366)).toEqual([]);
    expect(j.errors).toEqual([]);
  });
});
