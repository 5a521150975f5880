import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, screenshot, signIn, startJourney, waitForReadableMap, type Journey } from './support/app.ts';

// The intern (Léa Bernard, placed at the MSP de Vendôme): map with bands, list by drive time, detail, choices, request; then on a phone.
describe.skipIf(!HAS_CHROMIUM)('intern journey', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });

  it('signs in and sees the placement, 10/20/30-minute bands and housing sorted by drive time', async () => {
    const { page, baseUrl } = j;
    await signIn(page, baseUrl, 'intern@demo.test');
    await page.waitForURL(`${baseUrl}/interne`);
    await page.getByRole('heading', { level: 1, name: 'Mon stage et mon logement' }).waitFor();
    await page.getByText('MSP de Vendôme (démo)').first().waitFor();
    await waitForReadableMap(page);
    await page.locator('.practice-pin').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('path.iso-band').length === 3, undefined, { timeout: 30_000 });
    for (const s of [600, 1200, 1800]) expect(await page.locator(`path.iso-${s}`).count()).toBe(1);

    const table = page.getByRole('table', { name: 'Logements triés par temps de trajet' });
    await table.locator('tbody tr').first().waitFor();
    const drive = await table.locator('tbody tr td:nth-of-type(1)').allTextContents();
    const mins = drive.map((d) => Number(/(\d+) min/.exec(d)?.[1]));
    expect(mins.length).toBeGreaterThan(0);
    expect(mins.every((m) => Number.isFinite(m) && m <= 30)).toBe(true);
    expect([...mins].sort((a, b) => a - b)).toEqual(mins);
    // Housing markers are coloured by free beds.
    expect(await page.locator('.leaflet-marker-pane .pin.tone-many, .leaflet-marker-pane .cluster').count()).toBeGreaterThan(0);
    // The estimate notice shows exactly when this server has no road data (../shared absent).
    const { driveTimes } = await (await page.request.get(`${baseUrl}/api/map/config`)).json();
    expect(await page.locator('.drive-time-notice').count()).toBe(driveTimes.estimate ? 1 : 0);
  });

  it('opens a detail panel, ranks it in the choices, saves them and requests a room', async () => {
    const { page } = j;
    const first = page.getByRole('table', { name: 'Logements triés par temps de trajet' }).locator('tbody tr').first().getByRole('button');
    const name = (await first.textContent())!;
    await first.click();
    const panel = page.getByRole('region', { name });
    await panel.waitFor();
    await panel.getByText('Trajet vers MSP de Vendôme (démo)').waitFor();
    await panel.getByRole('button', { name: 'Ajouter à mes vœux' }).click();
    await panel.getByRole('button', { name: 'Dans mes vœux' }).waitFor();
    const choices = page.getByRole('region', { name: 'Mes vœux de logement' });
    await choices.getByRole('listitem').filter({ hasText: name }).waitFor();
    await choices.getByLabel('Précisions (conjoint, co-internes, dates…)').fill('Arrivée le 2 mai.');
    await choices.getByRole('button', { name: 'Enregistrer mes vœux' }).click();
    await page.getByRole('status').filter({ hasText: 'Vos vœux sont enregistrés.' }).waitFor();

    await panel.getByLabel('Message au gestionnaire (facultatif)').fill('Je cherche une chambre calme.');
    await panel.getByRole('button', { name: 'Demander une chambre' }).click();
    await panel.getByRole('button', { name: 'Demande envoyée' }).waitFor();
    await screenshot(page, 'intern');

    // Saved on the server: still there after a reload.
    await page.reload();
    const again = page.getByRole('region', { name: 'Mes vœux de logement' });
    await again.getByRole('listitem').filter({ hasText: name }).waitFor();
    expect(await again.getByLabel('Précisions (conjoint, co-internes, dates…)').inputValue()).toBe('Arrivée le 2 mai.');
    expect(j.errors).toEqual([]);
  });

  it('shows both practices and the area within reach of both for a split placement', async () => {
    const { page, baseUrl } = j;
    // Staff splits Léa's placement between Vendôme and Montoire, through the real API.
    const staff = await fetch(`${baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'staff@demo.test', password: 'demo1234' }) });
    const cookie = staff.headers.getSetCookie()[0].split(';')[0];
    const { csrfToken } = (await staff.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const practices = (await (await fetch(`${baseUrl}/api/practices`, { headers })).json()) as { practices?: { id: number; commune: string }[] } | { id: number; commune: string }[];
    const list = Array.isArray(practices) ? practices : practices.practices!;
    const montoire = list.find((p) => p.commune === 'Montoire-sur-le-Loir')!;
    const me = await page.evaluate(async () => (await fetch('/api/me/intern')).json());
    const placementId = me.placements[0].id as number;
    const patched = await fetch(`${baseUrl}/api/placements/${placementId}`, { method: 'PATCH', headers, body: JSON.stringify({ secondPracticeId: montoire.id }) });
    expect(patched.status).toBe(200);

    await page.reload();
    await page.getByText('Cabinet de Montoire-sur-le-Loir (démo)').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.practice-pin').length === 2);
    await page.locator('path.iso-both').waitFor({ timeout: 30_000 });
    expect(await page.getByText('à moins de 30 min des deux cabinets').isVisible()).toBe(true);
    // Each site lists a drive time per practice.
    const first = page.getByRole('table', { name: 'Logements triés par temps de trajet' }).locator('tbody tr').first();
    if (await first.count()) expect(await first.locator('td').first().textContent()).toMatch(/1\. \d+ min.*2\. \d+ min/);
  });

  it('works on a phone (390×844): no sideways scrolling, map then list', async () => {
    const { page, baseUrl } = j;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/interne`);
    await page.getByRole('table', { name: 'Logements triés par temps de trajet' }).locator('tbody tr').first().waitFor();
    await waitForReadableMap(page);
    await page.locator('path.iso-1800').first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    const map = await page.locator('.map').boundingBox();
    const table = await page.getByRole('table', { name: 'Logements triés par temps de trajet' }).boundingBox();
    expect(map!.width).toBeGreaterThan(300);
    expect(table!.y).toBeGreaterThan(map!.y + map!.height - 1);
    await screenshot(page, 'intern-phone');
    await page.setViewportSize({ width: 1280, height: 860 });
  });
});
