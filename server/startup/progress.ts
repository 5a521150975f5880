import type { Logger } from '../logger.ts';

/** One phase of a long step: how far it is, out of what. */
export interface ProgressEvent {
  phase: string;
  done: number;
  total: number;
}

/** Where progress goes: a live bar on a terminal, or log lines for a file or a collector. */
export interface ProgressSink {
  /** A terminal to draw on (stderr), or undefined to log instead. */
  tty?: { write(text: string): unknown; columns?: number };
  logger: Logger;
  /** Clock, for tests. */
  now?: () => number;
}

/** "0.4 s", "12 s", "3 min 05 s". */
export function formatDuration(ms: number): string {
  if (ms < 9_950) return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/**
 * Reports the progress of a long step with an estimate of the time left in the current phase: a bar
 * redrawn in place on a terminal (at most 10 times a second), otherwise one log line per phase at its
 * start and then every 25 %. `finish()` ends the bar and logs the total time.
 */
export function createProgressReporter(title: string, sink: ProgressSink) {
  const now = sink.now ?? (() => performance.now());
  const started = now();
  let phase = '';
  let phaseStart = started;
  let lastDraw = -Infinity;
  let lastLoggedQuarter = -1;
  let drawn = false;

  const estimate = (fraction: number, elapsed: number) =>
    fraction >= 0.05 && fraction < 1 ? `, about ${formatDuration((elapsed * (1 - fraction)) / fraction)} left` : '';

  return {
    update(e: ProgressEvent): void {
      const t = now();
      if (e.phase !== phase) {
        if (drawn && sink.tty) sink.tty.write('\n');
        phase = e.phase;
        phaseStart = t;
        lastLoggedQuarter = -1;
        drawn = false;
      }
      const fraction = e.total > 0 ? Math.min(1, e.done / e.total) : 0;
      const left = estimate(fraction, t - phaseStart);
      if (sink.tty) {
        if (t - lastDraw < 100 && fraction < 1) return;
        lastDraw = t;
        const width = 24;
        const bar = '█'.repeat(Math.round(fraction * width)).padEnd(width, '░');
        const line = `${title}: ${phase.padEnd(10)} ${bar} ${String(Math.floor(fraction * 100)).padStart(3)} %${left}`;
        sink.tty.write(`\r${line.padEnd(Math.min(sink.tty.columns ?? 100, 110) - 1)}`);
        drawn = fraction < 1;
        if (!drawn) sink.tty.write('\n');
        return;
      }
      const quarter = Math.floor(fraction * 4);
      if (quarter === lastLoggedQuarter) return;
      lastLoggedQuarter = quarter;
      sink.logger.info({ phase, percent: Math.floor(fraction * 100) }, `${title}: ${phase} ${Math.floor(fraction * 100)} %${left}`);
    },
    /** Ends the bar (if any) and logs how long the whole step took. */
    finish(message: string): void {
      if (drawn && sink.tty) sink.tty.write('\n');
      drawn = false;
      sink.logger.info(`${message} in ${formatDuration(now() - started)}`);
    },
  };
}

/**
 * Runs a step that can take more than a second and says so: "label…" before, "label: done in 3 s"
 * after (or how it failed), so a first start never looks hung.
 */
export async function timedStep<T>(logger: Logger, label: string, fn: () => Promise<T>, now: () => number = () => performance.now()): Promise<T> {
  const t0 = now();
  logger.info(`${label}…`);
  const result = await fn();
  logger.info(`${label}: done in ${formatDuration(now() - t0)}`);
  return result;
}
