import { useQueryParam } from '../../../lib/router.ts';

/** The value of `?id=` that opens the creation form. */
export const NEW = 'nouveau';

/**
 * The item a back-office page shows in its panel, kept in the address (`?id=12`
 * or `?id=nouveau`), so a link opens the same item and Back closes it.
 */
export function useSelection() {
  const [raw, setRaw] = useQueryParam('id', '');
  const n = Number(raw);
  const id = Number.isInteger(n) && n > 0 ? n : undefined;
  return {
    id,
    creating: raw === NEW,
    open: (next: number | typeof NEW) => setRaw(String(next), { push: true }),
    /** Shows the item just created in place of the creation form (Back does not reopen an empty form). */
    created: (next: number) => setRaw(String(next)),
    close: () => setRaw(undefined, { push: true }),
  };
}

/** The page's search text, in the address (`?q=`); typing replaces the history entry. */
export function useSearch(): [string, (q: string) => void] {
  const [q, setQ] = useQueryParam('q', '');
  return [q, (next) => setQ(next)];
}

/** Euros typed by a person ("150", "150,50") as cents; null when empty, NaN when not a number. */
export function centsOf(text: string): number | null {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? Math.round(n * 100) : NaN;
}

/** A number typed by a person (comma or dot), NaN when not one. */
export function numberOf(text: string): number {
  return Number(text.trim().replace(',', '.'));
}
