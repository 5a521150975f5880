import { useTranslation } from 'react-i18next';
import { day } from '../../../lib/format.ts';
import { notify } from '../../../lib/notifications.ts';
import type { Invitation } from '../api/save-user.ts';

/** The one-time link just issued, shown once with a copy button (the server keeps only its hash). */
export function InvitationLink({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  const url = `${window.location.origin}${invitation.path}`;
  const copy = () => navigator.clipboard?.writeText(url).then(() => notify('success', t('backoffice.accounts.copied')), () => undefined);
  return (
    <div className="card invitation" role="status">
      <p>{t('backoffice.accounts.linkIntro', { date: day(invitation.expiresAt) })}</p>
      <p className="link-box"><a href={invitation.path}>{url}</a></p>
      <button type="button" onClick={copy}>{t('backoffice.accounts.copy')}</button>
    </div>
  );
}
