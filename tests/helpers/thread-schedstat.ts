import { readFileSync } from 'node:fs';

/**
 * The calling thread's time on a CPU and waiting in the kernel's run queue, ms (Linux
 * `/proc/thread-self/schedstat`), or undefined elsewhere. On a shared machine the slow answers of
 * the request thread are mostly waits for a core; subtracting the run-queue wait leaves the delay
 * the process itself caused.
 */
export function threadSchedstat(): { cpuMs: number; waitMs: number } | undefined {
  try {
    const [cpu, wait] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
    if (!Number.isFinite(cpu) || !Number.isFinite(wait)) return undefined;
    return { cpuMs: cpu / 1e6, waitMs: wait / 1e6 };
  } catch {
    return undefined;
  }
}
