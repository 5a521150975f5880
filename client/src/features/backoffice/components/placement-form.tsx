import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, isFieldInvalid } from '../../../components/form-error.tsx';
import { notify } from '../../../lib/notifications.ts';
import type { Intern } from '../api/get-interns.ts';
import type { Placement } from '../api/get-placements.ts';
import type { Practice } from '../api/get-practices.ts';
import { useSavePlacement } from '../api/save-placement.ts';

/**
 * Creates or edits a placement: dates and one or two practices (a split week).
 * With `internId` the intern is fixed; otherwise it is chosen from `interns`.
 */
export function PlacementForm({ placement, internId, interns, practices, onSaved }: { placement?: Placement; internId?: number; interns?: Intern[]; practices: Practice[]; onSaved?: () => void }) {
  const { t } = useTranslation();
  const [intern, setIntern] = useState(String(placement?.internId ?? internId ?? ''));
  const [first, setFirst] = useState(placement ? String(placement.practiceId) : '');
  const [second, setSecond] = useState(placement?.secondPracticeId ? String(placement.secondPracticeId) : '');
  const [start, setStart] = useState(placement?.startDate ?? '');
  const [end, setEnd] = useState(placement?.endDate ?? '');
  const save = useSavePlacement();
  const invalid = (f: string) => isFieldInvalid(save.error, `body.${f}`);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { id: placement?.id, internId: Number(intern), practiceId: Number(first), secondPracticeId: second ? Number(second) : null, startDate: start, endDate: end },
      { onSuccess: () => { notify('success', t('backoffice.saved')); onSaved?.(); } },
    );
  };
  const practiceOptions = practices.map((p) => <option key={p.id} value={p.id}>{p.name} — {p.commune}</option>);

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={placement ? t('backoffice.placements.edit') : t('backoffice.placements.new')}>
      {!internId && !placement && (
        <label>
          {t('backoffice.placements.intern')}
          <select value={intern} onChange={(e) => setIntern(e.target.value)} aria-invalid={invalid('internId')}>
            <option value="">—</option>
            {(interns ?? []).map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
          </select>
        </label>
      )}
      <label>
        {t('backoffice.placements.practice')}
        <select value={first} onChange={(e) => setFirst(e.target.value)} aria-invalid={invalid('practiceId')}>
          <option value="">—</option>
          {practiceOptions}
        </select>
      </label>
      <label>
        {t('backoffice.placements.secondPractice')}
        <select value={second} onChange={(e) => setSecond(e.target.value)}>
          <option value="">{t('backoffice.none')}</option>
          {practiceOptions}
        </select>
      </label>
      <div className="form-row">
        <label>
          {t('backoffice.placements.start')}
          <input type="date" value={start} onChange={(e) => setStart(e.target.value)} aria-invalid={invalid('startDate')} />
        </label>
        <label>
          {t('backoffice.placements.end')}
          <input type="date" value={end} onChange={(e) => setEnd(e.target.value)} aria-invalid={invalid('endDate')} />
        </label>
      </div>
      <FormError error={save.error} />
      <button type="submit" className="primary" disabled={save.isPending}>{placement ? t('common.save') : t('backoffice.placements.add')}</button>
    </form>
  );
}
