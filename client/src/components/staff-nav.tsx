import { useTranslation } from 'react-i18next';
import { STAFF_PATHS } from '../config/paths.ts';
import { Link } from '../lib/router.ts';

/** The back office's own navigation, under the header on every staff back-office page. */
export function StaffNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('backoffice.nav')} className="staff-nav">
      <ul>
        {(Object.keys(STAFF_PATHS) as (keyof typeof STAFF_PATHS)[]).map((k) => (
          <li key={k}>
            <Link href={STAFF_PATHS[k]}>{t(k === 'outbox' ? 'life.outbox.nav' : k === 'aid' ? 'aid.page.nav' : k === 'coverage' ? 'coverage.nav' : `backoffice.${k}.nav`)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
