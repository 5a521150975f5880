import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { errorHandler } from './error-handler.ts';
import { apiKeyOf, redactApiKey } from './ors-api-key.ts';

describe('reading and hiding API keys', () => {
  const req = (headers: Record<string, string>, query: Record<string, unknown> = {}) =>
    ({ get: (n: string) => headers[n.toLowerCase()], query }) as unknown as express.Request;

  it('reads the key from the Authorization header first (raw, or after Bearer), else from api_key', () => {
    expect(apiKeyOf(req({ authorization: 'abc' }, { api_key: 'other' }))).toBe('abc');
    expect(apiKeyOf(req({ authorization: 'Bearer abc ' }))).toBe('abc');
    expect(apiKeyOf(req({}, { api_key: 'xyz' }))).toBe('xyz');
    expect(apiKeyOf(req({}, { api_key: ['a', 'b'] }))).toBe('');
    expect(apiKeyOf(req({}))).toBeUndefined();
  });

  it('replaces api_key values in a URL', () => {
    expect(redactApiKey('/ors/v2/matrix/driving-car?api_key=s3cret&x=1')).toBe('/ors/v2/matrix/driving-car?api_key=[redacted]&x=1');
    expect(redactApiKey('/ors/x?a=1&API_KEY=s3cret#f')).toBe('/ors/x?a=1&API_KEY=[redacted]#f');
    expect(redactApiKey('/api/sites?q=api_key')).toBe('/api/sites?q=api_key');
  });

  it('keeps a key sent in the query string out of the error log', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }));
    const app = express();
    app.get('/ors/boom', () => {
      throw new Error('boom');
    });
    app.use(errorHandler(logger));
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/ors/boom?api_key=s3cret-key-value`);
      expect(res.status).toBe(500);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
    const log = lines.join('');
    expect(log).toContain('unhandled error');
    expect(log).toContain('api_key=[redacted]');
    expect(log).not.toContain('s3cret-key-value');
  });
});
