import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DriveTimeNotice } from '../components/drive-time-notice.tsx';
import { StaffNav } from '../components/staff-nav.tsx';
import { STAFF_PATHS } from '../config/paths.ts';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { Toasts } from '../components/toasts.tsx';
import { ApiError, onUnauthorized } from '../lib/api-client.ts';
import { notify } from '../lib/notifications.ts';
import { Link, navigate, Route, Switch, usePath } from '../lib/router.ts';
import { useSession } from '../features/auth/api/get-session.ts';
import { useDeleteSession } from '../features/auth/api/delete-session.ts';
import { SESSION_KEY, type SessionUser } from '../features/auth/api/session-schema.ts';
import { LoginPage } from '../features/auth/components/login-page.tsx';

/** Staff of a département and the national admin share the staff pages (the server scopes what each sees). */
const isStaffRole = (user: { role: string } | null | undefined) => user?.role === 'staff' || user?.role === 'admin';

// Every page with a map or a chart is its own chunk, so the first visit stays light.
const CataloguePage = lazy(() => import('../features/catalogue/components/catalogue-page.tsx'));
const InternPage = lazy(() => import('../features/intern/components/intern-page.tsx'));
const ManagerPage = lazy(() => import('../features/manager/components/manager-page.tsx'));
const MatchingPage = lazy(() => import('../features/staff/components/matching-page.tsx'));
const IndicatorsPage = lazy(() => import('../features/staff/components/indicators-page.tsx'));
const ApiKeysPage = lazy(() => import('../features/api-keys/components/api-keys-page.tsx'));
const InternsPage = lazy(() => import('../features/backoffice/components/interns-page.tsx'));
const PlacementsPage = lazy(() => import('../features/backoffice/components/placements-page.tsx'));
const PracticesPage = lazy(() => import('../features/backoffice/components/practices-page.tsx'));
const AccountsPage = lazy(() => import('../features/backoffice/components/accounts-page.tsx'));
const SitesPage = lazy(() => import('../features/backoffice/components/sites-page.tsx'));
const ImportPage = lazy(() => import('../features/backoffice/components/import-page.tsx'));
const AuditPage = lazy(() => import('../features/backoffice/components/audit-page.tsx'));
const OutboxPage = lazy(() => import('../features/staff/components/outbox-page.tsx'));
const AidPage = lazy(() => import('../features/backoffice/components/aid-page.tsx'));
const CoveragePage = lazy(() => import('../features/coverage/components/coverage-page.tsx'));
const InvitationPage = lazy(() => import('../features/auth/components/invitation-page.tsx'));

/** The back-office pages, each drawn under the staff navigation. */
const BACKOFFICE: { path: string; page: ComponentType; title: string }[] = [
  { path: STAFF_PATHS.interns, page: InternsPage, title: 'backoffice.interns.title' },
  { path: STAFF_PATHS.placements, page: PlacementsPage, title: 'backoffice.placements.title' },
  { path: STAFF_PATHS.practices, page: PracticesPage, title: 'backoffice.practices.title' },
  { path: STAFF_PATHS.accounts, page: AccountsPage, title: 'backoffice.accounts.title' },
  { path: STAFF_PATHS.sites, page: SitesPage, title: 'backoffice.sites.title' },
  { path: STAFF_PATHS.import, page: ImportPage, title: 'backoffice.import.title' },
  { path: STAFF_PATHS.audit, page: AuditPage, title: 'backoffice.audit.title' },
  { path: STAFF_PATHS.outbox, page: OutboxPage, title: 'life.outbox.title' },
  { path: STAFF_PATHS.aid, page: AidPage, title: 'aid.page.title' },
  { path: STAFF_PATHS.coverage, page: CoveragePage, title: 'coverage.title' },
];

/** Paths of the pages, in one place. */
export const PATHS = {
  catalogue: '/',
  login: '/connexion',
  setPassword: '/invitation/:token',
  intern: '/interne',
  manager: '/gestion',
  matching: '/equipe/appariement',
  indicators: '/equipe/indicateurs',
  apiKeys: '/equipe/cles-api',
  backoffice: STAFF_PATHS.interns,
} as const;

/** Where a role lands after signing in. */
export function homeOf(user: SessionUser): string {
  return user.role === 'intern' ? PATHS.intern : user.role === 'manager' ? PATHS.manager : PATHS.matching;
}

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (n, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && n < 2,
    },
  },
});

/** Drops the session once when any request answers 401 (expired session) and asks to sign in again. */
function UnauthorizedHandler() {
  const qc = useQueryClient();
  const { t } = useTranslation();
  useEffect(
    () =>
      onUnauthorized(() => {
        if (qc.getQueryData(SESSION_KEY)) {
          qc.setQueryData(SESSION_KEY, null);
          notify('info', t('errors.unauthorized'));
          navigate(PATHS.login);
        }
      }),
    [qc, t],
  );
  return null;
}

function Header({ user }: { user: SessionUser | null | undefined }) {
  const { t } = useTranslation();
  const path = usePath();
  const signOut = useDeleteSession();
  return (
    <header className="top">
      <a className="skip" href="#main">{t('nav.skip')}</a>
      <Link href={PATHS.catalogue} className="brand">
        Internat Match
      </Link>
      <nav aria-label={t('nav.main')}>
        <ul>
          <li><Link href={PATHS.catalogue}>{t('nav.catalogue')}</Link></li>
          {user?.role === 'intern' && <li><Link href={PATHS.intern}>{t('nav.intern')}</Link></li>}
          {(user?.role === 'manager' || isStaffRole(user)) && <li><Link href={PATHS.manager}>{t('nav.manager')}</Link></li>}
          {isStaffRole(user) && <li><Link href={PATHS.matching}>{t('nav.matching')}</Link></li>}
          {isStaffRole(user) && <li><Link href={PATHS.indicators}>{t('nav.indicators')}</Link></li>}
          {isStaffRole(user) && <li><Link href={PATHS.apiKeys}>{t('nav.apiKeys')}</Link></li>}
          {isStaffRole(user) && <li><Link href={PATHS.backoffice} aria-current={path.startsWith('/equipe/') && BACKOFFICE.some((b) => b.path === path) ? 'page' : undefined}>{t('nav.backoffice')}</Link></li>}
        </ul>
      </nav>
      <div className="top-end">
        <LanguageSwitch />
        {user ? (
          <>
            <span className="who" title={user.email}>{user.name}</span>
            <button type="button" onClick={() => signOut.mutate(undefined, { onSettled: () => navigate(PATHS.catalogue) })}>
              {t('nav.signOut')}
            </button>
          </>
        ) : (
          <Link href={PATHS.login} className="button">{t('nav.signIn')}</Link>
        )}
      </div>
    </header>
  );
}

/** Shows `children` to the allowed roles; otherwise asks to sign in (or says it is not for them). */
function Guard({ user, roles, children }: { user: SessionUser | null | undefined; roles: SessionUser['role'][]; children: ReactNode }) {
  const { t } = useTranslation();
  if (!user) return <LoginPage onSignedIn={(u) => navigate(roles.includes(u.role) ? window.location.pathname + window.location.search : homeOf(u), { replace: true })} />;
  if (!roles.includes(user.role)) {
    return (
      <main id="main" className="page narrow">
        <h1>{t('errors.forbiddenTitle')}</h1>
        <p>{t('errors.forbidden')}</p>
        <Link href={homeOf(user)}>{t('nav.home')}</Link>
      </main>
    );
  }
  return <>{children}</>;
}

function Routes() {
  const { t } = useTranslation();
  const path = usePath();
  const session = useSession();
  const user = session.data;
  useEffect(() => {
    const titles: Record<string, string> = {
      [PATHS.catalogue]: t('catalogue.title'),
      [PATHS.login]: t('login.title'),
      [PATHS.intern]: t('intern.title'),
      [PATHS.manager]: t('manager.title'),
      [PATHS.matching]: t('matching.title'),
      [PATHS.indicators]: t('indicators.title'),
      [PATHS.apiKeys]: t('apiKeys.title'),
      ...Object.fromEntries(BACKOFFICE.map((b) => [b.path, t(b.title)])),
    };
    if (path.startsWith('/invitation/')) titles[path] = t('invitation.title');
    document.title = `${titles[path] ?? 'Internat Match'} — Internat Match`;
  }, [path, t]);
  if (session.isLoading) return <p className="muted page" role="status">{t('common.loading')}</p>;
  return (
    <>
      <Header user={user} />
      <DriveTimeNotice staff={isStaffRole(user)} />
      <Suspense fallback={<p className="muted page" role="status">{t('common.loading')}</p>}>
        <Switch>
          <Route path={PATHS.catalogue}><CataloguePage /></Route>
          <Route path={PATHS.login}>
            {user ? <Redirect to={homeOf(user)} /> : <LoginPage onSignedIn={(u) => navigate(homeOf(u), { replace: true })} />}
          </Route>
          {/* A one-time link, from an invitation or a password reset: choose a password, then signed in. */}
          <Route path={PATHS.setPassword}><InvitationPage onSignedIn={(u) => navigate(homeOf(u), { replace: true })} /></Route>
          <Route path={PATHS.intern}><Guard user={user} roles={['intern']}><InternPage /></Guard></Route>
          <Route path={PATHS.manager}><Guard user={user} roles={['manager', 'staff', 'admin']}><ManagerPage /></Guard></Route>
          <Route path={PATHS.matching}><Guard user={user} roles={['staff', 'admin']}><MatchingPage /></Guard></Route>
          <Route path={PATHS.indicators}><Guard user={user} roles={['staff', 'admin']}><IndicatorsPage /></Guard></Route>
          <Route path={PATHS.apiKeys}><Guard user={user} roles={['staff', 'admin']}><ApiKeysPage /></Guard></Route>
          {BACKOFFICE.map(({ path: p, page: Page }) => (
            <Route key={p} path={p}>
              <Guard user={user} roles={['staff', 'admin']}>
                <StaffNav />
                <Page />
              </Guard>
            </Route>
          ))}
          <Route>
            <main id="main" className="page narrow">
              <h1>{t('errors.notFoundTitle')}</h1>
              <Link href={PATHS.catalogue}>{t('nav.home')}</Link>
            </main>
          </Route>
        </Switch>
      </Suspense>
    </>
  );
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

/** The whole client: providers, header, the current page and the notices. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <UnauthorizedHandler />
      <Routes />
      <Toasts />
    </QueryClientProvider>
  );
}
