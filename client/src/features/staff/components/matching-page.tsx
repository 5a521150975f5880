import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardTable } from '../../../components/data-table.tsx';
import { EstimateBadge } from '../../../components/estimate-badge.tsx';
import { SemesterSelect } from '../../../components/semester-select.tsx';
import { day, minutes } from '../../../lib/format.ts';
import { notify } from '../../../lib/notifications.ts';
import { useQueryParam } from '../../../lib/router.ts';
import { currentSemester, nextSemester } from '../../../lib/semesters.ts';
import { ApiError, messageFor } from '../../../lib/api-client.ts';
import { useApplyMatching, type Override } from '../api/apply-matching.ts';
import type { Preview, Wish } from '../api/matching-schema.ts';
import { usePreviewJob } from '../api/use-preview-job.ts';
import { explainAssignment, explainUnmatched } from './explain.ts';
import { OverridePicker, type Choice } from './override-picker.tsx';
import { CurrentAssignments } from './current-assignments.tsx';
import { PreviewProgress } from './preview-progress.tsx';
import { RequestsPanel } from './requests-panel.tsx';

/** Says why apply refused a row, in the reader's language, naming the intern. */
function rowError(t: (k: string, o?: Record<string, unknown>) => string, err: unknown, nameOf: (id: number) => string): { internId: number; text: string } | null {
  if (!(err instanceof ApiError) || err.id !== 'validation') return null;
  const d = err.details as { internId?: unknown; code?: unknown } | undefined;
  if (typeof d?.internId !== 'number' || typeof d.code !== 'string') return null;
  const reason = t(`matching.rowErrors.${d.code}`, { defaultValue: err.message });
  return { internId: d.internId, text: t('matching.rowError', { name: nameOf(d.internId), reason }) };
}

/**
 * The matching board: run a preview for a semester (a server job whose step and
 * elapsed time show while it runs, and which « Annuler » stops, keeping the
 * previous preview on screen), read each proposal with its
 * drive times and explanation and the unmatched interns with their whole
 * reasons, lock a proposal (it is saved locked) or choose another bed among
 * those valid for that intern (beds beyond their rules are confirmed first),
 * then apply.
 */
export default function MatchingPage() {
  const { t } = useTranslation();
  const [semester, setSemester] = useQueryParam('semestre', nextSemester(currentSemester()).id);
  const [limit, setLimit] = useState(30);
  const [data, setData] = useState<Preview | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const apply = useApplyMatching();
  const [choices, setChoices] = useState<Map<number, Choice>>(new Map());
  const [locked, setLocked] = useState<Set<number>>(new Set());
  const [picking, setPicking] = useState<number | null>(null);
  const [errors, setErrors] = useState<Map<number, string>>(new Map());
  const preview = usePreviewJob({
    // A new preview replaces the board, and the choices made on the previous one.
    onDone: (p) => {
      setChoices(new Map());
      setLocked(new Set());
      setPicking(null);
      setErrors(new Map());
      setData(p);
    },
    onFailed: (err) => notify('error', err instanceof ApiError ? messageFor(err) : t('errors.internal')),
  });
  const names = useMemo(() => new Map([...(data?.assignments ?? []), ...(data?.unmatched ?? [])].map((x) => [x.internId, x.internName])), [data]);
  const nameOf = (id: number) => names.get(id) ?? `#${id}`;

  const run = () => {
    setNotice(null);
    void preview.start({ semester, limitMinutes: limit });
  };
  const cancel = async () => {
    if (!(await preview.cancel())) return;
    setNotice(t('pjob.cancelled'));
  };
  const choose = (internId: number, choice: Choice | 'keep') => {
    const next = new Map(choices);
    if (choice === 'keep') next.delete(internId);
    else next.set(internId, choice);
    setChoices(next);
    if (choice !== 'keep' && choice.bedId === null && locked.has(internId)) toggleLock(internId);
    setPicking(null);
    setErrors(new Map());
  };
  const toggleLock = (internId: number) => {
    const next = new Set(locked);
    if (next.has(internId)) next.delete(internId);
    else next.add(internId);
    setLocked(next);
  };
  const doApply = () => {
    if (!data) return;
    const overrides: Override[] = [...choices].map(([internId, c]) => ({ internId, bedId: c.bedId, ...(c.flags.length ? { confirm: true } : {}) }));
    apply.mutate(
      { runId: data.runId, overrides, locks: [...locked] },
      {
        onSuccess: () => {
          notify('success', t('matching.applied'));
          setData(null);
        },
        onError: (err) => {
          const row = rowError(t, err, nameOf);
          if (row) {
            setErrors(new Map([[row.internId, row.text]]));
            notify('error', row.text);
          } else notify('error', err instanceof ApiError ? messageFor(err) : t('errors.internal'));
        },
      },
    );
  };
  const picker = (internId: number, internName: string, hasProposal: boolean) =>
    picking === internId && data ? (
      <OverridePicker runId={data.runId} internId={internId} internName={internName} nameOf={nameOf} hasProposal={hasProposal} onChoose={(c) => choose(internId, c)} onClose={() => setPicking(null)} />
    ) : null;
  const choiceText = (c: Choice) => (
    <div className={c.flags.length ? 'choice flagged' : 'choice'}>
      → {c.label}
      {c.minutes !== undefined && ` (${minutes(c.minutes)})`}
      {c.flags.length > 0 && <div className="flag small">⚠ {t('matching.flaggedChoice', { flags: c.flagText })}</div>}
    </div>
  );
  /** An intern's ranked wishes (the one they got in bold) and their note, as staff read them. */
  const wishesOf = (name: string, wishes: Wish[], note: string | null, got: string | null) => (
    <div className="wishes">
      {wishes.length === 0 ? (
        <span className="muted">{t('matching.noWishes')}</span>
      ) : (
        <ol aria-label={t('matching.wishesOf', { name })}>
          {wishes.map((w) => (
            <li key={w.rank}>{w.siteName === got ? <strong>{w.siteName}</strong> : w.siteName}</li>
          ))}
        </ol>
      )}
      {note && <q className="muted">{note}</q>}
    </div>
  );
  const rowProblem = (internId: number) => errors.has(internId) && <p className="error" role="alert">{errors.get(internId)}</p>;

  return (
    <main id="main" className="page wide">
      <div className="page-head">
        <h1>{t('matching.title')}</h1>
        <p className="muted">{t('matching.intro')}</p>
        <div className="toolbar">
          <SemesterSelect value={semester} onChange={(s) => { setSemester(s); setData(null); setNotice(null); }} />
          <label>
            {t('matching.limit')}
            <select value={limit} onChange={(e) => setLimit(Number(e.target.value))}>
              {[20, 30, 40, 45, 60].map((m) => <option key={m} value={m}>{m} min</option>)}
            </select>
          </label>
          <button type="button" className="primary" onClick={run} disabled={preview.running}>
            {preview.running ? t('matching.running') : t('matching.run')}
          </button>
        </div>
      </div>

      {preview.running && <PreviewProgress job={preview.job} onCancel={() => void cancel()} cancelling={preview.cancelling} />}
      {notice && !preview.running && (
        <p className="card muted" role="status">
          {notice}
        </p>
      )}

      {data && (
        <>
          {!data.optimal && data.gap && (
            <p className="card muted" role="note">
              {t('matching.notProven', { amount: Math.round(data.gap.amount * 10) / 10, level: t(`matching.level.${data.gap.level}`, { defaultValue: data.gap.level }) })}
            </p>
          )}
          <section aria-labelledby="proposals-title">
            <h2 id="proposals-title">
              {t('matching.proposals', { count: data.assignments.length })} <EstimateBadge estimate={data.estimate} />
            </h2>
            <BoardTable
              headers={[t('matching.intern'), t('matching.practice'), t('matching.housing'), t('intern.driveTime'), t('matching.explanation'), t('matching.wishes'), t('matching.decision')]}
            >
              {data.assignments.map((a) => {
                const c = choices.get(a.internId);
                const hasBed = !c || c.bedId !== null;
                return (
                  <tr key={a.internId} className={errors.has(a.internId) ? 'row-error' : c ? 'overridden' : locked.has(a.internId) ? 'locked' : undefined}>
                    <th scope="row">{a.internName}</th>
                    <td className="small" data-label={t('matching.practice')}>{a.practices.join(' + ') || '—'}</td>
                    <td data-label={t('matching.housing')}>
                      {a.siteName}
                      {a.roomLabel && <div className="muted small">{a.roomLabel}</div>}
                      {c && choiceText(c)}
                    </td>
                    <td data-label={t('intern.driveTime')}>
                      {a.minutes.map((m) => minutes(m)).join(' / ') || '—'} <EstimateBadge estimate={a.estimate} />
                    </td>
                    <td className="small" data-label={t('matching.explanation')}>{explainAssignment(t, a) || '—'}</td>
                    <td className="small" data-label={t('matching.wishes')}>{wishesOf(a.internName, a.wishes, a.note, a.siteName)}</td>
                    <td className="decision">
                      <label className="check">
                        <input type="checkbox" checked={locked.has(a.internId)} onChange={() => toggleLock(a.internId)} disabled={!hasBed} />
                        {t('matching.lock')}
                      </label>
                      <button type="button" aria-label={t('matching.overrideFor', { name: a.internName })} aria-expanded={picking === a.internId} onClick={() => setPicking(picking === a.internId ? null : a.internId)}>
                        {t('matching.change')}
                      </button>
                      {picker(a.internId, a.internName, true)}
                      {rowProblem(a.internId)}
                    </td>
                  </tr>
                );
              })}
            </BoardTable>
          </section>

          <section aria-labelledby="unmatched-title">
            <h2 id="unmatched-title">{t('matching.unmatched', { count: data.unmatched.length })}</h2>
            {data.unmatched.length === 0 ? (
              <p className="muted">{t('matching.allHoused')}</p>
            ) : (
              <ul className="unmatched">
                {data.unmatched.map((u) => {
                  const c = choices.get(u.internId);
                  return (
                    <li key={u.internId} className={errors.has(u.internId) ? 'card row-error' : 'card'}>
                      <strong>{u.internName}</strong> <span className="muted small">({u.practices.join(' + ') || '—'})</span>
                      <p className="reason">{explainUnmatched(t, u) || t('matching.noReason')}</p>
                      {(u.wishes.length > 0 || u.note) && wishesOf(u.internName, u.wishes, u.note, null)}
                      {c && choiceText(c)}
                      <button type="button" aria-label={t('matching.overrideFor', { name: u.internName })} aria-expanded={picking === u.internId} onClick={() => setPicking(picking === u.internId ? null : u.internId)}>
                        {t('matching.assignBed')}
                      </button>
                      {picker(u.internId, u.internName, false)}
                      {rowProblem(u.internId)}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>

          <div className="actions sticky-actions">
            <span className="muted">{t('matching.changes', { count: choices.size, locked: locked.size })}</span>
            <button type="button" className="primary" onClick={doApply} disabled={apply.isPending}>
              {t('matching.apply')}
            </button>
          </div>
          {choices.size > 0 && (
            <ul className="small muted" aria-label={t('matching.overridesList')}>
              {[...choices].map(([internId, c]) => (
                <li key={internId}>
                  {nameOf(internId)}: {c.label}
                  {c.flags.length > 0 && ` ⚠ ${c.flagText}`}
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      <RequestsPanel />

      <CurrentAssignments semester={semester} />
    </main>
  );
}
