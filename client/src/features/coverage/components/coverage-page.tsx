import './coverage.css';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table.tsx';
import { EstimateBadge } from '../../../components/estimate-badge.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { SemesterSelect } from '../../../components/semester-select.tsx';
import { day, minutes } from '../../../lib/format.ts';
import { useQueryParam } from '../../../lib/router.ts';
import { currentSemester, nextSemester } from '../../../lib/semesters.ts';
import { useCoverage, type AddedPlace, type Coverage, type UncoveredPlacement } from '../api/get-coverage.ts';
import { formatPlaces, parsePlaces } from './added-places.ts';
import { CoverageMap } from './coverage-map.tsx';
import { suggestionText } from './suggestion-text.ts';

const K_CHOICES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
/** Default drive limits staff may try (interns with a limit of their own keep it). */
const LIMITS = [20, 25, 30, 35, 40, 45];

/**
 * « Couverture »: the semester's placements with no free bed within reach (map and list), and where
 * to open next — the greedy sequence of places with its figures. Semester, default limit, number of
 * suggestions and added places live in the address (`?semestre=&limite=&k=&lieux=`).
 */
export default function CoveragePage() {
  const { t } = useTranslation();
  const [semester, setSemester] = useQueryParam('semestre', nextSemester(currentSemester()).id);
  const [kRaw, setK] = useQueryParam('k', '5');
  const [placesRaw, setPlacesRaw] = useQueryParam('lieux', '');
  const [limitRaw, setLimit] = useQueryParam('limite', '30');
  const k = K_CHOICES.includes(Number(kRaw)) ? Number(kRaw) : 5;
  const limitMinutes = LIMITS.includes(Number(limitRaw)) ? Number(limitRaw) : 30;
  const places = parsePlaces(placesRaw);
  const setPlaces = (next: AddedPlace[]) => setPlacesRaw(formatPlaces(next), { push: true });
  const [picked, setPicked] = useState<[number, number] | undefined>();
  const coverage = useCoverage({ semester, k, limitMinutes, candidates: places });
  const d = coverage.data;
  return (
    <main id="main" className="page wide coverage-page">
      <div className="page-head">
        <h1>{t('coverage.title')}</h1>
        <div className="toolbar">
          <SemesterSelect value={semester} onChange={setSemester} />
          <label>
            {t('coverage.limit')}
            <select value={limitMinutes} onChange={(e) => setLimit(e.target.value)}>
              {LIMITS.map((n) => (
                <option key={n} value={n}>{t('coverage.minutes', { minutes: n })}</option>
              ))}
            </select>
          </label>
          <label>
            {t('coverage.k')}
            <select value={k} onChange={(e) => setK(e.target.value)}>
              {K_CHOICES.map((n) => (
                <option key={n} value={n}>{n}</option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <p className="muted small coverage-intro">{t('coverage.intro', { minutes: d?.limitMinutes ?? 30 })}</p>
      <QueryState isLoading={coverage.isLoading} error={coverage.error}>
        {d && <Figures data={d} />}
      </QueryState>
      <div className="coverage-layout">
        <div className="coverage-map">
          <CoverageMap data={d} places={places} onPick={setPicked} fitKey={`${semester}:${d ? 'ready' : 'loading'}`} />
        </div>
        <aside className="coverage-side">
          {d && <Suggestions data={d} />}
          <AddPlace picked={picked} places={places} onChange={setPlaces} />
        </aside>
      </div>
      {d && <UncoveredList data={d} />}
    </main>
  );
}

function Figures({ data }: { data: Coverage }) {
  const { t } = useTranslation();
  const coverable = data.suggestions.at(-1)?.coveredSoFar ?? 0;
  return (
    <div className="kpis">
      <div className="kpi card">
        <span className="kpi-value" data-testid="uncovered-count">{data.placements.uncovered} / {data.placements.total} <EstimateBadge estimate={data.estimate} /></span>
        <span className="kpi-label">{t('coverage.kpiUncovered')}</span>
      </div>
      <div className="kpi card">
        <span className="kpi-value">{coverable}</span>
        <span className="kpi-label">{t('coverage.kpiCoverable')}</span>
      </div>
      <div className="kpi card">
        <span className="kpi-value">{data.candidates}</span>
        <span className="kpi-label">{t('coverage.kpiCandidates')}</span>
      </div>
    </div>
  );
}

function Suggestions({ data }: { data: Coverage }) {
  const { t } = useTranslation();
  if (data.placements.uncovered === 0) return <p className="card">{t('coverage.allCovered')}</p>;
  return (
    <section className="card" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">{t('coverage.suggestions.title')}</h2>
      {data.suggestions.length === 0 ? (
        <p className="muted">{t('coverage.suggestions.none')}</p>
      ) : (
        <ol className="suggestions">
          {data.suggestions.map((s, i) => (
            <li key={`${s.rank}-${s.name}`} className="suggestion">
              <span className={`suggestion-rank${i < 3 ? ` suggestion-rank-${i + 1}` : ''}`} aria-hidden="true">{s.rank}</span>
              <span>
                <strong className="suggestion-figure">{suggestionText(t, s, data.farMinutes)}</strong>
                {s.source === 'added' && <span className="badge">{t('coverage.suggestions.added')}</span>}
                <br />
                <span className="muted">{t('coverage.suggestions.soFar', { count: s.coveredSoFar })}</span>
              </span>
            </li>
          ))}
        </ol>
      )}
      <p className="muted small">{t('coverage.suggestions.ties', { minutes: data.farMinutes })}</p>
    </section>
  );
}

function nearest(t: ReturnType<typeof useTranslation>['t'], u: UncoveredPlacement, boundMinutes: number): string {
  if (!u.todayBest) return t('coverage.list.none', { minutes: boundMinutes });
  return t('coverage.list.nearestValue', { site: u.todayBest.siteName, commune: u.todayBest.commune, minutes: minutes(u.todayBest.minutes) });
}

function UncoveredList({ data }: { data: Coverage }) {
  const { t } = useTranslation();
  if (data.uncovered.length === 0) return null;
  return (
    <DataTable
      caption={t('coverage.list.title', { count: data.uncovered.length })}
      rows={data.uncovered}
      rowKey={(u) => u.placementId}
      columns={[
        { header: t('coverage.list.intern'), cell: (u) => u.internName },
        { header: t('coverage.list.practice'), cell: (u) => u.practices.map((p) => `${p.name} (${p.commune})`).join(' + ') },
        { header: t('coverage.list.dates'), cell: (u) => `${day(u.from)} – ${day(u.to)}` },
        { header: t('coverage.list.nearest'), cell: (u) => <>{nearest(t, u, data.boundMinutes)} <EstimateBadge estimate={data.estimate} /></> },
        { header: t('coverage.list.limit'), cell: (u) => minutes(u.limitMinutes) },
      ]}
    />
  );
}

/** Staff's own candidate places: a name and a point (typed, or picked by clicking the map). */
function AddPlace({ picked, places, onChange }: { picked?: [number, number]; places: AddedPlace[]; onChange: (p: AddedPlace[]) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [lng, setLng] = useState('');
  const [lat, setLat] = useState('');
  const [error, setError] = useState(false);
  const [lastPicked, setLastPicked] = useState(picked);
  if (picked !== lastPicked) {
    setLastPicked(picked);
    if (picked) {
      setLng(String(picked[0]));
      setLat(String(picked[1]));
    }
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const x = Number(lng.replace(',', '.'));
    const y = Number(lat.replace(',', '.'));
    if (!name.trim() || !lng.trim() || !lat.trim() || !Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 180 || Math.abs(y) > 90) {
      setError(true);
      return;
    }
    setError(false);
    onChange([...places, { name: name.trim(), location: [x, y] }]);
    setName('');
  };
  return (
    <section className="card" aria-labelledby="add-place-title">
      <h2 id="add-place-title">{t('coverage.add.title')}</h2>
      <p className="muted small">{t('coverage.add.hint')}</p>
      <form className="add-place" onSubmit={submit} noValidate>
        <label>
          {t('coverage.add.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} />
        </label>
        <label>
          {t('coverage.add.lng')}
          <input value={lng} onChange={(e) => setLng(e.target.value)} inputMode="decimal" />
        </label>
        <label>
          {t('coverage.add.lat')}
          <input value={lat} onChange={(e) => setLat(e.target.value)} inputMode="decimal" />
        </label>
        <button type="submit">{t('coverage.add.submit')}</button>
      </form>
      {error && <p className="error" role="alert">{t('coverage.add.invalid')}</p>}
      {places.length > 0 && (
        <>
          <h3>{t('coverage.add.list')}</h3>
          <ul className="added-places">
            {places.map((p, i) => (
              <li key={`${p.name}-${i}`}>
                {p.name} <span className="muted">({p.location[0].toFixed(4)}, {p.location[1].toFixed(4)})</span>{' '}
                <button type="button" className="link" onClick={() => onChange(places.filter((_, j) => j !== i))} aria-label={t('coverage.add.remove', { name: p.name })}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
