import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/** Options of {@link createLogger}; the defaults suit tests and scripts (JSON lines). */
export interface LoggerOptions {
  /** `pretty` for people (colours, local time, one line each), `json` for machines. */
  format?: 'pretty' | 'json';
}

/**
 * The app's structured logger: JSON lines on stdout for log collectors, or pino-pretty's
 * human-readable lines in a terminal. Both are synchronous, so nothing is lost on exit.
 */
export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  const opts = { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime };
  if (options.format !== 'pretty') return pino(opts);
  return pino(opts, pretty({ sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', singleLine: false }));
}

/** `auto` → pretty when stdout is a terminal, JSON otherwise. */
export function resolveLogFormat(format: 'auto' | 'pretty' | 'json', isTTY = Boolean(process.stdout.isTTY)): 'pretty' | 'json' {
  return format === 'auto' ? (isTTY ? 'pretty' : 'json') : format;
}
