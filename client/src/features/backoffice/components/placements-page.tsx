import { useTranslation } from 'react-i18next';
import { DataTable, matchesSearch, SearchBox } from '../../../components/data-table.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { STAFF_PATHS } from '../../../config/paths.ts';
import { day } from '../../../lib/format.ts';
import { Link, useQueryParam } from '../../../lib/router.ts';
import { planningSemesters, semesterById } from '../../../lib/semesters.ts';
import { useInterns } from '../api/get-interns.ts';
import { usePlacements } from '../api/get-placements.ts';
import { usePractices } from '../api/get-practices.ts';
import { useDeletePlacement } from '../api/save-placement.ts';
import { PlacementForm } from './placement-form.tsx';
import { NEW, useSearch, useSelection } from './use-selection.ts';

/** Staff: placements (dates, one or two practices), by semester, with search; create, edit, delete. */
export default function PlacementsPage() {
  const { t } = useTranslation();
  const placements = usePlacements({});
  const interns = useInterns();
  const practices = usePractices();
  const remove = useDeletePlacement();
  const [q, setQ] = useSearch();
  const [semesterId, setSemesterId] = useQueryParam('semestre', '');
  const sel = useSelection();
  const semester = semesterById(semesterId);
  const all = placements.data ?? [];
  const shown = all.filter(
    (p) =>
      (!semester || (p.startDate <= semester.end && p.endDate >= semester.start)) &&
      matchesSearch(q, p.intern?.name, p.practice?.name, p.practice?.commune, p.secondPractice?.name, p.secondPractice?.commune),
  );
  const selected = sel.id ? all.find((p) => p.id === sel.id) : undefined;
  const semesters = planningSemesters();
  if (semester && !semesters.some((s) => s.id === semester.id)) semesters.push(semester);

  return (
    <main id="main" className="page wide">
      <div className="page-head">
        <h1>{t('backoffice.placements.title')}</h1>
        <div className="toolbar">
          <SearchBox label={t('backoffice.search')} value={q} onChange={setQ} />
          <label>
            {t('common.semester')}
            <select value={semesterId} onChange={(e) => setSemesterId(e.target.value)}>
              <option value="">{t('backoffice.all')}</option>
              {semesters.map((s) => (
                <option key={s.id} value={s.id}>{t(s.season === 'winter' ? 'semester.winter' : 'semester.summer', { from: day(s.start), to: day(s.end) })}</option>
              ))}
            </select>
          </label>
          <button type="button" className="primary" onClick={() => sel.open(NEW)}>{t('backoffice.placements.new')}</button>
        </div>
      </div>
      <div className="backoffice">
        <QueryState isLoading={placements.isLoading} error={placements.error}>
          <DataTable
            caption={t('backoffice.count', { count: shown.length })}
            rows={shown}
            rowKey={(p) => p.id}
            selected={sel.id}
            columns={[
              { header: t('backoffice.placements.intern'), cell: (p) => <button type="button" className="link" onClick={() => sel.open(p.id)}>{p.intern?.name ?? `#${p.internId}`}</button> },
              { header: t('backoffice.placements.practice'), cell: (p) => `${p.practice?.name ?? ''} (${p.practice?.commune ?? ''})` },
              { header: t('backoffice.placements.secondPractice'), cell: (p) => (p.secondPractice ? `${p.secondPractice.name} (${p.secondPractice.commune})` : '—') },
              { header: t('backoffice.placements.start'), cell: (p) => day(p.startDate) },
              { header: t('backoffice.placements.end'), cell: (p) => day(p.endDate) },
            ]}
          />
        </QueryState>
        {(sel.creating || selected) && (
          <section className="card panel" aria-labelledby="placement-panel-title">
            <div className="detail-head">
              <h2 id="placement-panel-title">{selected ? (selected.intern?.name ?? t('backoffice.placements.edit')) : t('backoffice.placements.new')}</h2>
              <button type="button" onClick={sel.close}>{t('common.close')}</button>
            </div>
            {selected && <p><Link href={`${STAFF_PATHS.interns}?id=${selected.internId}`}>{t('backoffice.placements.openIntern')}</Link></p>}
            <PlacementForm key={selected?.id ?? NEW} placement={selected} interns={interns.data ?? []} practices={practices.data ?? []} onSaved={selected ? undefined : sel.close} />
            {selected && (
              <button type="button" className="danger" disabled={remove.isPending} onClick={() => window.confirm(t('backoffice.placements.confirmDelete')) && remove.mutate(selected.id, { onSuccess: sel.close })}>
                {t('common.delete')}
              </button>
            )}
          </section>
        )}
      </div>
    </main>
  );
}
