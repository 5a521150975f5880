import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/query-state.tsx';
import { SemesterSelect } from '../../../components/semester-select.tsx';
import { percent } from '../../../lib/format.ts';
import { useQueryId, useQueryParam } from '../../../lib/router.ts';
import { currentSemester, nextSemester, semesterById } from '../../../lib/semesters.ts';
import { useMySites, type ManagedSite } from '../api/get-my-sites.ts';
import { useOccupants } from '../api/get-occupants.ts';
import { AddRoomForm } from './add-room-form.tsx';
import { OccupantsTable } from './occupants-table.tsx';
import { SemesterCalendar } from './semester-calendar.tsx';
import { SiteInfoForm } from './site-info-form.tsx';

/** Occupancy of a site for a semester (0–1), or null when the server does not say. */
function occupancyOf(site: ManagedSite, semester: string): number | null {
  return site.occupancy[semester]?.rate ?? site.occupancy.window?.rate ?? null;
}

/** The housing manager's page: my sites → rooms → availability per semester → edit; occupancy at a glance. */
export default function ManagerPage() {
  const { t } = useTranslation();
  const [semesterId, setSemesterId] = useQueryParam('semestre', nextSemester(currentSemester()).id);
  const sites = useMySites(semesterId);
  const semester = semesterById(semesterId) ?? nextSemester(currentSemester());
  const [siteId, selectSite] = useQueryId('logement');
  const setSiteId = (id: number) => selectSite(id, { push: true });
  const list = sites.data ?? [];
  const site = list.find((s) => s.id === siteId) ?? list[0];
  const occupants = useOccupants(site?.id, semesterId);

  return (
    <main id="main" className="page wide">
      <div className="page-head">
        <h1>{t('manager.title')}</h1>
        <div className="toolbar">
          <SemesterSelect value={semesterId} onChange={setSemesterId} />
        </div>
      </div>
      <QueryState isLoading={sites.isLoading} error={sites.error} empty={!!sites.data && list.length === 0}>
        <div className="manager">
          <nav aria-label={t('manager.mySites')} className="site-cards">
            <h2>{t('manager.mySites')}</h2>
            <ul>
              {list.map((s) => {
                const rate = occupancyOf(s, semesterId);
                const beds = s.rooms.reduce((n, r) => n + r.bedCount, 0);
                return (
                  <li key={s.id}>
                    <button type="button" className={`site-card${s.id === site?.id ? ' selected' : ''}`} aria-pressed={s.id === site?.id} onClick={() => setSiteId(s.id)}>
                      <strong>{s.name}</strong>
                      <span className="muted">{s.commune} · {t('life.roomsBeds', { rooms: t('life.rooms', { count: s.rooms.length }), beds: t('life.beds', { count: beds }) })}</span>
                      <span className="occupancy">
                        <span className="occupancy-bar" aria-hidden="true"><span style={{ width: `${Math.round((rate ?? 0) * 100)}%` }} /></span>
                        <span>{t('manager.occupancyOf', { rate: percent(rate) })}</span>
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </nav>
          {site && (
            <section className="site-detail" aria-labelledby="managed-site-title">
              <h2 id="managed-site-title">{site.name}</h2>
              <SiteInfoForm key={site.id} site={site} />
              {site.rooms.length === 0 && <p className="muted">{t('manager.noRooms')}</p>}
              <OccupantsTable occupants={occupants.data ?? []} />
              <SemesterCalendar semester={semester} rooms={site.rooms} occupants={occupants.data ?? []} />
              <AddRoomForm siteId={site.id} />
            </section>
          )}
        </div>
      </QueryState>
    </main>
  );
}
