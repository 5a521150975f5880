import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { euros, minutes } from '../../../lib/format.ts';
import { useCandidates, type Candidate, type Candidates } from '../api/get-candidates.ts';

/** A staff choice for one intern: a bed (with what it breaks, confirmed) or no bed. */
export interface Choice {
  bedId: number | null;
  label: string;
  minutes?: number;
  /** Rules the bed breaks (`over-limit`, `over-rent`, `rules`), shown and confirmed before it is chosen. */
  flags: string[];
  flagText: string;
}

/** Says what a candidate bed breaks, in the reader's language, with its figures. */
export function flagText(t: (k: string, o?: Record<string, unknown>) => string, c: Pick<Candidate, 'flags' | 'minutes' | 'rentCents'>, list: Pick<Candidates, 'limitMinutes' | 'maxRentCents'>): string {
  return c.flags
    .map((f) => t(`matching.flag.${f}`, { minutes: Math.round(c.minutes), limit: list.limitMinutes, rent: euros(c.rentCents), ceiling: euros(list.maxRentCents) }))
    .join(' ; ');
}

const bedText = (c: Candidate) => [c.siteName, c.roomLabel, c.bedLabel && c.bedLabel !== c.roomLabel ? c.bedLabel : null].filter(Boolean).join(' — ');

/**
 * The override picker of one intern: only beds apply accepts for them in this
 * run (asked of the server, nearest first, searchable), each with its drive
 * time and rent; a bed over the drive limit, the rent ceiling or the house
 * rules is marked and must be confirmed before it is chosen.
 */
export function OverridePicker(props: {
  runId: number;
  internId: number;
  internName: string;
  nameOf: (internId: number) => string;
  hasProposal: boolean;
  onChoose: (choice: Choice | 'keep') => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  const [pending, setPending] = useState<Candidate | null>(null);
  const list = useCandidates(props.runId, props.internId, q);
  const searchId = useId();
  useEffect(() => {
    const h = setTimeout(() => setQ(typed.trim()), 200);
    return () => clearTimeout(h);
  }, [typed]);

  const choose = (c: Candidate) => {
    if (c.flags.length && pending?.bedId !== c.bedId) return setPending(c);
    props.onChoose({ bedId: c.bedId, label: bedText(c), minutes: c.minutes, flags: c.flags, flagText: list.data ? flagText(t, c, list.data) : '' });
  };
  const data = list.data;
  return (
    <div className="override-picker card" role="group" aria-label={t('matching.candidatesFor', { name: props.internName })}>
      <label htmlFor={searchId}>{t('matching.search')}</label>
      <input id={searchId} type="search" value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus />
      <div className="actions">
        {props.hasProposal && <button type="button" onClick={() => props.onChoose('keep')}>{t('matching.keep')}</button>}
        <button type="button" onClick={() => props.onChoose({ bedId: null, label: t('matching.noHousing'), flags: [], flagText: '' })}>{t('matching.noHousing')}</button>
        <button type="button" onClick={props.onClose}>{t('matching.cancel')}</button>
      </div>
      {list.isError && <p className="error">{t('errors.loadFailed')}</p>}
      {data && data.candidates.length === 0 && <p className="muted">{t('matching.noCandidate')}</p>}
      {data && data.candidates.length > 0 && (
        <ul className="candidates">
          {data.candidates.map((c) => (
            <li key={c.bedId} className={c.flags.length ? 'flagged' : undefined}>
              <button type="button" className="candidate" onClick={() => choose(c)} aria-pressed={pending?.bedId === c.bedId}>
                <span className="candidate-bed">{bedText(c)}</span>{' '}
                <span className="candidate-minutes">{c.drives.map((d) => minutes(d)).join(' + ')}</span>
                {c.rentCents !== null && <span className="muted small"> · {t('matching.perMonth', { rent: euros(c.rentCents) })}</span>}
                {c.takenBy !== null && <span className="muted small"> · {t('matching.takenBy', { name: props.nameOf(c.takenBy) })}</span>}
                {c.flags.length > 0 && <span className="flag small"> ⚠ {flagText(t, c, data)}</span>}
              </button>
              {pending?.bedId === c.bedId && (
                <div className="confirm" role="alert">
                  <p>{t('matching.confirmFlagged', { name: props.internName, flags: flagText(t, c, data) })}</p>
                  <button type="button" className="primary" onClick={() => choose(c)}>{t('matching.confirm')}</button>{' '}
                  <button type="button" onClick={() => setPending(null)}>{t('matching.cancel')}</button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {data && data.total > data.candidates.length && <p className="muted small">{t('matching.more', { shown: data.candidates.length, total: data.total })}</p>}
    </div>
  );
}
