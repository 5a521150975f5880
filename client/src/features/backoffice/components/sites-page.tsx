import { useTranslation } from 'react-i18next';
import { DataTable, matchesSearch, SearchBox } from '../../../components/data-table.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { euros } from '../../../lib/format.ts';
import { useStaffSites, type StaffSite } from '../api/get-sites.ts';
import { useUsers } from '../api/get-users.ts';
import { NewSiteForm } from './site-form.tsx';
import { SitePanel } from './site-panel.tsx';
import { NEW, useSearch, useSelection } from './use-selection.ts';

/** Staff: every housing site (withdrawn included) with its managers; create, rename, withdraw, name managers. */
export default function SitesPage() {
  const { t } = useTranslation();
  const sites = useStaffSites();
  const users = useUsers();
  const [q, setQ] = useSearch();
  const sel = useSelection();
  const managers = (users.data ?? []).filter((u) => u.role === 'manager' && u.active);
  const managersOf = (id: number) => managers.filter((m) => m.managedSiteIds.includes(id)).map((m) => m.name).join(', ') || '—';
  const list = sites.data ?? [];
  const shown = list.filter((s) => matchesSearch(q, s.name, s.commune, s.departement, managersOf(s.id)));
  const selected = sel.id ? list.find((s) => s.id === sel.id) : undefined;
  const state = (s: StaffSite) => t(!s.active && !s.planned ? 'backoffice.sites.withdrawnState' : s.planned ? 'backoffice.sites.plannedState' : 'backoffice.sites.openState');

  return (
    <main id="main" className="page wide">
      <div className="page-head">
        <h1>{t('backoffice.sites.title')}</h1>
        <div className="toolbar">
          <SearchBox label={t('backoffice.search')} value={q} onChange={setQ} />
          <button type="button" className="primary" onClick={() => sel.open(NEW)}>{t('backoffice.sites.new')}</button>
        </div>
      </div>
      <div className="backoffice">
        <QueryState isLoading={sites.isLoading} error={sites.error}>
          <DataTable
            caption={t('backoffice.count', { count: shown.length })}
            rows={shown}
            rowKey={(s) => s.id}
            selected={sel.id}
            columns={[
              { header: t('backoffice.sites.name'), cell: (s) => <button type="button" className="link" onClick={() => sel.open(s.id)}>{s.name}</button> },
              { header: t('backoffice.commune'), cell: (s) => `${s.commune} (${s.departement})` },
              { header: t('backoffice.sites.state'), cell: state },
              { header: t('backoffice.sites.beds'), cell: (s) => s.beds ?? '—' },
              { header: t('backoffice.sites.rent'), cell: (s) => euros(s.rentCents) },
              { header: t('backoffice.sites.managers'), cell: (s) => managersOf(s.id) },
            ]}
          />
        </QueryState>
        {(sel.creating || selected) && (
          <section className="card panel" aria-labelledby="site-panel-title">
            <div className="detail-head">
              <h2 id="site-panel-title">{selected?.name ?? t('backoffice.sites.new')}</h2>
              <button type="button" onClick={sel.close}>{t('common.close')}</button>
            </div>
            {selected ? <SitePanel key={`${selected.id}-${selected.name}-${users.dataUpdatedAt}`} site={selected} managers={managers} /> : <NewSiteForm onSaved={(id) => id !== sel.id && sel.created(id)} />}
          </section>
        )}
      </div>
    </main>
  );
}
