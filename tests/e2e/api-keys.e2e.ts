import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { DEMO_NETWORK_PBF } from '../helpers/fixtures.ts';
import { HAS_CHROMIUM, screenshot, signIn, startJourney, type Journey } from './support/app.ts';

// What this journey checks is the key gate. With the demo road network a key's matrix is served (200); on a
// clone without it the app has no roads for Loir-et-Cher and the engine answers ORS's 503 — past the gate
// either way (no key: 401, a revoked key: 403).
const SERVED = existsSync(DEMO_NETWORK_PBF) ? 200 : 503;

// Department staff hand out a key to the ORS-compatible API: create it (shown once), see it work on /ors,
// revoke it (after a confirmation), see it refused. On a phone the list stacks.
describe.skipIf(!HAS_CHROMIUM)('staff manage API keys of /ors', () => {
  let j: Journey;
  let key = '';
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });

  const orsMatrix = (headers: Record<string, string>) =>
    fetch(`${j.baseUrl}/ors/v2/matrix/driving-car`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ locations: [[1.0611, 47.8014], [1.3341, 47.2501]] }),
    });

  it('creates a key from the staff navigation, shows it once with a copy button, and /ors answers it', async () => {
    const { page, baseUrl } = j;
    await signIn(page, baseUrl, 'staff@demo.test');
    await page.waitForURL(`${baseUrl}/equipe/appariement`);
    await page.getByRole('link', { name: 'Clés API' }).click();
    await page.getByRole('heading', { level: 1, name: 'Clés API' }).waitFor();
    // The demo key is listed, by its first characters only.
    const demoRow = page.getByRole('row').filter({ hasText: 'Clé de démonstration (démo)' });
    await demoRow.waitFor();
    expect(await demoRow.textContent()).toContain('demo-ors…');

    await page.getByLabel('Libellé').fill('QGIS du service');
    await page.getByRole('button', { name: 'Créer la clé' }).click();
    const created = page.getByRole('region', { name: 'Clé « QGIS du service » créée' });
    await created.waitFor();
    key = await created.getByRole('textbox', { name: 'La clé' }).inputValue();
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await created.getByRole('button', { name: 'Copier la clé' }).click();
    await page.getByRole('status').filter({ hasText: /Clé copiée|copiez-la/ }).waitFor();
    await screenshot(page, 'staff-api-keys');

    const served = await orsMatrix({ authorization: key });
    expect(served.status).toBe(SERVED);
    if (SERVED === 200) expect(((await served.json()) as { durations: number[][] }).durations).toHaveLength(2);
    expect((await orsMatrix({})).status).toBe(401);

    // Once dismissed, the key is nowhere on the page, not even after a reload; the list counts its use.
    await created.getByRole('button', { name: 'J’ai copié la clé' }).click();
    await created.waitFor({ state: 'detached' });
    await page.reload();
    const row = page.getByRole('row').filter({ hasText: 'QGIS du service' });
    await row.waitFor();
    expect(await page.content()).not.toContain(key);
    expect(await row.textContent()).toContain(`${key.slice(0, 8)}…`);
    expect(await row.textContent()).toContain('1 / 500');
    expect(j.errors).toEqual([]);
  });

  it('revokes the key after a confirmation; /ors then refuses it with 403', async () => {
    const { page } = j;
    const row = page.getByRole('row').filter({ hasText: 'QGIS du service' });
    await row.getByRole('button', { name: 'Révoquer la clé « QGIS du service »' }).click();
    // Nothing happens before the confirmation.
    expect((await orsMatrix({ authorization: key })).status).toBe(SERVED);
    await row.getByRole('button', { name: 'Annuler' }).click();
    await row.getByRole('button', { name: 'Révoquer la clé « QGIS du service »' }).click();
    await row.getByRole('button', { name: 'Confirmer la révocation' }).click();
    await page.getByRole('status').filter({ hasText: 'Clé « QGIS du service » révoquée.' }).waitFor();
    await row.getByText(/révoquée le/).waitFor();
    const refused = await orsMatrix({ authorization: key });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/revoked/);
    // The demo key still works, here as the api_key query parameter.
    expect((await fetch(`${j.baseUrl}/ors/v2/matrix/driving-car?api_key=demo-ors-key`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locations: [[1.0611, 47.8014], [1.3341, 47.2501]] }) })).status).toBe(SERVED);
    expect(j.errors).toEqual([]);
  });

  it('stacks the list on a phone: one card per key, each value with its label', async () => {
    const { page } = j;
    await page.setViewportSize({ width: 390, height: 844 });
    const row = page.getByRole('row').filter({ hasText: 'QGIS du service' });
    const cell = row.locator('td').first();
    expect(await cell.evaluate((el) => getComputedStyle(el).display)).toBe('block');
    expect(await cell.evaluate((el) => getComputedStyle(el, '::before').content)).toContain('Créée par');
    const box = (await row.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 860 });
  });
});
