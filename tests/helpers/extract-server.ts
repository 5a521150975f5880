import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';

/**
 * A loopback HTTP server publishing files and their `.md5` as Geofabrik does (ETag, Range, If-Range),
 * for the roads:fetch tests; it can cut a response short or corrupt it, and records what it was asked.
 */
export interface ExtractServer {
  url: string;
  /** Requests seen: path and Range header. */
  requests: { path: string; range?: string }[];
  /** Cut the next response of a file after this many bytes (connection dropped). */
  cutNextAfter?: number;
  /** Serve these bytes instead of the file (the published MD5 stays the file's). */
  corrupt?: Buffer;
  close(): Promise<void>;
}

/** Serves `files` (name → bytes) on 127.0.0.1 with an ephemeral port. */
export async function startExtractServer(files: Record<string, Buffer>): Promise<ExtractServer> {
  const state: ExtractServer = { url: '', requests: [], close: async () => {} };
  const server: Server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').slice(1));
    state.requests.push({ path: `/${name}`, range: req.headers.range });
    if (name.endsWith('.md5') && files[name.slice(0, -4)]) {
      res.end(`${createHash('md5').update(files[name.slice(0, -4)]).digest('hex')}  ${name.slice(0, -4)}\n`);
      return;
    }
    const original = files[name];
    if (!original) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    const body = state.corrupt ?? original;
    const etag = `"${createHash('md5').update(body).digest('hex').slice(0, 16)}"`;
    res.setHeader('etag', etag);
    res.setHeader('accept-ranges', 'bytes');
    let start = 0;
    const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    if (m && (!req.headers['if-range'] || req.headers['if-range'] === etag)) {
      start = Number(m[1]);
      if (start >= body.length) {
        res.statusCode = 416;
        res.end();
        return;
      }
      res.statusCode = 206;
      res.setHeader('content-range', `bytes ${start}-${body.length - 1}/${body.length}`);
    }
    res.setHeader('content-length', body.length - start);
    const slice = body.subarray(start);
    if (state.cutNextAfter !== undefined) {
      const cut = state.cutNextAfter;
      state.cutNextAfter = undefined;
      res.write(slice.subarray(0, cut), () => res.destroy());
      return;
    }
    res.end(slice);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  state.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  state.close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return state;
}
