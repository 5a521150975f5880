/**
 * Calls `onExit` once when the process that started this one goes away (its pid changes when we are
 * re-parented), checked every `intervalMs`. `npm start` killed with SIGKILL, or a shell that dies
 * without passing the signal on, would otherwise leave the server running with the database locked.
 * Nothing is watched when the parent is already init (pid 1: a service manager or a container).
 */
export function onParentExit(onExit: () => void, intervalMs = 1000): () => void {
  const parent = process.ppid;
  if (parent <= 1) return () => {};
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onExit();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
