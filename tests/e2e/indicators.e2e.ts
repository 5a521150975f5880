import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextSemester, semesterOf } from '../../server/domain/calendar/semesters.ts';
import { HAS_CHROMIUM, SCREENSHOTS, signIn, startJourney, type Journey } from './support/app.ts';

const FSIM = 'FSIM — Fonds de soutien à l’installation des médecins (Loir-et-Cher)';

// Indicators over semesters: Loir-et-Cher's officer houses the next semester's interns (a matching applied
// through the API, as the board does), then reads the evolution charts and their tables, on a desktop and a
// phone, in French and English, downloads the CSV; records an FSIM grant in the intern's register and sees
// it counted; Indre's officer gets Indre's figures, not Loir-et-Cher's.
describe.skipIf(!HAS_CHROMIUM)('indicators over semesters journey', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  }, 600_000); // may build the client and the road graph first
  afterAll(async () => {
    await j?.close();
  });

  /** Calls the API from the page with the session's CSRF token. */
  const api = (method: string, url: string, body?: unknown) =>
    j.page.evaluate(
      async ({ method, url, body }) => {
        const s = await (await fetch('/api/session')).json();
        const r = await fetch(url, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken }, body: body === undefined ? undefined : JSON.stringify(body) });
        return { status: r.status, body: await r.json().catch(() => null) };
      },
      { method, url, body },
    );

  const section = () => j.page.locator('section.semester-indicators');

  it('staff see the interns housed within the limit, drives, origin and occupancy over six semesters, as charts and tables', async () => {
    const { page, baseUrl } = j;
    await signIn(page, baseUrl, 'staff@demo.test');
    await page.waitForURL(`${baseUrl}/equipe/appariement`);
    const preview = await api('POST', '/api/matching/preview', {});
    expect(preview.status).toBe(201);
    expect((await api('POST', '/api/matching/apply', { runId: preview.body.runId })).status).toBe(200);

    await page.goto(`${baseUrl}/equipe/indicateurs`);
    await page.getByRole('heading', { level: 2, name: 'Évolution par semestre' }).waitFor();
    await section().getByText('Périmètre : Loir-et-Cher (41)').waitFor();
    expect(await section().locator('figure.chart svg[role=img]').count()).toBe(5);
    // The table equivalent: one row per semester, the last one (being prepared) with the housed interns.
    const rows = section().locator('[data-testid=semester-table] tbody tr');
    expect(await rows.count()).toBe(6);
    const last = rows.last();
    const placed = Number(await last.locator('td').nth(0).textContent());
    const within = Number(await last.locator('td').nth(1).textContent());
    expect(placed).toBeGreaterThan(0);
    expect(within).toBeGreaterThan(0);
    expect(await last.locator('td').nth(6).textContent()).toMatch(/\d+ min/);
    // The chart draws the same figures: the stacked bars of the last semester add up to the placed interns.
    const label = await section().locator('figure.chart').first().locator('svg').getAttribute('aria-label');
    expect(label).toContain(`logés dans la limite ${within}`);
    expect(await section().locator('table.board caption', { hasText: 'Taux d’occupation par logement et par semestre' }).count()).toBe(1);

    const href = (await section().getByRole('link', { name: 'Exporter (CSV)' }).getAttribute('href'))!;
    const csv = await page.request.get(new URL(href, baseUrl).toString());
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect((await csv.text()).replace(/^\ufeff/, '')).toMatch(/^semestre;début;fin;internes placés;logés dans la limite;/);
    expect(j.errors).toEqual([]);
  });

  it('counts an aid granted in the semester in the aid chart and table', async () => {
    const { page, baseUrl } = j;
    const aidTotal = () => section().locator('[data-testid=aid-table] tbody tr').last().locator('td').last().textContent();
    const before = await aidTotal();
    const count = (text: string | null) => Number(/(\d+) aides?/.exec(text ?? '')?.[1] ?? NaN);
    // Staff record the grant in the intern's register, as they would (the form of the back office).
    const lea = ((await api('GET', '/api/interns')).body.interns as { id: number; name: string }[]).find((i) => i.name === 'Léa Bernard')!;
    const grantedOn = nextSemester(semesterOf(new Date())).start;
    await page.goto(`${baseUrl}/equipe/internes?id=${lea.id}`);
    const register = page.getByRole('region', { name: 'Aides accordées' });
    await register.getByText('Enregistrer une aide').click();
    const form = register.getByRole('form', { name: 'Enregistrer une aide' });
    await form.getByLabel('Dispositif').selectOption({ label: FSIM });
    await form.getByLabel('Montant (€)').fill('1800');
    await form.getByLabel('Date').fill(grantedOn);
    await form.getByLabel('Note').fill('indicateurs (test)');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('status').filter({ hasText: 'Aide enregistrée.' }).waitFor();
    await page.goto(`${baseUrl}/equipe/indicateurs`);
    await section().locator('[data-testid=aid-table]').waitFor();
    await page.waitForFunction(
      (n) => {
        const cells = document.querySelectorAll('[data-testid=aid-table] tbody tr:last-child td');
        const m = /(\d+) aides?/.exec(cells[cells.length - 1]?.textContent ?? '');
        return m !== null && Number(m[1]) === n;
      },
      count(before) + 1,
    );
    expect(await aidTotal()).toMatch(/\d+ aides?, .*€/);
    const fsimColumn = await section().locator('[data-testid=aid-table] thead th').allTextContents();
    expect(fsimColumn.some((h) => /FSIM|Fonds/.test(h))).toBe(true);
    const chart = await section().locator('figure.chart', { hasText: 'Aides accordées par dispositif' }).locator('svg').getAttribute('aria-label');
    expect(chart).toMatch(/\d/);
    // The screenshot ends with the semester after the next one: the demo's placements fill the last two semesters.
    await page.goto(`${baseUrl}/equipe/indicateurs?jusqua=${nextSemester(nextSemester(semesterOf(new Date()))).id}`);
    await section().locator('[data-testid=aid-table]').waitFor();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await section().screenshot({ path: path.join(SCREENSHOTS, 'indicators-semesters.png') });
    expect(j.errors).toEqual([]);
  });

  it('is readable on a 366 px phone (no page wider than the screen) and in English', async () => {
    const { page } = j;
    await page.setViewportSize({ width: 366, height: 800 });
    await page.goto(`${j.baseUrl}/equipe/indicateurs`);
    await page.getByRole('heading', { level: 2, name: 'Évolution par semestre' }).waitFor();
    await section().locator('figure.chart svg').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(366);
    await section().locator('.charts').screenshot({ path: path.join(SCREENSHOTS, 'indicators-semesters-phone.png') });
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Over the semesters' }).waitFor();
    await section().getByText('Interns on placement: housed within the limit, beyond, not housed').waitFor();
    await page.getByRole('button', { name: 'FR', exact: true }).click();
    await page.setViewportSize({ width: 1280, height: 860 });
    expect(j.errors).toEqual([]);
  });

  it("Indre's officer reads Indre's figures and is refused Loir-et-Cher's", async () => {
    const { page, baseUrl } = j;
    await page.context().clearCookies();
    await signIn(page, baseUrl, 'staff-indre@demo.test');
    await page.waitForURL(`${baseUrl}/equipe/appariement`);
    await page.goto(`${baseUrl}/equipe/indicateurs`);
    await section().getByText('Périmètre : Indre (36)').waitFor();
    const refused = await api('GET', '/api/indicators/semesters?departement=41');
    expect(refused.status).toBe(403);
    expect(j.errors.filter((e) => !/403/.test(e))).toEqual([]);
  });
});
