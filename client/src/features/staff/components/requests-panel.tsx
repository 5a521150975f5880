import { useTranslation } from 'react-i18next';
import { day } from '../../../lib/format.ts';
import { notify } from '../../../lib/notifications.ts';
import { useRequests } from '../api/get-requests.ts';
import { useUpdateRequest } from '../api/update-request.ts';

/** Interns' open room requests, answered with accept or decline. */
export function RequestsPanel() {
  const { t } = useTranslation();
  const requests = useRequests('open');
  const update = useUpdateRequest();
  const list = requests.data ?? [];
  const answer = (id: number, status: 'accepted' | 'declined', name: string) =>
    update.mutate({ id, status }, { onSuccess: () => notify('success', t(status === 'accepted' ? 'requests.accepted' : 'requests.declined', { name })) });
  return (
    <section aria-labelledby="requests-title">
      <h2 id="requests-title">{t('requests.title', { count: list.length })}</h2>
      {list.length === 0 ? (
        <p className="muted">{requests.isError ? t('errors.loadFailed') : t('requests.none')}</p>
      ) : (
        <ul className="unmatched">
          {list.map((r) => (
            <li key={r.id} className="card">
              <span>
                <strong>{r.intern.name}</strong> → {r.site.name} <span className="muted small">({day(r.createdAt)})</span>
                {r.note && <span className="small"> — « {r.note} »</span>}
              </span>
              <span className="row-actions">
                <button type="button" onClick={() => answer(r.id, 'accepted', r.intern.name)} disabled={update.isPending} aria-label={t('requests.acceptFor', { name: r.intern.name })}>
                  {t('requests.accept')}
                </button>
                <button type="button" onClick={() => answer(r.id, 'declined', r.intern.name)} disabled={update.isPending} aria-label={t('requests.declineFor', { name: r.intern.name })}>
                  {t('requests.decline')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
