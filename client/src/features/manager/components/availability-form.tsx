import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client.ts';
import { notify } from '../../../lib/notifications.ts';
import type { Semester } from '../../../lib/semesters.ts';
import { useCreateAvailability } from '../api/create-availability.ts';
import { useUpdateAvailability } from '../api/update-availability.ts';
import type { AvailabilityWindow } from '../api/get-my-sites.ts';
import { validateWindow } from './calendar-math.ts';

/** Adds (or edits) an availability window of a room, with validation and immediate feedback. */
export function AvailabilityForm({ roomId, roomLabel, semester, window, onDone }: { roomId: number; roomLabel: string; semester: Semester; window?: AvailabilityWindow; onDone?: () => void }) {
  const { t } = useTranslation();
  const [startDate, setStart] = useState(window?.startDate.slice(0, 10) ?? semester.start);
  const [endDate, setEnd] = useState(window?.endDate.slice(0, 10) ?? semester.end);
  const [note, setNote] = useState(window?.note ?? '');
  const [touched, setTouched] = useState(false);
  const create = useCreateAvailability();
  const update = useUpdateAvailability();
  const mutation = window ? update : create;
  const errors = validateWindow(startDate, endDate);
  const serverError = mutation.error instanceof ApiError ? mutation.error : undefined;
  const id = `${window ? `w${window.id}` : `r${roomId}`}`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (errors.startDate || errors.endDate) return;
    const body = { startDate, endDate, note: note.trim() || undefined };
    const onSuccess = () => {
      notify('success', t(window ? 'manager.windowUpdated' : 'manager.windowAdded', { room: roomLabel }));
      if (!window) {
        setNote('');
        setTouched(false);
      }
      onDone?.();
    };
    if (window) update.mutate({ id: window.id, ...body }, { onSuccess });
    else create.mutate({ roomId, ...body }, { onSuccess });
  };

  return (
    <form className="form inline-form" onSubmit={submit} noValidate aria-label={t(window ? 'manager.editWindowFor' : 'manager.addWindowFor', { room: roomLabel })}>
      <label>
        {t('manager.from')}
        <input type="date" value={startDate} onChange={(e) => setStart(e.target.value)} aria-invalid={touched && !!errors.startDate} aria-describedby={`${id}-start-err`} required />
        {touched && errors.startDate && <span id={`${id}-start-err`} className="error">{t(errors.startDate)}</span>}
      </label>
      <label>
        {t('manager.to')}
        <input type="date" value={endDate} onChange={(e) => setEnd(e.target.value)} aria-invalid={touched && !!errors.endDate} aria-describedby={`${id}-end-err`} required />
        {touched && errors.endDate && <span id={`${id}-end-err`} className="error" role="alert">{t(errors.endDate)}</span>}
      </label>
      <label className="grow">
        {t('manager.note')}
        <input type="text" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={mutation.isPending}>
        {window ? t('common.save') : t('manager.addWindow')}
      </button>
      {onDone && window && <button type="button" onClick={onDone}>{t('common.cancel')}</button>}
      {serverError && (
        <p className="error full" role="alert">
          {serverError.id === 'conflict' ? t('manager.errConflict') : t(`errors.${serverError.id}`, { defaultValue: t('errors.internal') })} {serverError.message}
        </p>
      )}
    </form>
  );
}
