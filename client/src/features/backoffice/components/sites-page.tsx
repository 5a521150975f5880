import { useTranslation } from 'react-i18next';
import { matchesSearch } from '../../../components/data-table.tsx';
import { euros } from '../../../lib/format.ts';
import { useStaffSites, type StaffSite } from '../api/get-sites.ts';
import { useUsers } from '../api/get-users.ts';
import { ListPage } from './list-page.tsx';
import { NewSiteForm } from './site-form.tsx';
import { SitePanel } from './site-panel.tsx';
import { useSearch, useSelection } from './use-selection.ts';

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
    <ListPage
      title={t('backoffice.sites.title')}
      search={[q, setQ]}
      newLabel={t('backoffice.sites.new')}
      selection={sel}
      query={sites}
      rows={shown}
      name={{ header: t('backoffice.sites.name'), text: (s) => s.name }}
      columns={[
        { header: t('backoffice.commune'), cell: (s) => `${s.commune} (${s.departement})` },
        { header: t('backoffice.sites.state'), cell: state },
        { header: t('backoffice.sites.beds'), cell: (s) => s.beds ?? '—' },
        { header: t('backoffice.sites.rent'), cell: (s) => euros(s.rentCents) },
        { header: t('backoffice.sites.managers'), cell: (s) => managersOf(s.id) },
      ]}
      panel={
        sel.creating || selected
          ? {
              id: 'site-panel-title',
              title: selected?.name ?? t('backoffice.sites.new'),
              body: selected ? <SitePanel key={`${selected.id}-${selected.name}-${users.dataUpdatedAt}`} site={selected} managers={managers} /> : <NewSiteForm onSaved={(id) => id !== sel.id && sel.created(id)} />,
            }
          : undefined
      }
    />
  );
}
