// Preloaded into the server by `npm run bench:load -- --probe` (node --import): reports on stderr, as JSON
// lines, every pause of its main thread's event loop of 10 ms or more — with how much of it the thread
// spent on a CPU and waiting for one (Linux /proc/thread-self/schedstat; the rest it was blocked) — and
// every garbage collection of 1 ms or more, with wall-clock times, so the bench can say what a slow
// request waited for. Main thread only; nothing is read or changed in the app.
import { readFileSync } from 'node:fs';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  const now = () => performance.timeOrigin + performance.now();
  const sched = () => {
    try {
      const [cpu, wait] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
      return { cpu: cpu / 1e6, wait: wait / 1e6 };
    } catch {
      return { cpu: Number.NaN, wait: Number.NaN };
    }
  };
  const write = (o) => process.stderr.write(`${JSON.stringify({ probe: o.kind, ...o })}\n`);
  // perf_hooks gc kinds: 1 minor (scavenge), 4 major (mark-compact), 8 incremental marking, 16 weak callbacks.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.duration >= 1) write({ kind: 'gc', at: Math.round(performance.timeOrigin + e.startTime), ms: +e.duration.toFixed(1), gc: e.detail?.kind });
    }
  }).observe({ entryTypes: ['gc'] });
  const tick = 5;
  let last = now();
  let s0 = sched();
  setInterval(() => {
    const t = now();
    const s = sched();
    const lag = t - last - tick;
    if (lag >= 10) write({ kind: 'stall', at: Math.round(last), ms: +lag.toFixed(1), cpu: +(s.cpu - s0.cpu).toFixed(1), wait: +(s.wait - s0.wait).toFixed(1) });
    last = t;
    s0 = s;
  }, tick).unref();
}
