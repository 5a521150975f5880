import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { day } from '../../../lib/format.ts';
import { notify } from '../../../lib/notifications.ts';
import { useAnswerRequest, useSiteBeds } from '../api/answer-request.ts';
import { useRequests, type RoomRequest } from '../api/get-requests.ts';

/** Interns' open room requests: accepted by proposing a bed of that site, or declined with a reason. */
export function RequestsPanel() {
  const { t } = useTranslation();
  const requests = useRequests('open');
  const list = requests.data ?? [];
  return (
    <section aria-labelledby="requests-title">
      <h2 id="requests-title">{t('requests.title', { count: list.length })}</h2>
      {list.length === 0 ? (
        <p className="muted">{requests.isError ? t('errors.loadFailed') : t('requests.none')}</p>
      ) : (
        <ul className="unmatched">
          {list.map((r) => <RequestRow key={r.id} request={r} />)}
        </ul>
      )}
    </section>
  );
}

function RequestRow({ request: r }: { request: RoomRequest }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'accept' | 'decline' | undefined>();
  const [bedId, setBedId] = useState('');
  const [reason, setReason] = useState('');
  const beds = useSiteBeds(mode === 'accept' ? r.site.id : undefined);
  const answer = useAnswerRequest();
  const name = r.intern.name;
  return (
    <li className="card">
      <span>
        <strong>{name}</strong> → {r.site.name} <span className="muted small">({day(r.createdAt)})</span>
        {r.note && <span className="small"> — « {r.note} »</span>}
      </span>
      <span className="row-actions">
        <button type="button" aria-expanded={mode === 'accept'} onClick={() => setMode(mode === 'accept' ? undefined : 'accept')} aria-label={t('requests.acceptFor', { name })}>
          {t('requests.accept')}
        </button>
        <button type="button" aria-expanded={mode === 'decline'} onClick={() => setMode(mode === 'decline' ? undefined : 'decline')} aria-label={t('requests.declineFor', { name })}>
          {t('requests.decline')}
        </button>
      </span>
      {mode === 'accept' && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (bedId) answer.mutate({ id: r.id, accept: { bedId: Number(bedId) } }, { onSuccess: () => notify('success', t('life.requests.proposed', { name })) });
          }}
        >
          <label>
            {t('life.requests.bed')}{' '}
            <select value={bedId} onChange={(e) => setBedId(e.target.value)} required>
              <option value="">{t('life.requests.chooseBed')}</option>
              {(beds.data ?? []).map((b) => (
                <option key={b.id} value={b.id}>{b.label}</option>
              ))}
            </select>
          </label>
          {beds.data?.length === 0 && <span className="muted small">{t('life.requests.noBeds')}</span>}
          <button type="submit" className="primary" disabled={!bedId || answer.isPending}>{t('life.requests.propose')}</button>
        </form>
      )}
      {mode === 'decline' && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) answer.mutate({ id: r.id, decline: { reason } }, { onSuccess: () => notify('success', t('life.requests.declined', { name })) });
          }}
        >
          <label>
            {t('life.requests.reason')} <input value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={500} />
          </label>
          <button type="submit" disabled={!reason.trim() || answer.isPending}>{t('life.requests.sendDecline')}</button>
        </form>
      )}
    </li>
  );
}
