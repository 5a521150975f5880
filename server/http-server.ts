import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Express } from 'express';

/** What Node's HTTP parser refuses before express sees the request, answered in the API's error shape. */
function clientErrorResponse(code: string | undefined): { status: number; reason: string; id: string; message: string } {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return { status: 431, reason: 'Request Header Fields Too Large', id: 'too_large', message: 'The request line or headers are too large (over 16 KB): shorten the query string' };
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, reason: 'Request Timeout', id: 'timeout', message: 'The request took too long to arrive' };
  return { status: 400, reason: 'Bad Request', id: 'bad_request', message: 'The request is not valid HTTP' };
}

/**
 * Replaces Node's bare answers to malformed requests (an empty 431 for a
 * query string over 16 KB, an empty 400) with JSON bodies in the error shape.
 */
export function answerClientErrorsAsJson(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const r = clientErrorResponse(err.code);
    const body = JSON.stringify({ error: { id: r.id, message: r.message } });
    socket.end(
      `HTTP/1.1 ${r.status} ${r.reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

/**
 * Listens on port/host with the app, with JSON answers to malformed requests.
 * Idle keep-alive connections stay open 65 s (Node's default is 5 s): longer
 * than a load balancer's usual 60 s, so the server never closes a connection
 * at the moment a proxy or client reuses it (a reset seen as a 502 or a failed fetch).
 */
export function listen(app: Express, port: number, host: string): Promise<Server> {
  return new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host, () => resolve(s));
    s.keepAliveTimeout = 65_000;
    s.headersTimeout = 66_000;
    answerClientErrorsAsJson(s);
    s.on('error', reject);
  });
}
