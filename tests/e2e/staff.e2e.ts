import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, screenshot, signIn, startJourney, type Journey } from './support/app.ts';

// Department staff: matching preview → read, lock, override → apply; then indicators with charts and exports.
describe.skipIf(!HAS_CHROMIUM)('department staff journey', () => {
  let j: Journey;
  let overridden = '';
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });

  it('runs a matching preview and reads assignments with drive times and explanations, and the unmatched with their whole reason in French and English', async () => {
    const { page, baseUrl } = j;
    await signIn(page, baseUrl, 'staff@demo.test');
    await page.waitForURL(`${baseUrl}/equipe/appariement`);
    await page.getByRole('heading', { level: 1, name: 'Affectations des internes' }).waitFor();
    await page.getByRole('button', { name: 'Lancer la simulation' }).click();
    await page.getByRole('heading', { level: 2, name: /affectations? proposées?/ }).waitFor({ timeout: 60_000 });
    const rows = page.locator('section[aria-labelledby="proposals-title"] tbody tr');
    const n = await rows.count();
    expect(n).toBeGreaterThan(3);
    // A practice column tells interns apart, and the demo has no two interns with one name.
    const practices = await rows.locator('td:nth-of-type(1)').allTextContents();
    expect(practices.every((p) => p.trim().length > 2 && p !== '—')).toBe(true);
    const drives = await rows.locator('td:nth-of-type(3)').allTextContents();
    expect(drives.every((d) => /\d+ min/.test(d))).toBe(true);
    const why = await rows.locator('td:nth-of-type(4)').allTextContents();
    expect(why.every((w) => w.trim().length > 5)).toBe(true);
    // Explanations are said in French from the solver's codes and figures.
    expect(why.every((w) => /\d+ min de .+ \(limite \d+ min\)/.test(w))).toBe(true);
    // Interns' ranked wishes count and staff read them: the explanation names the wish met.
    expect(why.some((w) => /votre \d+(er|e) vœu/.test(w))).toBe(true);
    expect(await rows.locator('.wishes ol[aria-label^="Vœux de"] li').count()).toBeGreaterThan(n);
    const unmatched = page.getByRole('region', { name: /internes? sans logement/ });
    await unmatched.waitFor();
    const items = unmatched.locator('li');
    const reasons = await items.locator('p.reason').allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.every((r) => /à moins de \d+ min de/.test(r))).toBe(true);
    const allNames = [...(await rows.locator('th').allTextContents()), ...(await items.locator('strong').allTextContents())].map((x) => x.trim());
    expect(new Set(allNames).size).toBe(allNames.length);
    // The whole reason is on the page (not a tooltip): the nearest site and every reason against it.
    const k = reasons.findIndex((r) => r.includes('le plus proche :'));
    expect(k).toBeGreaterThanOrEqual(0);
    expect(reasons[k]).toMatch(/le plus proche : .+ à \d+ min \((complet|trop loin|pas libre à ces dates|loyer au-dessus du plafond|le règlement n’accepte pas de conjoint|pas de place pour le couple)( et |, |[a-zéèàêôù’ ]+)*\)/);
    const who = (await items.nth(k).locator('strong').textContent())!;
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    const english = page.getByRole('region', { name: /interns? without housing/ }).locator('li').filter({ hasText: who }).locator('p.reason');
    await english.waitFor();
    expect(await english.textContent()).toMatch(/within \d+ min of .+; nearest: .+ at \d+ min \((full|too far|not free for those dates|rent above the ceiling|house rules exclude a partner|no room for the partner)/);
    await page.getByRole('button', { name: 'FR', exact: true }).click();
    await unmatched.waitFor();
  });

  it('starts another preview, follows its step and elapsed time, and cancels it: the previous preview stays on the board', async () => {
    const { page } = j;
    const rows = page.locator('section[aria-labelledby="proposals-title"] tbody tr');
    const before = (await rows.locator('th').allTextContents()).map((n) => n.trim());
    // Test hook: the preview's solve waits ten minutes on its worker thread, so it can be watched and cancelled.
    j.config.matching.previewTestDelayMs = 600_000;
    try {
      await page.getByRole('button', { name: 'Lancer la simulation' }).click();
      const progress = page.getByRole('region', { name: 'Simulation en cours' });
      await progress.getByRole('status').filter({ hasText: 'Recherche de la meilleure répartition…' }).waitFor({ timeout: 30_000 });
      expect(await progress.getByText('Temps écoulé :').textContent()).toMatch(/Temps écoulé : \d+ s/);
      expect(await page.getByRole('button', { name: 'Calcul en cours…' }).isDisabled()).toBe(true);
      await progress.getByRole('button', { name: 'Annuler' }).click();
      await page.getByRole('status').filter({ hasText: 'Simulation annulée : rien n’a été enregistré, l’affichage précédent est conservé.' }).first().waitFor();
      await progress.waitFor({ state: 'detached' });
    } finally {
      j.config.matching.previewTestDelayMs = 0;
    }
    // Back to where it was: the same proposals, and a preview may be run again.
    expect((await rows.locator('th').allTextContents()).map((n) => n.trim())).toEqual(before);
    expect(await page.getByRole('button', { name: 'Lancer la simulation' }).isEnabled()).toBe(true);
  });

  it('locks one proposal, overrides others among valid beds only (one over the limit, confirmed), applies, and finds the lock saved', async () => {
    const { page } = j;
    const rows = page.locator('section[aria-labelledby="proposals-title"] tbody tr');
    const proposed = (await rows.locator('th').allTextContents()).map((n) => n.trim());
    // Léa Bernard (the demo intern account) must stay housed: the last step signs in as her.
    expect(proposed).toContain('Léa Bernard');
    const lockedRow = proposed.findIndex((n) => n !== 'Léa Bernard');
    const firstName = proposed[lockedRow];
    const target = proposed.findIndex((n, k) => k > lockedRow && n !== 'Léa Bernard');
    expect(target).toBeGreaterThan(0);
    const secondName = proposed[target];
    overridden = secondName;
    await rows.nth(lockedRow).getByLabel('Verrouiller').check();
    await rows.nth(target).getByRole('button', { name: `Autre choix pour ${secondName}` }).click();
    const picker = page.getByRole('group', { name: `Lits possibles pour ${secondName}` });
    await picker.locator('.candidate').first().waitFor();
    // Only beds valid for this intern, each with its drive time, nearest first; nothing across France.
    const offered = await picker.locator('.candidate').allTextContents();
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.every((o) => /\d+ min/.test(o))).toBe(true);
    expect(offered.some((o) => /Tarbes|Manosque|Apt/.test(o))).toBe(false);
    const mins = await picker.locator('.candidate-minutes').allTextContents();
    const totals = mins.map((m) => [...m.matchAll(/(\d+) min/g)].reduce((a, x) => a + Number(x[1]), 0));
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    await picker.getByRole('button', { name: 'Sans logement' }).click();
    await page.getByText('1 modification(s), 1 verrouillée(s)').waitFor();

    // An override beyond the limit is flagged, and chosen only once confirmed.
    let flagged = -1;
    let flaggedName = '';
    for (let k = 0; k < proposed.length && flagged < 0; k++) {
      if (k === target || k === lockedRow || proposed[k] === 'Léa Bernard') continue;
      await rows.nth(k).getByRole('button', { name: `Autre choix pour ${proposed[k]}` }).click();
      const p = page.getByRole('group', { name: `Lits possibles pour ${proposed[k]}` });
      await p.locator('.candidate').first().waitFor();
      const over = p.locator('li.flagged').filter({ hasText: 'au-delà de la limite' }).filter({ hasNotText: 'Léa Bernard' }).filter({ hasNotText: firstName });
      if (await over.count()) {
        flagged = k;
        flaggedName = proposed[k];
        await over.first().locator('.candidate').click();
        const ask = p.getByRole('alert');
        await ask.waitFor();
        expect(await ask.textContent()).toMatch(new RegExp(`Ce lit sort des règles de ${flaggedName} : au-delà de la limite \\(\\d+ min pour 30 min\\)`));
        await ask.getByRole('button', { name: 'Confirmer ce lit' }).click();
      } else await p.getByRole('button', { name: 'Annuler' }).click();
    }
    expect(flagged).toBeGreaterThanOrEqual(0);
    await rows.nth(flagged).locator('.choice.flagged').filter({ hasText: 'hors règles, confirmé : au-delà de la limite' }).waitFor();
    await page.getByText('2 modification(s), 1 verrouillée(s)').waitFor();
    await screenshot(page, 'staff-matching');

    await page.getByRole('button', { name: 'Appliquer les affectations' }).click();
    await page.getByRole('status').filter({ hasText: 'Affectations enregistrées.' }).waitFor({ timeout: 60_000 });
    const saved = page.locator('section[aria-labelledby="current-title"] tbody tr');
    await saved.first().waitFor();
    const names = (await saved.locator('th').allTextContents()).map((n) => n.trim());
    expect(names).toContain(firstName);
    expect(names).toContain('Léa Bernard');
    expect(names).toContain(flaggedName);
    expect(names).not.toContain(secondName);

    // The lock set in the preview is saved: the proposal is locked in the database.
    const mine = saved.filter({ has: page.getByRole('rowheader', { name: firstName, exact: true }) });
    expect(await mine.getByRole('checkbox').isChecked()).toBe(true);
    // Lock another saved assignment (not Léa's: the next steps answer her room request and her proposal).
    const otherName = names.find((n) => n !== firstName && n !== 'Léa Bernard')!;
    const other = saved.filter({ has: page.getByRole('rowheader', { name: otherName, exact: true }) }).getByRole('checkbox');
    expect(await other.isChecked()).toBe(false);
    await other.click();
    await page.waitForFunction(
      (who) => [...document.querySelectorAll('section[aria-labelledby="current-title"] tbody tr')].some((tr) => tr.querySelector('th')?.textContent?.trim() === who && (tr.querySelector('input[type=checkbox]') as HTMLInputElement).checked),
      otherName,
    );
    expect(j.errors).toEqual([]);
  });

  it('answers an intern\'s room request', async () => {
    const { page, baseUrl } = j;
    // Léa asks for a room through the real API, then staff accept it on the board.
    const intern = await fetch(`${baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'intern@demo.test', password: 'demo1234' }) });
    const cookie = intern.headers.getSetCookie()[0].split(';')[0];
    const { csrfToken } = (await intern.json()) as { csrfToken: string };
    const sites = (await (await fetch(`${baseUrl}/api/sites`)).json()) as { sites: { id: number; name: string }[] };
    const vendome = sites.sites.find((s) => s.name.startsWith('Internat rural de Vendôme'))!;
    const made = await fetch(`${baseUrl}/api/me/requests`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify({ siteId: vendome.id, note: 'Chambre calme' }) });
    expect(made.status).toBe(201);

    await page.reload();
    const panel = page.getByRole('region', { name: /demandes? de chambre en attente/ });
    await panel.getByText('« Chambre calme »').waitFor();
    // Léa already has a proposal for that semester: staff decline her request with a reason she reads.
    await panel.getByRole('button', { name: 'Refuser la demande de Léa Bernard' }).click();
    await panel.getByLabel('Motif du refus').fill('Déjà logée ce semestre');
    await panel.getByRole('button', { name: 'Refuser la demande', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Demande de Léa Bernard refusée.' }).waitFor();
    await panel.getByText('Aucune demande en attente.').waitFor();
  });

  it('reads the indicators (charts drawn in SVG) and downloads the exports', async () => {
    const { page } = j;
    await page.getByRole('link', { name: 'Indicateurs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Indicateurs' }).waitFor();
    const housed = page.locator('.kpi').filter({ hasText: 'internes logés / internes en stage' }).locator('.kpi-value');
    await housed.waitFor();
    const [h, p] = (await housed.textContent())!.split('/').map((x) => Number(x.trim()));
    expect(h).toBeGreaterThan(0);
    expect(p).toBeGreaterThanOrEqual(h);
    expect(await page.locator('.kpi').filter({ hasText: 'temps de trajet moyen' }).locator('.kpi-value').textContent()).toMatch(/\d+ min/);
    await page.getByText('Temps de trajet moyen par logement').waitFor();
    // The semester's three charts (the evolution over semesters below has its own, see indicators.e2e.ts).
    expect(await page.locator('main > .charts').first().locator('figure.chart svg[role=img]').count()).toBe(3);
    expect(await page.locator('figure.chart rect.chart-bar').count()).toBeGreaterThan(2);
    await screenshot(page, 'indicators');

    for (const [label, type] of [
      ['Exporter les logements (CSV)', 'text/csv'],
      ['Exporter les logements (GeoJSON)', 'json'],
    ] as const) {
      const href = (await page.getByRole('link', { name: label }).getAttribute('href'))!;
      const res = await page.request.get(new URL(href, j.baseUrl).toString());
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toContain(type);
    }
    expect(j.errors).toEqual([]);
  });

  it('shows the intern their housing once applied', async () => {
    const { page, baseUrl } = j;
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logements pour internes' }).waitFor();
    await signIn(page, baseUrl, 'intern@demo.test');
    await page.waitForURL(`${baseUrl}/interne`);
    await page.getByRole('heading', { level: 1, name: 'Mon stage et mon logement' }).waitFor();
    expect(overridden).not.toBe('Léa Bernard');
    const mine = page.locator('.assignment').filter({ hasText: 'Mon logement :' });
    await mine.waitFor();
    expect(await mine.textContent()).toMatch(/proposée.*\d+ min/);
  });
});
