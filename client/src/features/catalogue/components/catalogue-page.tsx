import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ClusteredMarkers, type MapPoint } from '../../../components/map/clustered-markers.tsx';
import { boundsOf } from '../../../components/map/lng-lat.ts';
import { MapView } from '../../../components/map/map-view.tsx';
import { freeBedsTone } from '../../../components/free-beds.ts';
import { Legend } from '../../../components/map/legend.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { SemesterSelect } from '../../../components/semester-select.tsx';
import { euros } from '../../../lib/format.ts';
import { useQueryId, useQueryParam } from '../../../lib/router.ts';
import { currentSemester, nextSemester } from '../../../lib/semesters.ts';
import { useSites } from '../api/get-sites.ts';
import { SiteDetailPanel } from './site-detail.tsx';

/** The public catalogue: every housing site on a map and in a list, with free beds for a semester. */
export default function CataloguePage() {
  const { t } = useTranslation();
  const [semester, setSemester] = useQueryParam('semestre', nextSemester(currentSemester()).id);
  const [selected, selectSite] = useQueryId('logement');
  const setSelected = (id: number | undefined) => selectSite(id, { push: true });
  const [query, setQuery] = useQueryParam('q', '');
  const sites = useSites(semester);
  const list = useMemo(() => {
    const q = query.trim().toLowerCase();
    const all = sites.data?.sites ?? [];
    return (q ? all.filter((s) => `${s.name} ${s.commune ?? ''} ${s.departement ?? ''}`.toLowerCase().includes(q)) : all)
      .slice()
      .sort((a, b) => (b.freeBeds ?? -1) - (a.freeBeds ?? -1) || a.name.localeCompare(b.name));
  }, [sites.data, query]);
  const points: MapPoint[] = useMemo(
    () =>
      list.map((s) => ({
        id: s.id,
        position: s.location,
        title: `${s.name} — ${t('site.freeBedsCount', { count: s.freeBeds ?? 0 })}`,
        badge: s.freeBeds === null || s.freeBeds === undefined ? '?' : String(s.freeBeds),
        tone: freeBedsTone(s.freeBeds),
        selected: s.id === selected,
      })),
    [list, selected, t],
  );
  const current = list.find((s) => s.id === selected);
  const bounds = useMemo(() => boundsOf(list.map((s) => s.location)), [list]);

  return (
    <main id="main" className="page wide">
      <div className="page-head">
        <h1>{t('catalogue.title')}</h1>
        <p className="muted">{t('catalogue.intro')}</p>
        <div className="toolbar">
          <SemesterSelect value={semester} onChange={setSemester} />
          <label>
            {t('catalogue.search')}
            <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
          </label>
        </div>
      </div>
      <QueryState isLoading={sites.isLoading} error={sites.error}>
        <div className="split">
          <div className="split-map">
            <MapView label={t('catalogue.mapLabel')} bounds={bounds} fitKey={`${semester}-${list.length}`}>
              <ClusteredMarkers points={points} onSelect={setSelected} />
            </MapView>
            <Legend />
          </div>
          <div className="split-side">
            {current && <SiteDetailPanel site={current} semester={semester} onClose={() => setSelected(undefined)} />}
            <h2 className="list-title">{t('catalogue.listTitle', { count: list.length })}</h2>
            <ul className="site-list" aria-label={t('catalogue.listTitle', { count: list.length })}>
              {list.map((s) => (
                <li key={s.id} className={s.id === selected ? 'selected' : undefined}>
                  <button type="button" className="site-row" onClick={() => setSelected(s.id)} aria-pressed={s.id === selected}>
                    <span className={`dot ${freeBedsTone(s.freeBeds)}`} aria-hidden="true" />
                    <span className="site-row-main">
                      <strong>{s.name}</strong>
                      <span className="muted">
                        {s.commune} · {euros(s.rentCents)} {t('site.perMonth')} · {s.funder?.name}
                      </span>
                    </span>
                    <span className="site-row-free">
                      {s.freeBeds === null || s.freeBeds === undefined ? t('site.unknown') : t('site.freeBedsCount', { count: s.freeBeds })}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </div>
      </QueryState>
    </main>
  );
}
