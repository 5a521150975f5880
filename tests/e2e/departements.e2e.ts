import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, signIn, startJourney, type Journey } from './support/app.ts';

// Scoping by département, seen in the back office's interns list: Loir-et-Cher's officer does not
// see Indre's interns, Indre's officer does (and not Loir-et-Cher's), the national admin sees both.
describe.skipIf(!HAS_CHROMIUM)('départements journey', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  }, 600_000); // may build the client and the road graph first
  afterAll(async () => {
    await j?.close();
  });

  const LOIR = 'Léa Bernard'; // placed in Vendôme (41)
  const INDRE = 'Agathe Vasseur'; // placed in Le Blanc (36)

  /** Signs in afresh and opens the interns list; resolves once `expected` shows (the list is loaded). */
  async function internsAs(email: string, expected: string) {
    const { page, baseUrl } = j;
    await page.context().clearCookies();
    await signIn(page, baseUrl, email);
    await page.waitForURL(`${baseUrl}/equipe/appariement`);
    await page.goto(`${baseUrl}/equipe/internes`);
    await page.getByRole('heading', { level: 1, name: 'Internes' }).waitFor();
    await page.getByRole('button', { name: expected, exact: true }).first().waitFor();
    return (name: string) => page.getByRole('button', { name, exact: true }).count();
  }

  it("Loir-et-Cher's officer sees Loir-et-Cher's interns and none of Indre's, even by address", async () => {
    const count = await internsAs('staff@demo.test', LOIR);
    expect(await count(INDRE)).toBe(0);
    const indreId = await j.page.evaluate(async (name) => {
      const r = await fetch('/api/interns');
      return ((await r.json()).interns as { name: string }[]).some((i) => i.name === name);
    }, INDRE);
    expect(indreId).toBe(false);
  });

  it("Indre's officer sees Indre's interns and none of Loir-et-Cher's", async () => {
    const count = await internsAs('staff-indre@demo.test', INDRE);
    expect(await count(LOIR)).toBe(0);
  });

  it('the national admin sees both départements', async () => {
    const count = await internsAs('admin@demo.test', INDRE);
    await j.page.getByRole('button', { name: LOIR, exact: true }).first().waitFor();
    expect(await count(LOIR)).toBeGreaterThan(0);
  });
});
