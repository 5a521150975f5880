import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, SCREENSHOTS, signIn, startJourney, type Journey } from './support/app.ts';

// Indicators over semesters: Loir-et-Cher's officer houses the next semester's interns (a matching applied
// through the API, as the board does), then reads the evolution charts and their tables, on a desktop and a
// phone, in French and English, downloads the CSV; Indre's officer gets Indre's figures and not Loir-et-Cher's.
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
    expect(await section().locator('figure.chart svg[role=img]').count()).toBe(4);
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
    mkdirSync(SCREENSHOTS, { recursive: true });
    await section().screenshot({ path: path.join(SCREENSHOTS, 'indicators-semesters.png') });

    const href = (await section().getByRole('link', { name: 'Exporter (CSV)' }).getAttribute('href'))!;
    const csv = await page.request.get(new URL(href, baseUrl).toString());
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect((await csv.text()).replace(/^\ufeff/, '')).toMatch(/^semestre;début;fin;internes placés;logés dans la limite;/);
    expect(j.errors).toEqual([]);
  });

  it('is readable on a 366 px phone (no page wider than the screen) and in English', async () => {
    const { page } = j;
    await page.setViewportSize({ width: 366, height: 800 });
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Évolution par semestre' }).waitFor();
    await section().locator('figure.chart svg').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(366);
    await section().locator('figure.chart').first().screenshot({ path: path.join(SCREENSHOTS, 'indicators-semesters-phone.png') });
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
