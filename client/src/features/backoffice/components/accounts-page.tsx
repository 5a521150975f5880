import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchesSearch } from '../../../components/data-table.tsx';
import { useQueryParam } from '../../../lib/router.ts';
import { useInterns } from '../api/get-interns.ts';
import { useStaffSites } from '../api/get-sites.ts';
import { useUsers, type Account } from '../api/get-users.ts';
import type { Invitation } from '../api/save-user.ts';
import { AccountPanel } from './account-panel.tsx';
import { InviteForm } from './invite-form.tsx';
import { ListPage } from './list-page.tsx';
import { ASSIGNABLE_ROLES } from './role-fields.tsx';
import { useSearch, useSelection } from './use-selection.ts';

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
    <ListPage
      title={t('backoffice.accounts.title')}
      search={[q, setQ]}
      filters={
        <label>
          {t('backoffice.accounts.role')}
          <select value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">{t('backoffice.all')}</option>
            {ASSIGNABLE_ROLES.map((r) => <option key={r} value={r}>{t(`backoffice.roles.${r}`)}</option>)}
          </select>
        </label>
      }
      newLabel={t('backoffice.accounts.invite')}
      selection={sel}
      query={users}
      rows={shown}
      name={{ header: t('backoffice.accounts.name'), text: (u) => u.name }}
      columns={[
        { header: t('backoffice.email'), cell: (u) => <span className="break">{u.email}</span> },
        { header: t('backoffice.accounts.role'), cell: (u) => t(`backoffice.roles.${u.role}`) },
        { header: t('backoffice.accounts.state'), cell: state },
        { header: t('backoffice.accounts.managedSites'), cell: (u) => u.managedSiteIds.map((id) => siteName.get(id) ?? `#${id}`).join(', ') || '—' },
      ]}
      panel={
        sel.creating || selected
          ? {
              id: 'account-panel-title',
              title: selected?.name ?? t('backoffice.accounts.invite'),
              body: selected ? (
                <AccountPanel key={selected.id} account={selected} sites={sites.data ?? []} justIssued={issued?.userId === selected.id ? issued.invitation : undefined} />
              ) : (
                <InviteForm sites={sites.data ?? []} interns={interns.data ?? []} onInvited={(userId, invitation) => { setIssued({ userId, invitation }); sel.created(userId); }} />
              ),
            }
          : undefined
      }
    />
  );
}
