import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, isFieldInvalid } from '../../../components/form-error.tsx';
import type { Intern } from '../api/get-interns.ts';
import type { StaffSite } from '../api/get-sites.ts';
import type { Role } from '../api/get-users.ts';
import { useInviteUser, type Invitation } from '../api/save-user.ts';
import { RoleFields } from './role-fields.tsx';

/** Invites a new account: e-mail, name, role (and managed sites or intern profile); the link is shown once. */
export function InviteForm({ sites, interns, onInvited }: { sites: StaffSite[]; interns: Intern[]; onInvited: (userId: number, invitation: Invitation) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('manager');
  const [siteIds, setSiteIds] = useState<number[]>([]);
  const [internId, setInternId] = useState('');
  const invite = useInviteUser();
  const invalid = (f: string) => isFieldInvalid(invite.error, `body.${f}`);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate(
      { email: email.trim(), name: name.trim(), role, managedSiteIds: role === 'manager' ? siteIds : undefined, internId: role === 'intern' && internId ? Number(internId) : undefined },
      { onSuccess: (r) => onInvited(r.user.id, r.invitation) },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('backoffice.accounts.invite')}>
      <label>{t('backoffice.email')}<input type="email" value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={invalid('email')} /></label>
      <label>{t('backoffice.accounts.name')}<input value={name} onChange={(e) => setName(e.target.value)} aria-invalid={invalid('name')} /></label>
      <RoleFields role={role} onRole={setRole} sites={sites} siteIds={siteIds} onSiteIds={setSiteIds} />
      {role === 'intern' && (
        <label>
          {t('backoffice.accounts.internProfile')}
          <select value={internId} onChange={(e) => setInternId(e.target.value)}>
            <option value="">{t('backoffice.none')}</option>
            {interns.filter((i) => !i.hasAccount).map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
          </select>
        </label>
      )}
      <FormError error={invite.error} />
      <button type="submit" className="primary" disabled={invite.isPending}>{t('backoffice.accounts.sendInvite')}</button>
    </form>
  );
}
