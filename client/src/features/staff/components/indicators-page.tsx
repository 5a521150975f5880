import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart } from '../../../components/charts/bar-chart.tsx';
import { EstimateBadge } from '../../../components/estimate-badge.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { SemesterSelect } from '../../../components/semester-select.tsx';
import { minutes, percent } from '../../../lib/format.ts';
import { currentSemester, nextSemester } from '../../../lib/semesters.ts';
import { useIndicators } from '../api/get-indicators.ts';

/** Indicators for a semester (occupancy per site, housed vs placed, average drive time, aid) and exports. */
export default function IndicatorsPage() {
  const { t } = useTranslation();
  const [semester, setSemester] = useState(nextSemester(currentSemester()).id);
  const ind = useIndicators(semester);
  const d = ind.data;
  return (
    <main id="main" className="page wide">
      <div className="page-head">
        <h1>{t('indicators.title')}</h1>
        <div className="toolbar">
          <SemesterSelect value={semester} onChange={setSemester} />
          <a className="button" href="/api/export/sites.csv" download>{t('indicators.exportCsv')}</a>
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
                <span className="kpi-value">{d.aid === null || d.aid === undefined ? '—' : String((d.aid as { granted?: number }).granted ?? '')}</span>
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
                    <td>{o.beds ?? '—'}</td>
                    <td>{o.bookedBedDays ?? '—'}</td>
                    <td>{o.availableBedDays ?? '—'}</td>
                    <td>{percent(o.rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </QueryState>
    </main>
  );
}
