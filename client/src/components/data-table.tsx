import type { ReactNode } from 'react';

/** One column of a DataTable: its header and how to draw a row's cell. */
export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

/**
 * A list as a table on wide screens and as stacked cards under 640 px: each
 * cell carries its column's header (`data-label`), which the phone layout
 * shows before the value. The first column is the row's header.
 */
export function DataTable<T>({ caption, columns, rows, rowKey, selected }: { caption: string; columns: Column<T>[]; rows: T[]; rowKey: (row: T) => string | number; selected?: string | number }) {
  const [head, ...rest] = columns;
  return (
    <table className="board stack">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col">{c.header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={rowKey(r)} className={rowKey(r) === selected ? 'selected' : undefined}>
            <th scope="row" data-label={head.header}>{head.cell(r)}</th>
            {rest.map((c) => (
              <td key={c.header} data-label={c.header}>{c.cell(r)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A search field whose value lives in the address (`?q=`), so a filtered list can be linked. */
export function SearchBox({ label, value, onChange }: { label: string; value: string; onChange: (q: string) => void }) {
  return (
    <label className="search">
      {label}
      <input type="search" value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/** True when `text` contains every word of `query`, ignoring case and accents. */
export function matchesSearch(query: string, ...text: (string | null | undefined)[]): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
  const hay = fold(text.filter(Boolean).join(' '));
  return fold(query).split(/\s+/).filter(Boolean).every((w) => hay.includes(w));
}

/**
 * A wide table whose rows draw themselves (several per item, row actions, their own classes): the
 * scrolling wrapper, the `board` table and one header cell per column, so each board does not repeat them.
 */
export function BoardTable({ headers, children }: { headers: string[]; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="board">
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
