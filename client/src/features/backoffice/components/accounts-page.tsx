import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, matchesSearch, SearchBox } from '../../../components/data-table.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useQueryParam } from '../../../lib/router.ts';
import { useInterns } from '../api/get-interns.ts';
import { useStaffSites } from '../api/get-sites.ts';
import { useUsers, type Account } from '../api/get-users.ts';
import type { Invitation } from '../api/save-user.ts';
import { AccountPanel } from './account-panel.tsx';
import { InviteForm } from './invite-form.tsx';
import { NEW, useSearch, useSelection } from './use-selection.ts';

/** Staff: accounts with role, state and sites; invite with a one-time link, change, reset by link, deactivate. */
export default function AccountsPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const sites = useStaffSites();
  const interns = useInterns();
  const [q, setQ] = useSearch();
  const [role, setRole] = useQueryParam('role', '');
  const sel = useSelection();
  const [issued, setIssued] = useState<{ userId: number; invitation: Invitation }>();
  const siteName = new Map((sites.data ?? []).map((s) => [s.id, s.name]));
  const list = users.data ?? [];
  const shown = list.filter((u) => (!role || u.role === role) && matchesSearch(q, u.name, u.email));
  const selected = sel.id ? list.find((u) => u.id === sel.id) : undefined;
  const state = (u: Account) => t(u.active ? (u.hasPassword ? 'backoffice.accounts.active' : 'backoffice.accounts.pending') : 'backoffice.accounts.inactive');

  return (
    <main id="main" className="page wide">
      <div className="page-head">
        <h1>{t('backoffice.accounts.title')}</h1>
        <div className="toolbar">
          <SearchBox label={t('backoffice.search')} value={q} onChange={setQ} />
          <label>
            {t('backoffice.accounts.role')}
            <select value={role} onChange={(e) => setRole(e.target.value)}>
              <option value="">{t('backoffice.all')}</option>
              {(['intern', 'manager', 'staff'] as const).map((r) => <option key={r} value={r}>{t(`backoffice.roles.${r}`)}</option>)}
            </select>
          </label>
          <button type="button" className="primary" onClick={() => sel.open(NEW)}>{t('backoffice.accounts.invite')}</button>
        </div>
      </div>
      <div className="backoffice">
        <QueryState isLoading={users.isLoading} error={users.error}>
          <DataTable
            caption={t('backoffice.count', { count: shown.length })}
            rows={shown}
            rowKey={(u) => u.id}
            selected={sel.id}
            columns={[
              { header: t('backoffice.accounts.name'), cell: (u) => <button type="button" className="link" onClick={() => sel.open(u.id)}>{u.name}</button> },
              { header: t('backoffice.email'), cell: (u) => <span className="break">{u.email}</span> },
              { header: t('backoffice.accounts.role'), cell: (u) => t(`backoffice.roles.${u.role}`) },
              { header: t('backoffice.accounts.state'), cell: state },
              { header: t('backoffice.accounts.managedSites'), cell: (u) => u.managedSiteIds.map((id) => siteName.get(id) ?? `#${id}`).join(', ') || '—' },
            ]}
          />
        </QueryState>
        {(sel.creating || selected) && (
          <section className="card panel" aria-labelledby="account-panel-title">
            <div className="detail-head">
              <h2 id="account-panel-title">{selected?.name ?? t('backoffice.accounts.invite')}</h2>
              <button type="button" onClick={sel.close}>{t('common.close')}</button>
            </div>
            {selected ? (
              <AccountPanel key={selected.id} account={selected} sites={sites.data ?? []} justIssued={issued?.userId === selected.id ? issued.invitation : undefined} />
            ) : (
              <InviteForm sites={sites.data ?? []} interns={interns.data ?? []} onInvited={(userId, invitation) => { setIssued({ userId, invitation }); sel.created(userId); }} />
            )}
          </section>
        )}
      </div>
    </main>
  );
}
