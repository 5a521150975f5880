import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error.tsx';
import { notify } from '../../../lib/notifications.ts';
import type { StaffSite } from '../api/get-sites.ts';
import type { Account, Role } from '../api/get-users.ts';
import { useReinviteUser, useUpdateUser, type Invitation } from '../api/save-user.ts';
import { InvitationLink } from './invitation-link.tsx';
import { RoleFields } from './role-fields.tsx';

/** One account: name, role and sites; a new one-time link (password reset); deactivate or reactivate. */
export function AccountPanel({ account, sites, justIssued }: { account: Account; sites: StaffSite[]; justIssued?: Invitation }) {
  const { t } = useTranslation();
  const [name, setName] = useState(account.name);
  const [role, setRole] = useState<Role>(account.role);
  const [siteIds, setSiteIds] = useState(account.managedSiteIds);
  const [link, setLink] = useState<Invitation | undefined>(justIssued);
  const update = useUpdateUser();
  const reinvite = useReinviteUser();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ id: account.id, name: name.trim(), role, managedSiteIds: role === 'manager' ? siteIds : [] }, { onSuccess: () => notify('success', t('backoffice.saved')) });
  };
  const setActive = (active: boolean) =>
    update.mutate({ id: account.id, active }, { onSuccess: () => notify('success', t(active ? 'backoffice.accounts.reactivated' : 'backoffice.accounts.deactivated', { name: account.name })) });

  return (
    <>
      <p className="muted">{account.email} · {t(account.active ? (account.hasPassword ? 'backoffice.accounts.active' : 'backoffice.accounts.pending') : 'backoffice.accounts.inactive')}</p>
      {link && <InvitationLink invitation={link} />}
      <form className="form" onSubmit={submit} noValidate aria-label={t('backoffice.accounts.form')}>
        <label>{t('backoffice.accounts.name')}<input value={name} onChange={(e) => setName(e.target.value)} /></label>
        <RoleFields role={role} onRole={setRole} sites={sites} siteIds={siteIds} onSiteIds={setSiteIds} />
        <FormError error={update.error} />
        <button type="submit" className="primary" disabled={update.isPending}>{t('common.save')}</button>
      </form>
      <div className="actions">
        <button type="button" disabled={!account.active || reinvite.isPending} onClick={() => reinvite.mutate(account.id, { onSuccess: setLink })}>
          {t('backoffice.accounts.newLink')}
        </button>
        {account.active ? (
          <button type="button" className="danger" disabled={update.isPending} onClick={() => window.confirm(t('backoffice.accounts.confirmDeactivate', { name: account.name })) && setActive(false)}>
            {t('backoffice.accounts.deactivate')}
          </button>
        ) : (
          <button type="button" disabled={update.isPending} onClick={() => setActive(true)}>{t('backoffice.accounts.reactivate')}</button>
        )}
      </div>
    </>
  );
}
