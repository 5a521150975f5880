import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client.ts';
import { Link, useParams } from '../../../lib/router.ts';
import { useConfirmPasswordReset } from '../api/password-reset.ts';

/** The page a one-time link opens (an invitation or a password reset): choose a password, then sign in with it. */
export function ResetPasswordPage({ loginPath }: { loginPath: string }) {
  const { t } = useTranslation();
  const token = useParams<{ token: string }>().token ?? '';
  const [password, setPassword] = useState('');
  const confirm = useConfirmPasswordReset();
  const error = confirm.error instanceof ApiError ? confirm.error : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate({ token, password });
  };

  return (
    <main id="main" className="page narrow">
      <h1>{t('reset.title')}</h1>
      {confirm.isSuccess ? (
        <p role="status">
          {t('reset.done')} <Link href={loginPath}>{t('login.submit')}</Link>
        </p>
      ) : (
        <form className="card form" onSubmit={submit} noValidate aria-describedby={error ? 'reset-error' : undefined}>
          <label>
            {t('reset.newPassword')}
            <input type="password" name="new-password" autoComplete="new-password" required minLength={8} value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          {error && (
            <p id="reset-error" role="alert" className="error">
              {error.status === 404 || error.status === 410 || error.field === 'params.token' ? t('reset.badLink') : error.field === 'body.password' ? t('reset.tooShort') : t('errors.internal')}
            </p>
          )}
          <button type="submit" className="primary" disabled={confirm.isPending}>
            {confirm.isPending ? t('common.loading') : t('reset.submit')}
          </button>
        </form>
      )}
    </main>
  );
}
