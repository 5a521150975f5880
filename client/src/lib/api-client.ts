import type { z } from 'zod';
import i18n from './i18n.ts';
import { notify } from './notifications.ts';

/** An error answered by the API (`{error: {id, message, field?}}`) or a network failure (`id: 'network'`). */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly id: string,
    message: string,
    public readonly field?: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | undefined;
const unauthorizedListeners = new Set<() => void>();

/** Remembers the session's CSRF token, sent on every state-changing request. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called when any request answers 401 (session expired): the app drops the session once, here. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export interface RequestOptions<S extends z.ZodType | undefined> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** A body sent as is (a CSV file) instead of JSON. */
  rawBody?: { contentType: string; text: string };
  schema?: S;
  /** Do not show the error to the user (the caller shows it where it belongs). */
  silent?: boolean;
}

type Result<S> = S extends z.ZodType ? z.infer<S> : unknown;

/** Builds `/api/...` with a query string, skipping undefined values. */
export function apiUrl(path: string, query?: RequestOptions<undefined>['query']): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return `/api${path}${s ? `?${s}` : ''}`;
}

/** The message shown for an API error, in the reader's language. */
export function messageFor(err: ApiError): string {
  const key = `errors.${err.id}`;
  const generic = i18n.exists(key) ? i18n.t(key) : i18n.t('errors.internal');
  return err.id === 'validation' || err.id === 'conflict' ? `${generic} ${err.message}` : generic;
}

/**
 * The one way the client talks to the API: JSON in and out, the session cookie
 * and CSRF header, responses checked with a zod schema, errors turned into
 * `ApiError` and shown to the user, and 401 handled in one place.
 */
export async function api<S extends z.ZodType | undefined = undefined>(path: string, opts: RequestOptions<S> = {}): Promise<Result<S>> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.rawBody) headers['content-type'] = opts.rawBody.contentType;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.rawBody ? opts.rawBody.text : opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  } catch {
    const err = new ApiError(0, 'network', 'network error');
    if (!opts.silent) notify('error', i18n.t('errors.network'));
    throw err;
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const e = (data as { error?: { id?: string; message?: string; field?: string; details?: unknown } } | undefined)?.error;
    const err = new ApiError(res.status, e?.id ?? (res.status === 404 ? 'not_found' : 'internal'), e?.message ?? res.statusText, e?.field, e?.details);
    if (res.status === 401) unauthorizedListeners.forEach((l) => l());
    if (!opts.silent && res.status !== 401) notify('error', messageFor(err));
    throw err;
  }
  if (!opts.schema) return data as Result<S>;
  const parsed = opts.schema.safeParse(data);
  if (!parsed.success) {
    console.error(`unexpected answer from ${path}`, parsed.error.issues);
    if (!opts.silent) notify('error', i18n.t('errors.unexpected'));
    throw new ApiError(res.status, 'unexpected', parsed.error.message);
  }
  return parsed.data as Result<S>;
}
