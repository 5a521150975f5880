import { useTranslation } from 'react-i18next';
import type { StaffSite } from '../api/get-sites.ts';
import type { Role } from '../api/get-users.ts';
import { SitePicker } from './site-picker.tsx';

/** The roles staff may give an account (the national admin is not given from the screens). */
export const ASSIGNABLE_ROLES = ['intern', 'manager', 'staff'] as const;

/** An account's role and, for a manager, the sites they look after: as the invitation and the account panel ask them. */
export function RoleFields({ role, onRole, sites, siteIds, onSiteIds }: { role: Role; onRole: (r: Role) => void; sites: StaffSite[]; siteIds: number[]; onSiteIds: (ids: number[]) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t('backoffice.accounts.role')}
        <select value={role} onChange={(e) => onRole(e.target.value as Role)}>
          {ASSIGNABLE_ROLES.map((r) => <option key={r} value={r}>{t(`backoffice.roles.${r}`)}</option>)}
        </select>
      </label>
      {role === 'manager' && <SitePicker sites={sites} value={siteIds} onChange={onSiteIds} />}
    </>
  );
}
