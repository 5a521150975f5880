import { useTranslation } from 'react-i18next';
import { EstimateBadge } from '../../../components/estimate-badge.tsx';
import { day, minutes } from '../../../lib/format.ts';
import { notify } from '../../../lib/notifications.ts';
import { useAnswerProposal } from '../api/answer-proposal.ts';
import type { MyInternProfile } from '../api/get-me-intern.ts';

/**
 * The intern's housing: each booking with its state, Accept/Decline on a
 * proposal (before its answer-by date), why one ended (declined, expired,
 * cancelled), and the outcome of each room request.
 */
export function MyHousing({ assignments, requests }: { assignments: MyInternProfile['assignments']; requests: MyInternProfile['requests'] }) {
  const { t } = useTranslation();
  const answer = useAnswerProposal();
  const today = new Date().toISOString().slice(0, 10);
  const reply = (id: number, a: 'accept' | 'decline') => {
    if (a === 'decline' && !window.confirm(t('life.confirmDecline'))) return;
    answer.mutate({ id, answer: a }, { onSuccess: () => notify('success', t(a === 'accept' ? 'life.accepted' : 'life.declined')) });
  };
  return (
    <>
      {assignments.map((a) => (
        <div key={a.id} className={`card assignment${a.status === 'cancelled' ? ' muted' : ''}`} data-status={a.status}>
          <p>
            <strong>{t('intern.myHousing')}</strong> {a.site?.name} {a.room?.label && `(${a.room.label})`} · {day(a.startDate)} → {day(a.endDate)} ·{' '}
            <span className="status">{t(`status.${a.status}`, { defaultValue: a.status ?? '' })}</span>
            {a.cancelReason && <> ({t(`life.reason.${a.cancelReason}`)})</>}
            {a.driveMinutes != null && <> · {minutes(a.driveMinutes)} <EstimateBadge estimate={a.driveEstimate} /></>}
          </p>
          {a.status === 'proposed' && (
            <p className="row-actions">
              {a.answerBy && (
                <span className={a.answerBy < today ? 'warn' : 'muted'}>
                  {t('life.answerBy', { date: day(a.answerBy) })}
                  {a.answerBy < today && <> · {t('life.overdue')}</>}
                </span>
              )}{' '}
              <button type="button" className="primary" disabled={answer.isPending} onClick={() => reply(a.id, 'accept')} aria-label={t('life.acceptFor', { site: a.site?.name ?? '' })}>
                {t('life.accept')}
              </button>{' '}
              <button type="button" disabled={answer.isPending} onClick={() => reply(a.id, 'decline')} aria-label={t('life.declineFor', { site: a.site?.name ?? '' })}>
                {t('life.decline')}
              </button>
            </p>
          )}
        </div>
      ))}
      {requests.length > 0 && (
        <section aria-labelledby="my-requests" className="card">
          <h2 id="my-requests" className="small-title">{t('life.myRequests')}</h2>
          <ul>
            {requests.map((r) => (
              <li key={r.id} data-status={r.status}>
                <strong>{r.site?.name}</strong> · {t(`life.request.${r.status}`, { defaultValue: r.status ?? '' })}
                {r.answer && <> : « {r.answer} »</>}
                {r.assignment && (
                  <div className="small">
                    {t('life.request.proposed', { room: r.assignment.room, bed: r.assignment.bed, start: day(r.assignment.startDate), end: day(r.assignment.endDate) })}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
