import { useTranslation } from 'react-i18next';
import { matchesSearch } from '../../../components/data-table.tsx';
import { STAFF_PATHS } from '../../../config/paths.ts';
import { day } from '../../../lib/format.ts';
import { Link, useQueryParam } from '../../../lib/router.ts';
import { planningSemesters, semesterById } from '../../../lib/semesters.ts';
import { useInterns } from '../api/get-interns.ts';
import { usePlacements } from '../api/get-placements.ts';
import { usePractices } from '../api/get-practices.ts';
import { useDeletePlacement } from '../api/save-placement.ts';
import { ListPage } from './list-page.tsx';
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
    <ListPage
      title={t('backoffice.placements.title')}
      search={[q, setQ]}
      filters={
        <label>
          {t('common.semester')}
          <select value={semesterId} onChange={(e) => setSemesterId(e.target.value)}>
            <option value="">{t('backoffice.all')}</option>
            {semesters.map((s) => (
              <option key={s.id} value={s.id}>{t(s.season === 'winter' ? 'semester.winter' : 'semester.summer', { from: day(s.start), to: day(s.end) })}</option>
            ))}
          </select>
        </label>
      }
      newLabel={t('backoffice.placements.new')}
      selection={sel}
      query={placements}
      rows={shown}
      name={{ header: t('backoffice.placements.intern'), text: (p) => p.intern?.name ?? `#${p.internId}` }}
      columns={[
        { header: t('backoffice.placements.practice'), cell: (p) => `${p.practice?.name ?? ''} (${p.practice?.commune ?? ''})` },
        { header: t('backoffice.placements.secondPractice'), cell: (p) => (p.secondPractice ? `${p.secondPractice.name} (${p.secondPractice.commune})` : '—') },
        { header: t('backoffice.placements.start'), cell: (p) => day(p.startDate) },
        { header: t('backoffice.placements.end'), cell: (p) => day(p.endDate) },
      ]}
      panel={
        sel.creating || selected
          ? {
              id: 'placement-panel-title',
              title: selected ? (selected.intern?.name ?? t('backoffice.placements.edit')) : t('backoffice.placements.new'),
              body: (
                <>
                  {selected && <p><Link href={`${STAFF_PATHS.interns}?id=${selected.internId}`}>{t('backoffice.placements.openIntern')}</Link></p>}
                  <PlacementForm key={selected?.id ?? NEW} placement={selected} interns={interns.data ?? []} practices={practices.data ?? []} onSaved={selected ? undefined : sel.close} />
                  {selected && (
                    <button type="button" className="danger" disabled={remove.isPending} onClick={() => window.confirm(t('backoffice.placements.confirmDelete')) && remove.mutate(selected.id, { onSuccess: sel.close })}>
                      {t('common.delete')}
                    </button>
                  )}
                </>
              ),
            }
          : undefined
      }
    />
  );
}
