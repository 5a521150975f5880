import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { start } from '../../../server/boot.ts';
import { loadConfig, type Config } from '../../../server/config.ts';
import { createLogger } from '../../../server/logger.ts';
import { optionalDependency } from '../../helpers/optional-dependency.ts';

/** Repository root. */
export const ROOT = path.resolve(import.meta.dirname, '../../..');
/** Debian's chromium, driven by playwright-core. */
export const CHROMIUM = '/usr/bin/chromium';
/** True when the browser is installed; journeys skip (with a message) otherwise, or fail with REQUIRE_CHROMIUM=1. */
export const HAS_CHROMIUM = optionalDependency({
  what: `Debian's chromium (${CHROMIUM})`,
  present: existsSync(CHROMIUM),
  how: 'apt-get install -y chromium',
  requireVar: 'REQUIRE_CHROMIUM',
  skipped: 'browser journeys',
});

/**
 * Where screenshots go: the committed docs/screenshots with UPDATE_SCREENSHOTS=1,
 * otherwise a temp folder, so a test run never dirties the checkout.
 */
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1'
  ? path.join(ROOT, 'docs/screenshots')
  : path.join(tmpdir(), 'internat-match-screenshots');
export const DEMO_PASSWORD = 'demo1234';

function newestMtime(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

/** Builds the client with Vite when `dist/client` is missing or older than its sources. */
export async function ensureClientBuilt(): Promise<void> {
  const index = path.join(ROOT, 'dist/client/index.html');
  const sources = Math.max(newestMtime(path.join(ROOT, 'client')), statSync(path.join(ROOT, 'vite.config.ts')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const { build } = await import('vite');
  // Vitest runs with NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(ROOT, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** A running app (real server, fresh seeded embedded database) and a browser locked to it. */
export interface Journey {
  baseUrl: string;
  /** The running server's config object: a journey may set a test hook on it (`matching.previewTestDelayMs`). */
  config: Config;
  context: BrowserContext;
  page: Page;
  /** Requests to other hosts that were blocked (tiles, fonts…). */
  blocked: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * Starts the real server in process (migrates, seeds demo data, serves the built
 * client) and a headless chromium that cannot reach anything but the app: every
 * other request (map tiles included) is aborted, so the offline base layer must
 * keep the map readable.
 */
export async function startJourney(opts: { withoutRoadNetwork?: boolean } = {}): Promise<Journey> {
  await ensureClientBuilt();
  const dbDir = mkdtempSync(path.join(tmpdir(), 'im-e2e-db-'));
  const profile = mkdtempSync(path.join(tmpdir(), 'im-e2e-chromium-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', PGLITE_DIR: dbDir, LOG_LEVEL: 'silent', NODE_ENV: 'test' });
  if (opts.withoutRoadNetwork) {
    // A deployment with no road network at all: drive times fall back to flagged straight-line estimates.
    const none = path.join(dbDir, 'no-roads');
    config.roads = { ...config.roads, network: undefined, roadsDir: none, sharedDemoNetwork: path.join(none, 'none.osm.pbf'), cacheDir: path.join(none, 'graphs') };
  }
  const { server, stop } = await start(config, createLogger('silent'));
  const address = server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  // The port is known only now: e-mailed links (APP_URL in a deployment) lead to this server.
  config.mail.appUrl = baseUrl;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 860 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const blocked: string[] = [];
  const errors: string[] = [];
  const origin = new URL(baseUrl).origin;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  // A blocked script-src eval (or any CSP violation) is reported by the browser outside the console API:
  // turn each into a console error so every journey's `errors` catches it.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/ERR_BLOCKED_BY_CLIENT|Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return {
    baseUrl,
    config,
    context,
    page,
    blocked,
    errors,
    async close() {
      await context.close().catch(() => undefined);
      await stop();
      rmSync(profile, { recursive: true, force: true });
      rmSync(dbDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login form as a demo account. */
export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/connexion`);
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).last().click();
}

/** Waits until the offline base layer has drawn outlines, so the map is readable with no tiles. */
export async function waitForReadableMap(page: Page): Promise<number> {
  await page.waitForFunction(() => document.querySelectorAll('.leaflet-overlay-pane path').length > 0, undefined, { timeout: 30_000 });
  return page.locator('.leaflet-overlay-pane path').count();
}

/** Writes a screenshot under SCREENSHOTS. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}
