import { pino, type Logger } from 'pino';

export type { Logger };

/** The app's structured logger (JSON lines on stdout). */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}
