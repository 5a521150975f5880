import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, SCREENSHOTS, signIn, startJourney, type Journey } from './support/app.ts';

const FSIM = 'FSIM — Fonds de soutien à l’installation des médecins (Loir-et-Cher)';
const IFH = 'Indemnité forfaitaire d’hébergement';

/** Closes the notices, so they do not cover what a screenshot shows. */
async function dismissToasts(j: Journey) {
  for (const close of await j.page.locator('.toast button').all()) await close.click().catch(() => undefined);
}

/** A screenshot of the screen with `selector` scrolled to its top (the aid section, the register in the panel), under SCREENSHOTS. */
async function shoot(j: Journey, selector: string, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await dismissToasts(j);
  await j.page.locator(selector).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await j.page.waitForTimeout(400);
  await j.page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

// Aid: Léa Bernard (placed at the MSP de Vendôme, Loir-et-Cher) sees what she may claim and why,
// answers the housing-aid question (the flat allowance becomes a conflict), Loir-et-Cher's staff
// record her FSIM in the register, and she then reads it as granted.
describe.skipIf(!HAS_CHROMIUM)('aid journey', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  }, 600_000);
  afterAll(async () => {
    await j?.close();
  });

  const scheme = (name: string) => j.page.getByRole('region', { name: 'Mes aides' }).locator('li.aid-scheme').filter({ hasText: name });

  it('shows the intern each scheme with its amount and reasons, and flags the conflict with housing aid', async () => {
    const { page, baseUrl } = j;
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, baseUrl, 'intern@demo.test');
    await page.waitForURL(`${baseUrl}/interne`);
    const section = page.getByRole('region', { name: 'Mes aides' });
    await section.waitFor();
    await scheme(FSIM).waitFor();
    expect(await scheme(FSIM).getAttribute('data-status')).toBe('eligible');
    expect(await scheme(FSIM).textContent()).toMatch(/1\s800\s€.*Stage dans le département 41.*Stage de 6 mois/);
    // MSP de Vendôme is in an under-served zone (demo): the flat allowance waits for her answer.
    expect(await scheme(IFH).getAttribute('data-status')).toBe('to_confirm');
    expect(await scheme(IFH).textContent()).toMatch(/900\s€.*150\s€ par mois, 6 mois/);
    // The kilometre allowance reads the road distance from Tours.
    const kmScheme = scheme('Indemnité kilométrique (démo)');
    expect(await kmScheme.textContent()).toMatch(/\d+ km par la route depuis Tours/);

    await section.getByRole('group', { name: /Percevez-vous une aide publique au logement/ }).getByLabel('Oui').check();
    await page.getByRole('status').filter({ hasText: 'Réponse enregistrée.' }).waitFor();
    await page.waitForFunction((name) => [...document.querySelectorAll('li.aid-scheme')].some((li) => li.textContent?.includes(name) && li.getAttribute('data-status') === 'conflict'), IFH);
    expect(await scheme(IFH).textContent()).toContain('Non cumulable avec l’aide publique au logement');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shoot(j, 'section.my-aid', 'aid-intern');
    await page.setViewportSize({ width: 1280, height: 860 });
    expect(j.errors).toEqual([]);
  });

  it("lets Loir-et-Cher's staff record her FSIM, amount prefilled from the estimate, and list it in « Aides »", async () => {
    const { page, baseUrl } = j;
    await page.context().clearCookies();
    await signIn(page, baseUrl, 'staff@demo.test');
    await page.waitForURL(`${baseUrl}/equipe/appariement`);
    const lea = await page.evaluate(async () => ((await (await fetch('/api/interns')).json()).interns as { id: number; name: string }[]).find((i) => i.name === 'Léa Bernard')!.id);
    await page.goto(`${baseUrl}/equipe/internes?id=${lea}`);
    const register = page.getByRole('region', { name: 'Aides accordées' });
    await register.getByText('Aucune aide enregistrée.').waitFor();
    await register.getByText('Enregistrer une aide').click();
    const form = register.getByRole('form', { name: 'Enregistrer une aide' });
    // The estimate loads with the panel: wait for it so the amount is prefilled.
    await register.getByText('Aides possibles').click();
    await register.locator('li.aid-scheme').filter({ hasText: FSIM }).waitFor();
    await form.getByLabel('Dispositif').selectOption({ label: FSIM });
    expect(await form.getByLabel('Montant (€)').inputValue()).toBe('1800');
    await form.getByLabel('Date').fill('2027-05-03');
    await form.getByLabel('Note').fill('Virement du Conseil départemental');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('status').filter({ hasText: 'Aide enregistrée.' }).waitFor();
    const row = register.locator('li[data-grant]').filter({ hasText: FSIM });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/1\s800\s€.*3 mai 2027.*Virement du Conseil départemental/);
    await shoot(j, 'section.intern-aid', 'aid-staff-register');

    await page.goto(`${baseUrl}/equipe/aides`);
    await page.getByRole('heading', { level: 1, name: 'Aides' }).waitFor();
    const table = page.getByRole('table', { name: 'Registre des aides accordées' });
    await table.locator('tbody tr').filter({ hasText: 'Léa Bernard' }).waitFor();
    expect(await table.locator('tbody tr').filter({ hasText: 'Léa Bernard' }).textContent()).toMatch(/FSIM.*1\s800\s€.*3 mai 2027/);
    // The demo's two earlier FSIM grants and hers: 5 400 € in all.
    expect(await page.locator('.aid-total').textContent()).toMatch(/5\s400\s€ \(3 aides\)/);
    await page.setViewportSize({ width: 366, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(366);
    await page.setViewportSize({ width: 1280, height: 860 });
    await shoot(j, 'main', 'aid-register');

    // The kilometre allowance's rate table is configured on the scheme: 30–60 km goes from 50 € to 60 € a month.
    const km = page.getByRole('region', { name: 'Dispositifs' }).locator('li.card').filter({ hasText: 'Indemnité kilométrique (démo)' });
    await km.getByText('de 30 à 60 km : 50 € par mois').waitFor();
    await km.getByText('Modifier').click();
    const schemeForm = km.getByRole('form', { name: 'Modifier Indemnité kilométrique (démo)' });
    await schemeForm.getByLabel('€ par mois').first().fill('60');
    await schemeForm.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('status').filter({ hasText: 'Dispositif enregistré.' }).waitFor();
    await km.getByText('de 30 à 60 km : 60 € par mois').waitFor();

    // A scheme of their own département: a driving-licence help, 500 € once.
    const schemes = page.getByRole('region', { name: 'Dispositifs' });
    await schemes.getByText('Nouveau dispositif').click();
    const create = schemes.getByRole('form', { name: 'Nouveau dispositif' });
    await create.getByLabel('Nom').fill('Aide au permis de conduire');
    await create.getByLabel('Code (unique)').fill('permis-41');
    await create.getByLabel('Département (code ; vide : national)').fill('41');
    await create.getByLabel('Montant (€)').fill('500');
    await create.getByRole('button', { name: 'Créer le dispositif' }).click();
    await page.getByRole('status').filter({ hasText: 'Dispositif enregistré.' }).last().waitFor();
    await schemes.locator('li.card').filter({ hasText: 'Aide au permis de conduire' }).getByText('500 € une fois par stage').waitFor();
    expect(j.errors).toEqual([]);
  });

  it('shows the intern her FSIM as granted', async () => {
    const { page, baseUrl } = j;
    await page.context().clearCookies();
    await signIn(page, baseUrl, 'intern@demo.test');
    await page.waitForURL(`${baseUrl}/interne`);
    await scheme(FSIM).waitFor();
    expect(await scheme(FSIM).getAttribute('data-status')).toBe('granted');
    expect(await scheme(FSIM).textContent()).toMatch(/Accordée : 1\s800\s€ le 3 mai 2027/);
    expect(j.errors).toEqual([]);
  });
});
