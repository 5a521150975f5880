import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../lib/notifications.ts';
import { usePutPreferences } from '../api/put-preferences.ts';

/** The intern's ranked choices: reorder, remove, add a note, save. */
export function PreferencesPanel({
  siteIds,
  note: savedNote,
  names,
  onChange,
}: {
  siteIds: number[];
  note: string;
  names: Map<number, string>;
  onChange: (ids: number[]) => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState(savedNote);
  useEffect(() => setNote(savedNote), [savedNote]);
  const save = usePutPreferences();
  const move = (i: number, d: -1 | 1) => {
    const next = [...siteIds];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    onChange(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ siteIds, note: note.trim() || undefined }, { onSuccess: () => notify('success', t('intern.choicesSaved')) });
  };
  return (
    <section className="card" aria-labelledby="prefs-title">
      <h2 id="prefs-title">{t('intern.choices')}</h2>
      {siteIds.length === 0 ? (
        <p className="muted">{t('intern.noChoices')}</p>
      ) : (
        <ol className="choices">
          {siteIds.map((id, i) => (
            <li key={id}>
              <span>{names.get(id) ?? `#${id}`}</span>
              <span className="row-actions">
                <button type="button" className="icon" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('intern.up', { name: names.get(id) })}>↑</button>
                <button type="button" className="icon" disabled={i === siteIds.length - 1} onClick={() => move(i, 1)} aria-label={t('intern.down', { name: names.get(id) })}>↓</button>
                <button type="button" className="icon" onClick={() => onChange(siteIds.filter((x) => x !== id))} aria-label={t('intern.remove', { name: names.get(id) })}>×</button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <form className="form" onSubmit={submit}>
        <label>
          {t('intern.choicesNote')}
          <textarea rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={save.isPending}>{t('intern.saveChoices')}</button>
      </form>
    </section>
  );
}
