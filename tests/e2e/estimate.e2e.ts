import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, signIn, startJourney, type Journey } from './support/app.ts';

// With no road network installed, drive times are straight-line estimates: every place showing one says "estimé".
describe.skipIf(!HAS_CHROMIUM)('estimated drive times are labelled', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney({ withoutRoadNetwork: true });
  });
  afterAll(async () => {
    await j?.close();
  });

  it('says "estimé" next to the intern\'s drive times, and "estimated" in English', async () => {
    const { page, baseUrl } = j;
    const health = await page.request.get(`${baseUrl}/api/health`);
    expect(((await health.json()) as { driveTimes: { description: string } }).driveTimes.description).toMatch(/estimate/);
    await signIn(page, baseUrl, 'intern@demo.test');
    await page.waitForURL(`${baseUrl}/interne`);
    await page.locator('.placement-summary .badge.estimate').waitFor();
    expect(await page.locator('.placement-summary .badge.estimate').textContent()).toBe('estimé');
    const table = page.getByRole('table', { name: 'Logements triés par temps de trajet' });
    await table.locator('tbody tr').first().waitFor();
    expect(await table.locator('tbody tr .badge.estimate').count()).toBe(await table.locator('tbody tr').count());
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.locator('.placement-summary .badge.estimate', { hasText: 'estimated' }).waitFor();
    await page.getByRole('button', { name: 'FR', exact: true }).click();
  });

  it('warns under the header that drive times are estimates, and tells staff how to get roads', async () => {
    const { page, baseUrl } = j;
    const config = await (await page.request.get(`${baseUrl}/api/map/config`)).json();
    expect(config.driveTimes).toEqual({ provider: 'estimate', estimate: true });
    const notice = page.getByRole('note').filter({ hasText: 'Temps de trajet estimés.' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('à vol d’oiseau');
    expect(await notice.textContent()).not.toContain('roads:fetch');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logements pour internes' }).waitFor();
    await notice.waitFor();
    await signIn(page, baseUrl, 'staff@demo.test');
    await page.waitForURL(`${baseUrl}/equipe/appariement`);
    await notice.filter({ hasText: 'npm run roads:fetch' }).waitFor();
    expect(j.errors).toEqual([]);
  });
});
