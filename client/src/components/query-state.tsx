import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Loading and error states of a query, so pages only render the happy path. */
export function QueryState({ isLoading, error, children, empty }: { isLoading: boolean; error: unknown; children: ReactNode; empty?: boolean }) {
  const { t } = useTranslation();
  if (isLoading) return <p className="muted" role="status">{t('common.loading')}</p>;
  if (error) return <p className="error" role="alert">{t('errors.loadFailed')}</p>;
  if (empty) return <p className="muted">{t('common.empty')}</p>;
  return <>{children}</>;
}
