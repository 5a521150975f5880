import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardTable } from '../../../components/data-table.tsx';
import { EstimateBadge } from '../../../components/estimate-badge.tsx';
import { day, minutes } from '../../../lib/format.ts';
import { notify } from '../../../lib/notifications.ts';
import { useAssignments } from '../api/get-assignments.ts';
import { useUpdateAssignment } from '../api/update-assignment.ts';

/**
 * The semester's bookings on the matching board: who has not answered yet (and
 * by when), confirm (also on the intern's behalf) or cancel, lock; declined,
 * expired and cancelled ones on demand, with why.
 */
export function CurrentAssignments({ semester }: { semester: string }) {
  const { t } = useTranslation();
  const [showCancelled, setShowCancelled] = useState(false);
  const assignments = useAssignments(semester, showCancelled);
  const update = useUpdateAssignment();
  const rows = assignments.data ?? [];
  const today = new Date().toISOString().slice(0, 10);
  const waiting = rows.filter((a) => a.status === 'proposed');
  const confirm = (id: number, name: string) => update.mutate({ id, status: 'confirmed' }, { onSuccess: () => notify('success', t('life.board.confirmed', { name })) });
  const cancel = (id: number, name: string) => {
    if (!window.confirm(t('life.board.confirmCancel', { name }))) return;
    update.mutate({ id, status: 'cancelled' }, { onSuccess: () => notify('success', t('life.board.cancelled', { name })) });
  };
  return (
    <section aria-labelledby="current-title">
      <h2 id="current-title">{t('matching.current')}</h2>
      <p className="toolbar">
        <span role="status" className={waiting.length ? 'warn' : 'muted'}>
          {waiting.length ? t('life.board.waiting', { count: waiting.length }) : t('life.board.waitingNone')}
          {waiting.length > 0 && <> : {waiting.map((a) => a.internName).join(', ')}</>}
        </span>
        <label className="check">
          <input type="checkbox" checked={showCancelled} onChange={(e) => setShowCancelled(e.target.checked)} /> {t('life.board.showCancelled')}
        </label>
      </p>
      {rows.length === 0 ? (
        <p className="muted">{assignments.isError ? t('errors.loadFailed') : t('matching.noneYet')}</p>
      ) : (
        <BoardTable
          headers={[t('matching.intern'), t('matching.housing'), t('intern.driveTime'), t('matching.dates'), t('matching.status'), t('matching.lock'), t('life.board.actions')]}
        >
          {rows.map((a) => (
            <tr key={a.id} data-status={a.status} className={a.status === 'cancelled' ? 'muted' : undefined}>
              <th scope="row">{a.internName}</th>
              <td data-label={t('matching.housing')}>{a.siteName} {a.roomLabel && <span className="muted small">{a.roomLabel}</span>}</td>
              <td data-label={t('intern.driveTime')}>{minutes(a.driveMinutes)} <EstimateBadge estimate={a.estimate} /></td>
              <td data-label={t('matching.dates')}>{day(a.startDate)} → {day(a.endDate)}</td>
              <td data-label={t('matching.status')}>
                {t(`status.${a.status}`, { defaultValue: a.status })}
                {a.cancelReason && <span className="small"> ({t(`life.reason.${a.cancelReason}`)})</span>}
                {a.status === 'proposed' && a.answerBy && (
                  <div className={`small ${a.answerBy < today ? 'warn' : 'muted'}`}>
                    {t('life.answerBy', { date: day(a.answerBy) })}
                    {a.answerBy < today && <> · {t('life.overdue')}</>}
                  </div>
                )}
              </td>
              <td>
                {a.status !== 'cancelled' && (
                  <label className="check">
                    <input type="checkbox" checked={a.locked} onChange={() => update.mutate({ id: a.id, locked: !a.locked })} />
                    <span className="sr-only">{t('matching.lockFor', { name: a.internName })}</span>
                  </label>
                )}
              </td>
              <td className="row-actions">
                {(a.status === 'proposed' || a.status === 'accepted') && (
                  <button type="button" disabled={update.isPending} onClick={() => confirm(a.id, a.internName)} aria-label={t('life.board.confirmFor', { name: a.internName })}>
                    {t('life.board.confirm')}
                  </button>
                )}
                {a.status !== 'cancelled' && (
                  <button type="button" disabled={update.isPending} onClick={() => cancel(a.id, a.internName)} aria-label={t('life.board.cancelFor', { name: a.internName })}>
                    {t('life.board.cancel')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </BoardTable>
      )}
    </section>
  );
}
