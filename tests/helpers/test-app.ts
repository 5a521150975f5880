import { afterAll, beforeAll } from 'vitest';
import { openTestDatabase } from './test-db.ts';
import type { Server } from 'node:http';
import type { Router } from 'express';
import { createApp } from '../../server/app.ts';
import type { WorkerPool } from '../../server/workers/worker-pool.ts';
import { listen } from '../../server/http-server.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import type { AppContext } from '../../server/context.ts';
import type { Database } from '../../server/db/connect.ts';
import { createLogger } from '../../server/logger.ts';
import type { DriveTimeProvider } from '../../server/routing/provider.ts';
import { straightLineTestProvider } from './fake-drive-times.ts';

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A tiny HTTP client with a cookie jar, talking to the real app over loopback. */
export class TestClient {
  private cookies = new Map<string, string>();
  csrfToken?: string;
  constructor(public readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body !== undefined && typeof body !== 'string') h['content-type'] ??= 'application/json';
    if (this.csrfToken && !['GET', 'HEAD', 'OPTIONS'].includes(method)) h['x-csrf-token'] ??= this.csrfToken;
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: h,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body ?? {});
  }
  put<T = any>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body ?? {});
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }
}

export interface TestApp {
  ctx: AppContext;
  server: Server;
  baseUrl: string;
  /** A new client with its own cookie jar. */
  client(): TestClient;
  close(): Promise<void>;
}

/** Starts the real app on an ephemeral loopback port over the given database. */
export async function startTestApp(
  db: Database,
  opts: { provider?: DriveTimeProvider; env?: Record<string, string>; ors?: Router; workers?: WorkerPool; stopping?: AbortSignal } = {},
): Promise<TestApp> {
  const config: Config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...opts.env });
  const logger = createLogger('silent');
  const provider = opts.provider ?? straightLineTestProvider();
  const ctx: AppContext = { config, db, logger, driveTimes: { provider, description: provider.name }, workers: opts.workers, stopping: opts.stopping };
  const app = createApp(ctx, { ors: opts.ors });
  const server = await listen(app, 0, '127.0.0.1');
  const addr = server.address();
  const baseUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return {
    ctx,
    server,
    baseUrl,
    client: () => new TestClient(baseUrl),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Signs a client in through the real endpoint and keeps its CSRF token, so
 * later state-changing requests pass. Throws with the response when refused.
 */
export async function signIn(client: TestClient, email: string, password: string): Promise<any> {
  const res = await client.post('/api/session', { email, password });
  if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  client.csrfToken = res.body.csrfToken;
  return res.body.user;
}

/**
 * The usual test-file setup: a migrated database and the real app on it for
 * the whole file, both closed afterwards. `bind` receives them once ready and
 * may go on with the file's own async setup (sign in, seed…).
 */
export function useTestApp(
  bind: (t: { db: Database; app: TestApp }) => unknown,
  opts?: Parameters<typeof startTestApp>[1],
): void {
  let db: Database | undefined;
  let app: TestApp | undefined;
  beforeAll(async () => {
    db = await openTestDatabase();
    app = await startTestApp(db, opts);
    await bind({ db, app });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });
}
