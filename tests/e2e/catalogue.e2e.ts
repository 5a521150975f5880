import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, screenshot, signIn, startJourney, waitForReadableMap, type Journey } from './support/app.ts';

// The public catalogue, signed out: map readable without tiles, clustered markers, the list equivalent, details, FR/EN.
describe.skipIf(!HAS_CHROMIUM)('public catalogue (no sign-in)', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });

  it('shows every site on a readable offline map and in a keyboard-friendly list', async () => {
    const { page, baseUrl } = j;
    await page.goto(baseUrl + '/');
    await page.getByRole('heading', { level: 1, name: 'Logements pour internes' }).waitFor();
    const list = page.getByRole('list', { name: /logements/ });
    await list.getByRole('button').first().waitFor();
    const rows = await list.getByRole('button').count();
    expect(rows).toBeGreaterThanOrEqual(10);

    // No tile can load (other hosts are blocked), yet département outlines and names are drawn.
    expect(await waitForReadableMap(page)).toBeGreaterThan(0);
    expect(j.blocked.some((u) => u.includes('tile.openstreetmap.org'))).toBe(true);

    // Sites all over France at this zoom: neighbours are clustered into numbered bubbles.
    await page.locator('.leaflet-marker-pane .cluster').first().waitFor();
    const clusterCount = await page.locator('.leaflet-marker-pane .cluster, .leaflet-marker-pane .pin').count();
    expect(clusterCount).toBeLessThan(rows);
    // Clicking a cluster zooms in on its sites; names of départements appear once zoomed in.
    await page.locator('.leaflet-marker-pane .cluster').first().click();
    await page.waitForFunction(() => document.querySelectorAll('.base-label').length > 0, undefined, { timeout: 15_000 });

    // Keyboard: focus a row and press Enter to open the detail panel.
    const first = list.getByRole('button').first();
    const name = (await first.locator('strong').textContent())!;
    await first.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name });
    await panel.waitFor();
    expect(await panel.getByText('Loyer').isVisible()).toBe(true);
    expect(await panel.getByText('Financeur').isVisible()).toBe(true);
    await screenshot(page, 'catalogue');

    // Search narrows the list.
    await page.getByLabel('Rechercher une commune ou un logement').fill('Vendôme');
    await page.waitForFunction(() => document.querySelectorAll('.site-list li').length === 1);
    expect(j.errors).toEqual([]);
  });

  it('switches to English and remembers the choice', async () => {
    const { page, baseUrl } = j;
    await page.goto(baseUrl + '/');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Housing for medical interns' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Housing for medical interns' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: 'FR', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Logements pour internes' }).waitFor();
  });

  it('keeps the semester and the selected site in the address: a shared link opens the same view, Back works', async () => {
    const { page, baseUrl } = j;
    await page.goto(baseUrl + '/');
    const list = page.getByRole('list', { name: /logements/ });
    const first = list.getByRole('button').first();
    await first.waitFor();
    const name = (await first.locator('strong').textContent())!;
    await first.click();
    await page.getByRole('region', { name }).waitFor();
    const semester = page.getByLabel('Semestre');
    const options = await semester.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    await semester.selectOption(options[options.length - 1]!);
    const url = new URL(page.url());
    expect(url.searchParams.get('logement')).toMatch(/^\d+$/);
    expect(url.searchParams.get('semestre')).toBe(options[options.length - 1]);

    // The same address in a fresh page shows the same site and semester.
    const other = await j.context.newPage();
    await other.goto(url.toString());
    await other.getByRole('region', { name }).waitFor();
    expect(await other.getByLabel('Semestre').inputValue()).toBe(options[options.length - 1]);
    await other.close();

    // Back closes the selection (the site was a history entry), Forward brings it back.
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('logement'));
    expect(await page.getByRole('region', { name }).count()).toBe(0);
    await page.goForward();
    await page.getByRole('region', { name }).waitFor();
  });

  it('asks to sign in on a private page', async () => {
    const { page, baseUrl } = j;
    await page.goto(baseUrl + '/gestion');
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
  });

  it('loads every page with no console error and no CSP violation, under a CSP without unsafe-eval', async () => {
    const { page, baseUrl, context } = j;
    const res = await page.goto(baseUrl + '/');
    const csp = (await res!.allHeaders())['content-security-policy'];
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-eval/);
    j.errors.length = 0;
    const visit = async (path: string, heading: RegExp) => {
      await page.goto(baseUrl + path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForLoadState('networkidle');
    };
    await visit('/', /Logements pour internes/);
    await visit('/connexion', /Connexion/);
    await visit('/invitation/not-a-real-token-but-long-enough', /mot de passe/i);
    await signIn(page, baseUrl, 'staff@demo.test');
    await page.waitForURL(/appariement/);
    await visit('/equipe/appariement', /Affectations/);
    await visit('/equipe/indicateurs', /Indicateurs/);
    await visit('/gestion', /Mes logements/);
    await context.clearCookies();
    await signIn(page, baseUrl, 'intern@demo.test');
    await page.waitForURL(/interne/);
    await visit('/interne', /Mon stage/);
    expect(j.errors).toEqual([]);
  });
});
