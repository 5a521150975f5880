import { SMTPServer } from 'smtp-server';
import PostalMime from 'postal-mime';

/** One message as the listener received and parsed it. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  headers: Record<string, string>;
}

/** A real SMTP server on loopback that keeps what it receives; `refuseNext(n)` answers the next n messages with a 451. */
export interface SmtpListener {
  url: string;
  received: ReceivedMail[];
  refuseNext(n: number): void;
  /** Resolves once `n` messages have been received in all. */
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** Starts an smtp-server listener on 127.0.0.1 (no TLS, no auth): the mail worker's tests talk to it for real. */
export async function startSmtpListener(): Promise<SmtpListener> {
  const received: ReceivedMail[] = [];
  let refuse = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        if (refuse > 0) {
          refuse--;
          const err = Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 });
          callback(err);
          return;
        }
        const parsed = await PostalMime.parse(Buffer.concat(chunks));
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          headers: Object.fromEntries(parsed.headers.map((h) => [h.key, h.value])),
        });
        for (const w of waiters.filter((w) => received.length >= w.n)) w.resolve();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext: (n) => void (refuse = n),
    waitFor(n, timeoutMs = 5000) {
      if (received.length >= n) return Promise.resolve(received);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`expected ${n} messages, received ${received.length}`)), timeoutMs);
        waiters.push({ n, resolve: () => (clearTimeout(t), resolve(received)) });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
