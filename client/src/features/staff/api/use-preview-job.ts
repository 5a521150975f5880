import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../lib/api-client.ts';
import { cancelPreviewJob } from './cancel-preview-job.ts';
import { getMatchingPreviewRun } from './get-matching-run.ts';
import { getPreviewJob } from './get-preview-job.ts';
import type { Preview } from './matching-schema.ts';
import type { PreviewJob } from './preview-job-schema.ts';
import { startPreviewJob } from './start-preview-job.ts';

/** How often a running job is read again, ms. */
const POLL_MS = 500;

/**
 * A matching preview run as a server job: `start` launches it, `job` is the
 * running job (its step and elapsed time, read every half second), `cancel`
 * stops it. When it ends, `onDone` receives the stored preview, or `onFailed`
 * the API error it ended with; a cancelled job calls neither.
 */
export function usePreviewJob(handlers: { onDone: (p: Preview) => void; onFailed: (e: unknown) => void }) {
  const [job, setJob] = useState<PreviewJob | null>(null);
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const latest = useRef(handlers);
  latest.current = handlers;
  const jobId = job?.jobId;

  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    const timer = setTimeout(async () => {
      try {
        const next = await getPreviewJob(jobId);
        if (stopped) return;
        if (next.status === 'running') return setJob(next);
        if (next.status === 'done' && next.runId !== null) {
          const preview = await getMatchingPreviewRun(next.runId);
          if (stopped) return;
          setJob(null);
          latest.current.onDone(preview);
        } else {
          setJob(null);
          const e = next.error;
          if (next.status === 'failed' && e) latest.current.onFailed(new ApiError(e.status, e.id, e.message, e.field ?? undefined, e.details));
        }
      } catch (e) {
        if (stopped) return;
        setJob(null);
        latest.current.onFailed(e);
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId, job]);

  const start = useCallback(async (input: { semester: string; limitMinutes?: number }) => {
    setStarting(true);
    try {
      setJob(await startPreviewJob(input));
    } catch {
      /* the API client has shown the error */
    } finally {
      setStarting(false);
    }
  }, []);

  /** Stops the running job; resolves true once the server has cancelled it. */
  const cancel = useCallback(async () => {
    if (!jobId) return false;
    setCancelling(true);
    try {
      const after = await cancelPreviewJob(jobId);
      // Finished just before the cancel arrived: the next read shows its outcome.
      if (after.status !== 'cancelled') {
        setJob(after);
        return false;
      }
      setJob(null);
      return true;
    } catch {
      return false;
    } finally {
      setCancelling(false);
    }
  }, [jobId]);

  return { job, running: starting || job !== null, cancelling, start, cancel };
}
