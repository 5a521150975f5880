import { useSyncExternalStore } from 'react';

/** A message shown briefly to the user (errors from the API client, confirmations from forms). */
export interface Notice {
  id: number;
  kind: 'error' | 'success' | 'info';
  text: string;
}

let notices: Notice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** Shows a notice; errors stay until dismissed, others fade after a few seconds. */
export function notify(kind: Notice['kind'], text: string): void {
  const n = { id: nextId++, kind, text };
  notices = [...notices.filter((x) => x.text !== text), n].slice(-4);
  emit();
  if (kind !== 'error') setTimeout(() => dismiss(n.id), 5000);
}

/** Removes a notice. */
export function dismiss(id: number): void {
  notices = notices.filter((n) => n.id !== id);
  emit();
}

/** The notices currently shown, for the toast region. */
export function useNotices(): Notice[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => notices,
  );
}
