import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useParams } from '../../../lib/router.ts';
import { useCreateSession } from '../api/create-session.ts';
import { useAcceptInvitation, useInvitation } from '../api/invitation.ts';
import type { SessionUser } from '../api/session-schema.ts';

/** The page a one-time invitation link opens: the invited person chooses a password and is signed in. */
export default function InvitationPage({ onSignedIn }: { onSignedIn: (user: SessionUser) => void }) {
  const { t } = useTranslation();
  const { token = '' } = useParams<{ token: string }>();
  const invitation = useInvitation(token);
  const accept = useAcceptInvitation();
  const signIn = useCreateSession();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [localError, setLocalError] = useState('');
  const gone = invitation.error instanceof ApiError && (invitation.error.status === 410 || invitation.error.status === 404 || invitation.error.status === 400);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password.length < 8) return setLocalError(t('invitation.tooShort'));
    if (password !== again) return setLocalError(t('invitation.mismatch'));
    setLocalError('');
    accept.mutate(
      { token, password },
      { onSuccess: () => signIn.mutate({ email: invitation.data!.email, password }, { onSuccess: onSignedIn }) },
    );
  };

  return (
    <main id="main" className="page narrow">
      <h1>{t('invitation.title')}</h1>
      {invitation.isLoading && <p className="muted" role="status">{t('common.loading')}</p>}
      {gone && <p className="error" role="alert">{t('invitation.gone')}</p>}
      {invitation.error && !gone && <p className="error" role="alert">{t('errors.loadFailed')}</p>}
      {invitation.data && (
        <form className="card form" onSubmit={submit} noValidate>
          <p>{t('invitation.intro', { name: invitation.data.name, email: invitation.data.email })}</p>
          <label>
            {t('invitation.password')}
            <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={!!localError} />
          </label>
          <label>
            {t('invitation.again')}
            <input type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} aria-invalid={!!localError} />
          </label>
          {localError && <p className="error" role="alert">{localError}</p>}
          <FormError error={accept.error ?? signIn.error} />
          <button type="submit" className="primary" disabled={accept.isPending || signIn.isPending}>{t('invitation.submit')}</button>
        </form>
      )}
    </main>
  );
}
