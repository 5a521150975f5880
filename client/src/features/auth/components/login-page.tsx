import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client.ts';
import { useCreateSession } from '../api/create-session.ts';
import { loginProblems } from './login-problems.ts';
import { useRequestPasswordReset } from '../api/password-reset.ts';
import type { SessionUser } from '../api/session-schema.ts';

const DEMO = ['intern@demo.test', 'manager@demo.test', 'staff@demo.test'];

/** The sign-in form; `onSignedIn` sends the user to their role's home. */
export function LoginPage({ onSignedIn }: { onSignedIn: (user: SessionUser) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useCreateSession();
  const error = signIn.error instanceof ApiError ? signIn.error : undefined;
  const reset = useRequestPasswordReset();

  const [problems, setProblems] = useState<ReturnType<typeof loginProblems>>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = loginProblems(email, password);
    setProblems(p);
    if (p.email || p.password) return;
    signIn.mutate({ email: email.trim(), password }, { onSuccess: onSignedIn });
  };

  return (
    <main id="main" className="page narrow">
      <h1>{t('login.title')}</h1>
      <form className="card form" onSubmit={submit} noValidate aria-describedby={error ? 'login-error' : undefined}>
        <label>
          {t('login.email')}
          <input type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={!!problems.email} aria-describedby={problems.email ? 'login-email-error' : undefined} />
          {problems.email && <span id="login-email-error" className="error field-error">{t(problems.email)}</span>}
        </label>
        <label>
          {t('login.password')}
          <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={!!problems.password} aria-describedby={problems.password ? 'login-password-error' : undefined} />
          {problems.password && <span id="login-password-error" className="error field-error">{t(problems.password)}</span>}
        </label>
        {error && (
          <p id="login-error" role="alert" className="error">
            {error.status === 429 ? t('errors.rate_limited') : error.status === 401 ? t('login.bad') : t('errors.internal')}
          </p>
        )}
        <button type="submit" className="primary" disabled={signIn.isPending}>
          {signIn.isPending ? t('common.loading') : t('login.submit')}
        </button>
      </form>
      <details className="card">
        <summary>{t('reset.forgot')}</summary>
        <form className="form" onSubmit={(e) => { e.preventDefault(); reset.mutate({ email: email.trim() }); }} noValidate>
          <p>{t('reset.explain')}</p>
          <label>
            {t('reset.email')}
            <input type="email" name="reset-email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          {reset.isSuccess && <p role="status">{t('reset.sent')}</p>}
          {reset.isError && <p role="alert" className="error">{t('reset.badEmail')}</p>}
          <button type="submit" disabled={reset.isPending}>{t('reset.send')}</button>
        </form>
      </details>
      <section className="card muted">
        <h2>{t('login.demoTitle')}</h2>
        <p>{t('login.demoText')}</p>
        <ul className="demo-accounts">
          {DEMO.map((a) => (
            <li key={a}>
              <button type="button" className="link" onClick={() => { setEmail(a); setPassword('demo1234'); }}>
                {a}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
