import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, BusyError, ConflictError, NotFoundError, RateLimitError, ServiceUnavailableError, ValidationError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { redactApiKey } from './ors-api-key.ts';

/** Finds a PostgreSQL SQLSTATE or constraint name anywhere in a driver/Prisma error chain. */
function dbErrorInfo(err: unknown): { code?: string; sqlState?: string; kind?: string; sysCode?: string; text: string } {
  const seen = new Set<unknown>();
  let code: string | undefined;
  let sqlState: string | undefined;
  let kind: string | undefined;
  let sysCode: string | undefined;
  const texts: string[] = [];
  const walk = (e: unknown, depth: number) => {
    if (!e || typeof e !== 'object' || seen.has(e) || depth > 6) return;
    seen.add(e);
    const o = e as Record<string, unknown>;
    if (typeof o.code === 'string') {
      if (/^P\d{4}$/.test(o.code)) code ??= o.code;
      else if (/^[0-9A-Z]{5}$/.test(o.code)) sqlState ??= o.code;
      else if (/^E[A-Z]+$/.test(o.code)) sysCode ??= o.code;
    }
    if (typeof o.kind === 'string') kind ??= o.kind;
    if (typeof o.originalCode === 'string') sqlState ??= o.originalCode;
    if (typeof o.message === 'string') texts.push(o.message);
    if (typeof o.originalMessage === 'string') texts.push(o.originalMessage);
    for (const k of ['cause', 'meta', 'driverAdapterError']) walk(o[k], depth + 1);
  };
  walk(err, 0);
  return { code, sqlState, kind, sysCode, text: texts.join(' | ') };
}

/** Driver-adapter kinds, SQLSTATE classes and socket codes that mean "the database cannot be reached right now". */
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'DatabaseDoesNotExist']);
// P2028: a transaction could not start in time (no free connection in the pool).
const UNAVAILABLE_PRISMA = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
const UNAVAILABLE_SYS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const UNAVAILABLE_TEXT = /is not currently accepting connections|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|Unable to start a transaction in the given time|Transaction already closed|Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Can't reach database server|Client was closed and is not queryable|Cannot use a pool after calling end/i;

/** Maps database errors to the app's error family (or undefined if not one). */
export function translateDbError(err: unknown): AppError | undefined {
  const { code, sqlState, kind, sysCode, text } = dbErrorInfo(err);
  if (
    (kind && UNAVAILABLE_KINDS.has(kind)) ||
    (code && UNAVAILABLE_PRISMA.has(code)) ||
    (sysCode && UNAVAILABLE_SYS.has(sysCode)) ||
    (sqlState && (sqlState.startsWith('08') || sqlState === '57P01' || sqlState === '57P02' || sqlState === '57P03' || sqlState === '53300')) ||
    UNAVAILABLE_TEXT.test(text)
  ) {
    return new ServiceUnavailableError('The database is unavailable right now; the service retries by itself, try again in a few seconds');
  }
  if (/AvailabilityWindow_room_no_overlap/.test(text)) {
    return new ConflictError('This period overlaps another availability window of this room');
  }
  if (sqlState === '23P01' || /no_overlap|conflicting key value violates exclusion constraint|ExclusionConstraint/i.test(text)) {
    return new ConflictError('This bed or intern is already booked for overlapping dates');
  }
  if (code === 'P2002' || sqlState === '23505') return new ConflictError('A record with the same unique value already exists');
  if (code === 'P2025') return new NotFoundError('Record not found');
  if (code === 'P2003' || sqlState === '23503') return new ValidationError('A referenced record does not exist');
  if (sqlState === '23514' || code === 'P2004') return new ValidationError('A value is out of its allowed range');
  // Data exceptions (class 22: out-of-range numbers or dates, NUL bytes, over-long text) are bad input
  // that a route's schema should have refused first; never a 500.
  if (sqlState?.startsWith('22') || code === 'P2000' || code === 'P2006' || code === 'P2007' || code === 'P2020' || code === 'P2033') {
    return new ValidationError('A value is outside what the database can store');
  }
  if (sqlState === '40001' || sqlState === '40P01' || code === 'P2034') {
    return new ConflictError('Another change happened at the same time; try again');
  }
  return undefined;
}

let lastUnavailableLog = 0;

/** The one error middleware: typed errors keep their status; everything else is an opaque 500. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let appErr: AppError | undefined = err instanceof AppError ? err : translateDbError(err);
    if (!appErr && err?.type === 'entity.too.large') appErr = new AppError(413, 'too_large', 'Request body is too large');
    if (!appErr && err?.type === 'entity.parse.failed') appErr = new ValidationError('Request body is not valid JSON', 'body');
    if (!appErr && typeof err?.status === 'number' && err.status >= 400 && err.status < 500) {
      appErr = new AppError(err.status, 'bad_request', 'Bad request');
    }
    if (!appErr) {
      logger.error({ err, method: req.method, url: redactApiKey(req.originalUrl) }, 'unhandled error');
      res.status(500).json({ error: { id: 'internal', message: 'Internal error' } });
      return;
    }
    if (appErr instanceof RateLimitError || appErr instanceof ServiceUnavailableError || appErr instanceof BusyError) res.setHeader('Retry-After', String(appErr.retryAfterSeconds));
    if (appErr instanceof ServiceUnavailableError && Date.now() - lastUnavailableLog > 10_000) {
      lastUnavailableLog = Date.now();
      logger.warn({ method: req.method, url: redactApiKey(req.originalUrl), err }, 'database unavailable (logged at most every 10 s)');
    }
    const body: Record<string, unknown> = { id: appErr.id, message: appErr.message };
    if (appErr.field) body.field = appErr.field;
    if (appErr.details !== undefined) body.details = appErr.details;
    res.status(appErr.status).json({ error: body });
  };
}

/** 404 for unknown API paths (the SPA fallback must not swallow them). */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`No route for ${req.method} ${req.path}`));
};
