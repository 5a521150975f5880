import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { hasDemoNetwork } from '../helpers/fixtures.ts';
import { HAS_CHROMIUM, SCREENSHOTS, screenshot, signIn, startJourney, waitForReadableMap, type Journey } from './support/app.ts';

// « Couverture »: Loir-et-Cher's officer sees the placements of the demo's second semester with no free
// bed within 30 minutes (on the map and as a list) and the first three places to open, with their
// figures and drive-time areas, on the demo road network; adds a place of their own by clicking the
// map; and the page holds on a phone.
// Its figures (which placements are uncovered, what each place would bring) are those of the demo road network.
const HAS_DEMO_ROADS = hasDemoNetwork('coverage journey (its figures are drive times on the France demo network)');

describe.skipIf(!HAS_CHROMIUM || !HAS_DEMO_ROADS)('coverage journey', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  }, 600_000); // may build the client and the road graph first
  afterAll(async () => {
    await j?.close();
  });

  /** The API's own answer for the page's semester, to compare the page with. */
  async function apiAnswer(semester: string) {
    return j.page.evaluate(async (s) => {
      const csrf = (await (await fetch('/api/session')).json()).csrfToken;
      const t0 = performance.now();
      const r = await fetch('/api/coverage/suggestions', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ semester: s }) });
      const body = await r.json();
      return { ...body, ms: Math.round(performance.now() - t0) };
    }, semester);
  }

  it('shows uncovered placements and the first three suggestions with their figures and isochrones', async () => {
    const { page, baseUrl } = j;
    await signIn(page, baseUrl, 'staff@demo.test');
    await page.waitForURL(`${baseUrl}/equipe/appariement`);
    await page.goto(`${baseUrl}/equipe/internes`);
    await page.getByRole('navigation', { name: 'Navigation du back-office' }).getByRole('link', { name: 'Couverture' }).click();
    await page.waitForURL(`${baseUrl}/equipe/couverture`);
    await page.getByRole('heading', { level: 1, name: 'Couverture : où ouvrir le prochain internat' }).waitFor();
    // The demo fills the next two semesters; its second one has the placements far from today's beds.
    await page.getByLabel('Semestre').selectOption({ index: 2 });
    await page.waitForURL(/semestre=\d{4}-(05|11)/);
    const semester = new URL(page.url()).searchParams.get('semestre')!;
    const api = await apiAnswer(semester);
    expect(api.placements).toEqual({ total: 18, covered: 12, uncovered: 6 });
    console.log(`coverage: POST /api/coverage/suggestions (${api.candidates} candidates × ${api.placements.total} placements) answered in ${api.ms} ms`);

    // The list of suggestions, in order, with "+n stages couverts, dont m aujourd'hui à plus de 45 min".
    await page.locator('.suggestion').nth(2).waitFor({ timeout: 60_000 });
    const figures = await page.locator('.suggestion-figure').allTextContents();
    expect(figures[0]).toBe('Montrichard Val de Cher : +4 stages couverts, dont 1 aujourd’hui à plus de 45 min');
    expect(figures).toEqual(
      api.suggestions.map((s: { name: string; newlyCovered: number; newlyFar: number }) =>
        `${s.name} : +${s.newlyCovered} stage${s.newlyCovered > 1 ? 's' : ''} couvert${s.newlyCovered > 1 ? 's' : ''}${s.newlyFar ? `, dont ${s.newlyFar} aujourd’hui à plus de 45 min` : ''}`,
      ),
    );
    expect(figures.length).toBeGreaterThanOrEqual(3);

    // The map: the first three places with their figure and their 30-minute area, the uncovered placements' practices.
    await waitForReadableMap(page);
    await expect.poll(() => page.locator('.suggestion-pin').count()).toBe(3);
    await expect.poll(() => page.locator('path.suggestion-iso').count()).toBe(3);
    expect(await page.locator('.suggestion-label').allTextContents()).toEqual(figures.slice(0, 3));
    const practices = new Set(api.uncovered.flatMap((u: { practices: { id: number }[] }) => u.practices.map((p) => p.id)));
    expect(await page.locator('path.uncovered-dot').count()).toBe(practices.size);

    // The list of uncovered placements, with the nearest free bed today.
    const table = page.getByRole('table', { name: '6 stages non couverts' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(6);
    await table.getByText('Camille Dupont').waitFor();
    // A taller window for the picture, so the whole map shows under the page's head.
    await page.setViewportSize({ width: 1280, height: 1080 });
    await screenshot(page, 'coverage');
    await page.setViewportSize({ width: 1280, height: 860 });
    expect(j.errors).toEqual([]);
  });

  it('weighs a place staff add by clicking the map, kept in the address, and another default limit', async () => {
    const { page } = j;
    const candidates = page.locator('.kpi').filter({ hasText: 'lieux candidats étudiés' }).locator('.kpi-value');
    const before = Number(await candidates.textContent());
    const map = page.locator('.coverage-page .leaflet-container');
    const box = (await map.boundingBox())!;
    await map.click({ position: { x: box.width - 60, y: box.height - 60 } });
    await expect.poll(() => page.getByLabel('Longitude').inputValue()).not.toBe('');
    await page.getByLabel('Nom du lieu').fill('Ferme de la Motte');
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await page.waitForURL(/lieux=Ferme/);
    await page.getByRole('button', { name: 'Retirer Ferme de la Motte' }).waitFor();
    await expect.poll(async () => Number(await candidates.textContent())).toBe(before + 1);
    await page.getByRole('button', { name: 'Retirer Ferme de la Motte' }).click();
    await expect.poll(async () => Number(await candidates.textContent())).toBe(before);
    // A shorter default limit leaves more placements uncovered (interns with their own limit keep it).
    await page.getByLabel('Limite de trajet').selectOption('20');
    await page.waitForURL(/limite=20/);
    await expect.poll(() => page.getByTestId('uncovered-count').textContent(), { timeout: 60_000 }).toMatch(/^11 \/ 18/);
    await page.getByLabel('Limite de trajet').selectOption('30');
    await expect.poll(() => page.getByTestId('uncovered-count').textContent(), { timeout: 60_000 }).toMatch(/^6 \/ 18/);
    expect(j.errors).toEqual([]);
  });

  it('reads in English, and on a 390 px phone the list becomes cards no wider than the screen', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Coverage: where to open the next internat' }).waitFor();
    await page.getByText('Montrichard Val de Cher: +4 placements covered, 1 of them today more than 45 min away').first().waitFor();
    await page.getByRole('button', { name: 'FR', exact: true }).click();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.locator('.suggestion').nth(2).waitFor({ timeout: 60_000 });
    await page.getByRole('table', { name: '6 stages non couverts' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.locator('table.stack tbody tr').first().evaluate((tr) => getComputedStyle(tr).display)).not.toBe('table-row');
    // The whole page, so the picture shows the map, the suggestions and the list as cards.
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'coverage-phone.png'), fullPage: true });
    expect(j.errors).toEqual([]);
  });
});
