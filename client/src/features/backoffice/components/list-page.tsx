import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, SearchBox, type Column } from '../../../components/data-table.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { NEW, useSelection } from './use-selection.ts';

/** The panel beside the list: the selected item, or the creation form. */
export interface ListPanel {
  /** Id of the panel's heading (the section is labelled by it). */
  id: string;
  title: string;
  body: ReactNode;
}

/**
 * The scaffold every back-office list page shares: title, search (and the page's own filters), a "new" button,
 * the list as a table whose first column opens an item, and the item's panel with a close button. The
 * selection and the search live in the address (use-selection.ts).
 */
export function ListPage<T extends { id: number }>(props: {
  title: string;
  search: [string, (q: string) => void];
  /** Filters shown between the search and the "new" button. */
  filters?: ReactNode;
  newLabel: string;
  selection: ReturnType<typeof useSelection>;
  query: { isLoading: boolean; error: unknown };
  rows: T[];
  /** The first column: the item's name, a link that opens its panel. */
  name: { header: string; text: (row: T) => ReactNode };
  columns: Column<T>[];
  panel?: ListPanel;
}) {
  const { t } = useTranslation();
  const { title, search: [q, setQ], filters, newLabel, selection: sel, query, rows, name, columns, panel } = props;
  return (
    <main id="main" className="page wide">
      <div className="page-head">
        <h1>{title}</h1>
        <div className="toolbar">
          <SearchBox label={t('backoffice.search')} value={q} onChange={setQ} />
          {filters}
          <button type="button" className="primary" onClick={() => sel.open(NEW)}>{newLabel}</button>
        </div>
      </div>
      <div className="backoffice">
        <QueryState isLoading={query.isLoading} error={query.error}>
          <DataTable
            caption={t('backoffice.count', { count: rows.length })}
            rows={rows}
            rowKey={(r) => r.id}
            selected={sel.id}
            columns={[{ header: name.header, cell: (r) => <button type="button" className="link" onClick={() => sel.open(r.id)}>{name.text(r)}</button> }, ...columns]}
          />
        </QueryState>
        {panel && (
          <section className="card panel" aria-labelledby={panel.id}>
            <div className="detail-head">
              <h2 id={panel.id}>{panel.title}</h2>
              <button type="button" onClick={sel.close}>{t('common.close')}</button>
            </div>
            {panel.body}
          </section>
        )}
      </div>
    </main>
  );
}
