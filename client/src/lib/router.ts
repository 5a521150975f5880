import { createElement, useCallback, type AnchorHTMLAttributes } from 'react';
import { Link as WouterLink, useLocation, useSearchParams } from 'wouter';
import { navigate as browserNavigate } from 'wouter/use-browser-location';

/**
 * Routing on wouter (history API): every page, selected site and semester lives
 * in the address, so a link opens the same view and Back works. Pages read and
 * write their state with `useQueryParam` instead of `useState`.
 */
export { Redirect, Route, Switch, useLocation, useParams, useRoute } from 'wouter';

/** Goes to an in-app path (with its query string), adding a history entry unless `replace`. */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === window.location.pathname + window.location.search) return;
  browserNavigate(to, { replace: opts.replace });
  if (!opts.replace) window.scrollTo(0, 0);
}

/** The current path (without the query string). */
export function usePath(): string {
  return useLocation()[0];
}

/** An anchor that navigates in the app without reloading; marks the current page for assistive technology. */
export function Link({ href, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const [path] = useLocation();
  const current = path === href.split('?')[0];
  return createElement(WouterLink, { href, 'aria-current': current ? 'page' : undefined, ...rest });
}

/**
 * One query-string parameter as state: `[value, set]`. Setting it to the fallback
 * (or undefined) removes it from the address. `push` adds a history entry (a
 * selection the user may want to go Back from); otherwise the entry is replaced.
 */
export function useQueryParam(name: string, fallback: string): [string, (value: string | undefined, opts?: { push?: boolean }) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get(name) ?? fallback;
  const set = useCallback(
    (next: string | undefined, opts: { push?: boolean } = {}) => {
      setParams(
        (prev) => {
          const p = new URLSearchParams(prev);
          if (next === undefined || next === '' || next === fallback) p.delete(name);
          else p.set(name, next);
          return p;
        },
        { replace: !opts.push },
      );
    },
    [name, fallback, setParams],
  );
  return [value, set];
}

/** A numeric id in the query string (undefined when absent or not a positive integer). */
export function useQueryId(name: string): [number | undefined, (id: number | undefined, opts?: { push?: boolean }) => void] {
  const [raw, setRaw] = useQueryParam(name, '');
  const n = Number(raw);
  const id = Number.isInteger(n) && n > 0 ? n : undefined;
  const set = useCallback((next: number | undefined, opts?: { push?: boolean }) => setRaw(next === undefined ? undefined : String(next), opts), [setRaw]);
  return [id, set];
}
