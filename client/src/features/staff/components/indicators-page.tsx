import { useTranslation } from 'react-i18next';
import { BarChart } from '../../../components/charts/bar-chart.tsx';
import { EstimateBadge } from '../../../components/estimate-badge.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { SemesterSelect } from '../../../components/semester-select.tsx';
import { sitesCsvHref } from '../../../lib/export-links.ts';
import { euros, minutes, percent } from '../../../lib/format.ts';
import { useQueryParam } from '../../../lib/router.ts';
import { currentSemester, nextSemester } from '../../../lib/semesters.ts';
import { useAssignments, type Assignment } from '../api/get-assignments.ts';
import { useIndicators } from '../api/get-indicators.ts';
import { SemesterIndicators } from './semester-indicators.tsx';

/** Average drive time per site over a semester's live assignments, longest first. */
export function driveTimesBySite(assignments: Assignment[]): { label: string; value: number }[] {
  const bySite = new Map<string, number[]>();
  for (const a of assignments) {
    if (a.status === 'cancelled' || a.driveMinutes === null) continue;
    bySite.set(a.siteName, [...(bySite.get(a.siteName) ?? []), a.driveMinutes]);
  }
  return [...bySite]
    .map(([label, m]) => ({ label, value: Math.round(m.reduce((x, y) => x + y, 0) / m.length) }))
    .sort((a, b) => b.value - a.value);
}

/** Indicators for a semester (occupancy per site, housed vs placed, average drive time, aid) and exports. */
export default function IndicatorsPage() {
  const { t, i18n } = useTranslation();
  const [semester, setSemester] = useQueryParam('semestre', nextSemester(currentSemester()).id);
  const ind = useIndicators(semester);
  const assignments = useAssignments(semester);
  const d = ind.data;
  const drives = driveTimesBySite(assignments.data ?? []);
  const drivesEstimated = (assignments.data ?? []).some((a) => a.estimate);
  return (
    <main id="main" className="page wide">
      <div className="page-head">
        <h1>{t('indicators.title')}</h1>
        <div className="toolbar">
          <SemesterSelect value={semester} onChange={setSemester} />
          <a className="button" href={sitesCsvHref(i18n.language)} download>{t('indicators.exportCsv')}</a>
          <a className="button" href="/api/export/sites.geojson" download>{t('indicators.exportGeojson')}</a>
        </div>
      </div>
      <QueryState isLoading={ind.isLoading} error={ind.error}>
        {d && (
          <>
            <div className="kpis">
              <div className="kpi card">
                <span className="kpi-value">{d.interns.housed} / {d.interns.placed}</span>
                <span className="kpi-label">{t('indicators.housedPlaced')}</span>
              </div>
              <div className="kpi card">
                <span className="kpi-value">{minutes(d.averageDriveMinutes)} <EstimateBadge estimate={d.estimate} /></span>
                <span className="kpi-label">{t('indicators.avgDrive')}</span>
              </div>
              <div className="kpi card">
                <span className="kpi-value">{d.aid ? `${d.aid.count} · ${euros(d.aid.amountCents)}` : '—'}</span>
                <span className="kpi-label">{t('indicators.aid')}</span>
              </div>
            </div>
            <div className="charts">
              <BarChart
                title={t('indicators.occupancy')}
                max={1}
                bars={d.occupancy.map((o) => ({ label: o.name, value: o.rate ?? 0, text: percent(o.rate) }))}
              />
              <BarChart
                title={t('indicators.internsChart')}
                bars={[
                  { label: t('indicators.placed'), value: d.interns.placed },
                  { label: t('indicators.housed'), value: d.interns.housed, total: d.interns.placed },
                ]}
              />
              {drives.length > 0 && (
                <BarChart
                  title={`${t('indicators.driveChart')}${drivesEstimated ? ` (${t('common.estimate')})` : ''}`}
                  bars={drives.map((b) => ({ ...b, text: minutes(b.value) }))}
                />
              )}
            </div>
            <table className="board">
              <caption>{t('indicators.occupancyTable')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('site.name')}</th>
                  <th scope="col">{t('indicators.beds')}</th>
                  <th scope="col">{t('indicators.booked')}</th>
                  <th scope="col">{t('indicators.available')}</th>
                  <th scope="col">{t('manager.occupancy')}</th>
                </tr>
              </thead>
              <tbody>
                {d.occupancy.map((o) => (
                  <tr key={o.siteId}>
                    <th scope="row">{o.name}</th>
                    <td data-label={t('indicators.beds')}>{o.beds ?? '—'}</td>
                    <td data-label={t('indicators.booked')}>{o.bookedBedDays ?? '—'}</td>
                    <td data-label={t('indicators.available')}>{o.availableBedDays ?? '—'}</td>
                    <td data-label={t('manager.occupancy')}>{percent(o.rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </QueryState>
      <SemesterIndicators />
    </main>
  );
}
