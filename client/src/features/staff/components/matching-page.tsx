import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EstimateBadge } from '../../../components/estimate-badge.tsx';
import { SemesterSelect } from '../../../components/semester-select.tsx';
import { day, minutes } from '../../../lib/format.ts';
import { notify } from '../../../lib/notifications.ts';
import { useQueryParam } from '../../../lib/router.ts';
import { currentSemester, nextSemester } from '../../../lib/semesters.ts';
import { useApplyMatching, type Override } from '../api/apply-matching.ts';
import { useCreateMatchingPreview } from '../api/create-matching-preview.ts';
import { useAssignments } from '../api/get-assignments.ts';
import { useBeds } from '../api/get-beds.ts';
import { explainAssignment, explainUnmatched } from './explain.ts';
import { RequestsPanel } from './requests-panel.tsx';
import { useUpdateAssignment } from '../api/update-assignment.ts';

const NONE = 'none';

/**
 * The matching board: run a preview for a semester, read each proposal with its
 * drive times and explanation and the unmatched interns with their reasons,
 * lock a proposal or override it (another bed, or none), then apply.
 */
export default function MatchingPage() {
  const { t } = useTranslation();
  const [semester, setSemester] = useQueryParam('semestre', nextSemester(currentSemester()).id);
  const [limit, setLimit] = useState(30);
  const preview = useCreateMatchingPreview();
  const apply = useApplyMatching();
  const beds = useBeds();
  const assignments = useAssignments(semester);
  const lock = useUpdateAssignment();
  const [overrides, setOverrides] = useState<Map<number, number | null>>(new Map());
  const [locked, setLocked] = useState<Set<number>>(new Set());
  const data = preview.data;
  const bedLabel = useMemo(() => new Map((beds.data ?? []).map((b) => [b.bedId, b.label])), [beds.data]);

  const run = () => {
    setOverrides(new Map());
    setLocked(new Set());
    preview.mutate({ semester, limitMinutes: limit });
  };
  const setOverride = (internId: number, value: string, proposed: number | null) => {
    const next = new Map(overrides);
    const bedId = value === NONE ? null : Number(value);
    if (bedId === proposed) next.delete(internId);
    else next.set(internId, bedId);
    setOverrides(next);
  };
  const toggleLock = (internId: number) => {
    const next = new Set(locked);
    if (next.has(internId)) next.delete(internId);
    else next.add(internId);
    setLocked(next);
  };
  const doApply = () => {
    if (!data) return;
    // A locked proposal is sent as an explicit choice of its bed, so it survives whatever else changes.
    const list: Override[] = [...overrides].map(([internId, bedId]) => ({ internId, bedId }));
    for (const a of data.assignments) if (locked.has(a.internId) && !overrides.has(a.internId)) list.push({ internId: a.internId, bedId: a.bedId });
    apply.mutate(
      { runId: data.runId, overrides: list },
      {
        onSuccess: () => {
          notify('success', t('matching.applied'));
          preview.reset();
        },
      },
    );
  };

  return (
    <main id="main" className="page wide">
      <div className="page-head">
        <h1>{t('matching.title')}</h1>
        <p className="muted">{t('matching.intro')}</p>
        <div className="toolbar">
          <SemesterSelect value={semester} onChange={(s) => { setSemester(s); preview.reset(); }} />
          <label>
            {t('matching.limit')}
            <select value={limit} onChange={(e) => setLimit(Number(e.target.value))}>
              {[20, 30, 40, 45, 60].map((m) => <option key={m} value={m}>{m} min</option>)}
            </select>
          </label>
          <button type="button" className="primary" onClick={run} disabled={preview.isPending}>
            {preview.isPending ? t('matching.running') : t('matching.run')}
          </button>
        </div>
      </div>

      {data && (
        <>
          <section aria-labelledby="proposals-title">
            <h2 id="proposals-title">
              {t('matching.proposals', { count: data.assignments.length })} <EstimateBadge estimate={data.estimate} />
            </h2>
            <div className="table-wrap">
              <table className="board">
                <thead>
                  <tr>
                    <th scope="col">{t('matching.intern')}</th>
                    <th scope="col">{t('matching.housing')}</th>
                    <th scope="col">{t('intern.driveTime')}</th>
                    <th scope="col">{t('matching.explanation')}</th>
                    <th scope="col">{t('matching.decision')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.assignments.map((a) => {
                    const o = overrides.get(a.internId);
                    const changed = overrides.has(a.internId);
                    return (
                      <tr key={a.internId} className={changed ? 'overridden' : locked.has(a.internId) ? 'locked' : undefined}>
                        <th scope="row">{a.internName}</th>
                        <td>
                          {a.siteName}
                          {a.roomLabel && <div className="muted small">{a.roomLabel}</div>}
                        </td>
                        <td>
                          {a.minutes.map((m) => minutes(m)).join(' / ') || '—'} <EstimateBadge estimate={a.estimate} />
                        </td>
                        <td className="small" title={a.explanation}>{explainAssignment(t, a) || '—'}</td>
                        <td className="decision">
                          <label className="check">
                            <input type="checkbox" checked={locked.has(a.internId)} onChange={() => toggleLock(a.internId)} disabled={changed} />
                            {t('matching.lock')}
                          </label>
                          <label className="sr-label">
                            <span className="sr-only">{t('matching.overrideFor', { name: a.internName })}</span>
                            <select value={changed ? (o === null ? NONE : String(o)) : String(a.bedId ?? NONE)} onChange={(e) => setOverride(a.internId, e.target.value, a.bedId)}>
                              {a.bedId !== null && <option value={String(a.bedId)}>{t('matching.keep')}</option>}
                              <option value={NONE}>{t('matching.noHousing')}</option>
                              {(beds.data ?? []).filter((b) => b.bedId !== a.bedId).map((b) => <option key={b.bedId} value={b.bedId}>{b.label}</option>)}
                            </select>
                          </label>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="unmatched-title">
            <h2 id="unmatched-title">{t('matching.unmatched', { count: data.unmatched.length })}</h2>
            {data.unmatched.length === 0 ? (
              <p className="muted">{t('matching.allHoused')}</p>
            ) : (
              <ul className="unmatched">
                {data.unmatched.map((u) => (
                  <li key={u.internId} className="card">
                    <strong>{u.internName}</strong> — <span title={u.reason}>{explainUnmatched(t, u) || t('matching.noReason')}</span>
                    <label className="inline">
                      {t('matching.assignBed')}
                      <select value={overrides.has(u.internId) ? String(overrides.get(u.internId) ?? NONE) : NONE} onChange={(e) => setOverride(u.internId, e.target.value, null)}>
                        <option value={NONE}>{t('matching.noHousing')}</option>
                        {(beds.data ?? []).map((b) => <option key={b.bedId} value={b.bedId}>{b.label}</option>)}
                      </select>
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <div className="actions sticky-actions">
            <span className="muted">{t('matching.changes', { count: overrides.size, locked: locked.size })}</span>
            <button type="button" className="primary" onClick={doApply} disabled={apply.isPending}>
              {t('matching.apply')}
            </button>
          </div>
          {[...overrides].length > 0 && (
            <ul className="small muted" aria-label={t('matching.overridesList')}>
              {[...overrides].map(([internId, bedId]) => (
                <li key={internId}>
                  {data.assignments.find((a) => a.internId === internId)?.internName ?? data.unmatched.find((u) => u.internId === internId)?.internName}:{' '}
                  {bedId === null ? t('matching.noHousing') : (bedLabel.get(bedId) ?? `#${bedId}`)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      <RequestsPanel />

      <section aria-labelledby="current-title">
        <h2 id="current-title">{t('matching.current')}</h2>
        {(assignments.data ?? []).length === 0 ? (
          <p className="muted">{assignments.isError ? t('errors.loadFailed') : t('matching.noneYet')}</p>
        ) : (
          <div className="table-wrap">
            <table className="board">
              <thead>
                <tr>
                  <th scope="col">{t('matching.intern')}</th>
                  <th scope="col">{t('matching.housing')}</th>
                  <th scope="col">{t('intern.driveTime')}</th>
                  <th scope="col">{t('matching.dates')}</th>
                  <th scope="col">{t('matching.status')}</th>
                  <th scope="col">{t('matching.lock')}</th>
                </tr>
              </thead>
              <tbody>
                {assignments.data!.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{a.internName}</th>
                    <td>{a.siteName} {a.roomLabel && <span className="muted small">{a.roomLabel}</span>}</td>
                    <td>{minutes(a.driveMinutes)} <EstimateBadge estimate={a.estimate} /></td>
                    <td>{day(a.startDate)} → {day(a.endDate)}</td>
                    <td>{t(`status.${a.status}`, { defaultValue: a.status })}</td>
                    <td>
                      <label className="check">
                        <input type="checkbox" checked={a.locked} onChange={() => lock.mutate({ id: a.id, locked: !a.locked })} />
                        <span className="sr-only">{t('matching.lockFor', { name: a.internName })}</span>
                      </label>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </main>
  );
}
