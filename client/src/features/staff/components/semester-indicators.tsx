import { useTranslation } from 'react-i18next';
import { StackedBarChart } from '../../../components/charts/stacked-bar-chart.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { SemesterSelect } from '../../../components/semester-select.tsx';
import i18n from '../../../lib/i18n.ts';
import { euros, minutes, percent } from '../../../lib/format.ts';
import { useQueryParam } from '../../../lib/router.ts';
import { currentSemester, nextSemester } from '../../../lib/semesters.ts';
import { semesterIndicatorsCsvUrl, useDepartements, useSemesterIndicators, type SemesterFigures, type SemesterIndicators as Figures } from '../api/get-semester-indicators.ts';

const COUNTS = [4, 6, 8, 12];

/** The interns table's columns after the semester: heading key and cell, listed once for both. */
const INTERN_COLUMNS: [string, (s: SemesterFigures) => string | number][] = [
  ['semind.placed', (s) => s.interns.placed],
  ['semind.within', (s) => s.interns.housedWithinLimit],
  ['semind.beyond', (s) => s.interns.housedBeyondLimit],
  ['semind.driveUnknown', (s) => s.interns.housedDriveUnknown],
  ['semind.notHoused', (s) => s.interns.notHoused],
  ['semind.foreign', (s) => s.interns.foreign],
  ['semind.averageDrive', (s) => minutes(s.drive.averageMinutes)],
  ['semind.worstDrive', (s) => minutes(s.drive.worstMinutes)],
];

/** A column of a per-semester table: its heading and each semester's cell. */
interface SemesterColumn {
  key: string;
  heading: string;
  cell: (s: SemesterFigures) => string | number;
}

/** One row per semester, the semester as the row's heading; cells labelled for the phone layout. */
function SemesterTable({ testId, caption, rows, columns }: { testId: string; caption: string; rows: SemesterFigures[]; columns: SemesterColumn[] }) {
  const { t } = useTranslation();
  return (
    <table className="board" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('semind.semester')}</th>
          {columns.map((c) => (
            <th scope="col" key={c.key}>{c.heading}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.semester.id}>
            <th scope="row">{semesterLabel(s.semester.id)}</th>
            {columns.map((c) => (
              <td key={c.key} data-label={c.heading}>{c.cell(s)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A semester by the month it starts: "mai 2026", "nov. 2026". */
export function semesterLabel(id: string): string {
  return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${id}-01T00:00:00Z`));
}

/** Booked out of offered bed-days over all the scope's sites; null when none was offered. */
export function overallOccupancy(s: SemesterFigures): number | null {
  const available = s.occupancy.reduce((n, o) => n + o.availableBedDays, 0);
  return available > 0 ? s.occupancy.reduce((n, o) => n + o.bookedBedDays, 0) / available : null;
}

/**
 * The indicators over the last semesters for the staff member's départements (or one of them; the
 * admin: France or one département): charts readable on a phone, each with the same figures as a table,
 * and the CSV export. The choice lives in the address (`?departement=41&semestres=6&jusqua=2027-05`).
 */
export function SemesterIndicators() {
  const { t } = useTranslation();
  const [departement, setDepartement] = useQueryParam('departement', '');
  const [countText, setCount] = useQueryParam('semestres', '6');
  const count = COUNTS.includes(Number(countText)) ? Number(countText) : 6;
  const [until, setUntil] = useQueryParam('jusqua', nextSemester(currentSemester()).id);
  const deps = useDepartements();
  const q = { departement, count, until };
  const ind = useSemesterIndicators(q);
  const options = deps.data?.departements ?? [];
  return (
    <section className="semester-indicators" aria-labelledby="semind-title">
      <div className="page-head">
        <h2 id="semind-title">{t('semind.title')}</h2>
        <div className="toolbar">
          {options.length > 1 && (
            <label>
              {t('semind.departement')}
              <select value={departement} onChange={(e) => setDepartement(e.target.value)}>
                <option value="">{t('semind.all')}</option>
                {options.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.name} ({d.code})
                  </option>
                ))}
              </select>
            </label>
          )}
          <SemesterSelect value={until} onChange={setUntil} label={t('semind.until')} />
          <label>
            {t('semind.count')}
            <select value={String(count)} onChange={(e) => setCount(e.target.value)}>
              {COUNTS.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <a className="button" href={semesterIndicatorsCsvUrl(q, 'fr')} download>{t('semind.csvFr')}</a>
          <a className="button" href={semesterIndicatorsCsvUrl(q, 'en')} download>{t('semind.csvEn')}</a>
        </div>
      </div>
      <p className="muted">{t('semind.intro', { count })}</p>
      <QueryState isLoading={ind.isLoading} error={ind.error}>
        {ind.data && <Figures data={ind.data} names={new Map(options.map((d) => [d.code, d.name]))} />}
      </QueryState>
    </section>
  );
}

function Figures({ data, names }: { data: Figures; names: Map<string, string> }) {
  const { t } = useTranslation();
  const rows = data.semesters;
  const scope = data.departements === null ? t('semind.national') : data.departements.map((c) => (names.has(c) ? `${names.get(c)} (${c})` : c)).join(', ');
  const estimate = rows.some((s) => s.drive.estimate);
  const unknownOrigin = Math.max(0, ...rows.map((s) => s.interns.subdivisionUnknown));
  const sites = [...new Map(rows.flatMap((s) => s.occupancy.map((o) => [o.siteId, o.name] as const))).entries()];
  const schemes = [...new Map(rows.flatMap((s) => s.aid.schemes.map((a) => [a.schemeId, a.name] as const))).entries()];
  const schemeAid = (s: SemesterFigures, id: number) => s.aid.schemes.find((a) => a.schemeId === id);
  return (
    <>
      <p className="scope-line">
        {t('semind.scope', { scope })} · {t('semind.limit', { minutes: data.limitMinutes })}
      </p>
      <div className="charts">
        <StackedBarChart
          title={t('semind.internsChart')}
          series={[
            { label: t('semind.within'), className: 'stack-0' },
            { label: t('semind.beyond'), className: 'stack-1' },
            { label: t('semind.driveUnknown'), className: 'stack-2' },
            { label: t('semind.notHoused'), className: 'stack-3' },
          ]}
          rows={rows.map((s) => ({
            label: semesterLabel(s.semester.id),
            values: [s.interns.housedWithinLimit, s.interns.housedBeyondLimit, s.interns.housedDriveUnknown, s.interns.notHoused],
            text: t('semind.placedN', { count: s.interns.placed }),
          }))}
        />
        <StackedBarChart
          title={`${t('semind.driveChart')}${estimate ? ` (${t('common.estimate')})` : ''}`}
          series={[
            { label: t('semind.average'), className: 'stack-4' },
            { label: t('semind.worst'), className: 'stack-2' },
          ]}
          rows={rows.map((s) => {
            const avg = s.drive.averageMinutes ?? 0;
            const worst = s.drive.worstMinutes ?? 0;
            return { label: semesterLabel(s.semester.id), values: [avg, Math.max(0, worst - avg)], text: s.drive.counted ? `${minutes(avg)} / ${minutes(worst)}` : '—' };
          })}
        />
        <StackedBarChart
          title={t('semind.aidChart')}
          series={schemes.map(([, name], i) => ({ label: name, className: `stack-${[4, 0, 1, 5, 2, 3][i % 6]}` }))}
          rows={rows.map((s) => ({
            label: semesterLabel(s.semester.id),
            values: schemes.map(([id]) => (schemeAid(s, id)?.amountCents ?? 0) / 100),
            text: s.aid.count ? `${euros(s.aid.amountCents)} (${s.aid.count})` : '—',
          }))}
        />
        <StackedBarChart
          title={t('semind.foreignChart')}
          series={[{ label: t('semind.foreign'), className: 'stack-5' }]}
          max={Math.max(1, ...rows.map((s) => s.interns.placed))}
          rows={rows.map((s) => ({ label: semesterLabel(s.semester.id), values: [s.interns.foreign], text: `${s.interns.foreign} / ${s.interns.placed}` }))}
        />
        <StackedBarChart
          title={t('semind.occupancyChart')}
          series={[{ label: t('semind.total'), className: 'stack-4' }]}
          max={1}
          rows={rows.map((s) => ({ label: semesterLabel(s.semester.id), values: [overallOccupancy(s) ?? 0], text: percent(overallOccupancy(s)) }))}
        />
      </div>
      <p className="muted small">{t('semind.foreignHint', { count: unknownOrigin })}</p>
      <SemesterTable
        testId="semester-table"
        caption={t('semind.internsTable')}
        rows={rows}
        columns={INTERN_COLUMNS.map(([key, value]) => ({ key, heading: t(key), cell: value }))}
      />
      <SemesterTable
        testId="aid-table"
        caption={t('semind.aidTable')}
        rows={rows}
        columns={[
          ...schemes.map(([id, name]) => ({
            key: String(id),
            heading: name,
            cell: (s: SemesterFigures) => {
              const a = schemeAid(s, id);
              return a ? t('semind.aidCell', { count: a.count, amount: euros(a.amountCents) }) : '—';
            },
          })),
          { key: 'total', heading: t('semind.aidTotal'), cell: (s: SemesterFigures) => t('semind.aidCell', { count: s.aid.count, amount: euros(s.aid.amountCents) }) },
        ]}
      />
      {sites.length === 0 ? (
        <p className="muted">{t('semind.none')}</p>
      ) : (
        <table className="board">
          <caption>{t('semind.occupancyTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('site.name')}</th>
              {rows.map((s) => (
                <th scope="col" key={s.semester.id}>{semesterLabel(s.semester.id)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('semind.total')}</th>
              {rows.map((s) => (
                <td key={s.semester.id} data-label={semesterLabel(s.semester.id)}>{percent(overallOccupancy(s))}</td>
              ))}
            </tr>
            {sites.map(([id, name]) => (
              <tr key={id}>
                <th scope="row">{name}</th>
                {rows.map((s) => (
                  <td key={s.semester.id} data-label={semesterLabel(s.semester.id)}>{percent(s.occupancy.find((o) => o.siteId === id)?.rate)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
