import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EstimateBadge } from '../../../components/estimate-badge.tsx';
import { freeBedsTone } from '../../../components/free-beds.ts';
import { ClusteredMarkers, type MapPoint } from '../../../components/map/clustered-markers.tsx';
import { Legend } from '../../../components/map/legend.tsx';
import { boundsOf } from '../../../components/map/lng-lat.ts';
import { MapView } from '../../../components/map/map-view.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { day, minutes } from '../../../lib/format.ts';
import { useQueryId } from '../../../lib/router.ts';
import { useIsochrone } from '../api/get-isochrone.ts';
import { useMeIntern } from '../api/get-me-intern.ts';
import { useNearbySites } from '../api/get-nearby-sites.ts';
import { IsochroneLayer, outerRing } from './isochrone-layer.tsx';
import { NearbyList } from './nearby-list.tsx';
import { PracticesLayer } from './practices-layer.tsx';
import { MyAid } from './my-aid.tsx';
import { MyHousing } from './my-housing.tsx';
import { PreferencesPanel } from './preferences-panel.tsx';
import { SitePanel } from './site-panel.tsx';

/**
 * The intern's page: their placement's practice(s) with 10/20/30-minute bands,
 * housing within 30 minutes coloured by free beds, the same as a list sorted by
 * drive time, a detail panel, ranked choices and room requests.
 */
export default function InternPage() {
  const { t } = useTranslation();
  const me = useMeIntern();
  const placements = me.data?.placements ?? [];
  const [placementId, selectPlacement] = useQueryId('stage');
  const setPlacementId = (id: number) => selectPlacement(id, { push: true });
  const today = new Date().toISOString().slice(0, 10);
  const defaultPlacement = placements.find((p) => p.endDate >= today) ?? placements[0];
  const placement = placements.find((p) => p.id === placementId) ?? defaultPlacement;
  const nearby = useNearbySites(placement?.id, 30);
  const iso = useIsochrone(placement?.id);
  const [selected, selectSite] = useQueryId('logement');
  const setSelected = (id: number | undefined) => selectSite(id, { push: true });
  const [ranked, setRanked] = useState<number[]>([]);
  useEffect(() => {
    if (me.data) setRanked(me.data.preferences.siteIds);
  }, [me.data]);

  const sites = useMemo(() => nearby.data?.sites ?? [], [nearby.data]);
  const names = useMemo(() => new Map(sites.map((s) => [s.id, s.name])), [sites]);
  const points: MapPoint[] = useMemo(
    () =>
      sites.map((s) => ({
        id: s.id,
        position: s.location,
        title: `${s.name} — ${s.minutes.map((m) => minutes(m)).join(' / ')} — ${t('site.freeBedsCount', { count: s.freeBeds ?? 0 })}`,
        badge: String(s.freeBeds ?? '?'),
        tone: freeBedsTone(s.freeBeds),
        selected: s.id === selected,
      })),
    [sites, selected, t],
  );
  const practices = placement?.practices ?? [];
  // Fit the widest drive-time band when known, else the practices and sites.
  const bounds = useMemo(
    () => boundsOf([...practices.map((p) => p.location), ...sites.map((s) => s.location), ...(iso.data ? outerRing(iso.data) : [])]),
    [practices, sites, iso.data],
  );
  const current = sites.find((s) => s.id === selected);
  const estimate = !!nearby.data?.estimate || !!iso.data?.estimate;
  // Live bookings, and those that ended in the last weeks so the intern sees why (declined, expired, cancelled).
  const myAssignments = (me.data?.assignments ?? []).filter((a) => a.status !== 'cancelled' || (a.endDate ?? '') >= today);

  return (
    <main id="main" className="page wide">
      <div className="page-head">
        <h1>{t('intern.title')}</h1>
        <QueryState isLoading={me.isLoading} error={me.error} empty={!!me.data && placements.length === 0}>
          {placement && (
            <div className="toolbar">
              {placements.length > 1 && (
                <label>
                  {t('intern.placement')}
                  <select value={placement.id} onChange={(e) => { setPlacementId(Number(e.target.value)); setSelected(undefined); }}>
                    {placements.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.practices.map((x) => x.name).join(' + ')} · {day(p.startDate)} → {day(p.endDate)}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <p className="placement-summary">
                <strong>{t('intern.myPlacement')}</strong>{' '}
                {practices.map((p, i) => (
                  <span key={p.id}>
                    {i > 0 && ' + '}
                    <span className="practice-chip">{i + 1}</span> {p.name}
                    {p.supervisors.length > 0 && <span className="muted"> ({p.supervisors.join(', ')})</span>}
                  </span>
                ))}{' '}
                · {day(placement.startDate)} → {day(placement.endDate)} <EstimateBadge estimate={estimate} />
              </p>
              <MyHousing assignments={myAssignments} requests={me.data?.requests ?? []} />
            </div>
          )}
        </QueryState>
      </div>
      {placement && (
        <div className="split">
          <div className="split-map">
            <MapView label={t('intern.mapLabel')} bounds={bounds} fitKey={`${placement.id}-${sites.length}-${!!iso.data}`}>
              {iso.data && <IsochroneLayer data={iso.data} dataKey={`${placement.id}-${iso.dataUpdatedAt}`} />}
              <PracticesLayer practices={practices} />
              <ClusteredMarkers points={points} onSelect={setSelected} />
            </MapView>
            <Legend />
            <ul className="legend" aria-label={t('intern.bandsLegend')}>
              <li><span className="swatch band-10" aria-hidden="true" /> 10 min</li>
              <li><span className="swatch band-20" aria-hidden="true" /> 20 min</li>
              <li><span className="swatch band-30" aria-hidden="true" /> 30 min</li>
              {practices.length > 1 && <li><span className="swatch band-both" aria-hidden="true" /> {t('intern.both')}</li>}
              <li><span className="practice-chip">1</span> {t('intern.practice')}</li>
            </ul>
          </div>
          <div className="split-side">
            {current && (
              <SitePanel
                site={current}
                practices={practices}
                ranked={ranked.includes(current.id)}
                requested={me.data?.requestedSiteIds.includes(current.id) ?? false}
                onRank={() => setRanked((r) => (r.includes(current.id) ? r : [...r, current.id]))}
                onClose={() => setSelected(undefined)}
              />
            )}
            <h2 className="list-title">{t('intern.nearbyTitle', { count: sites.length })}</h2>
            <QueryState isLoading={nearby.isLoading} error={nearby.error}>
              <NearbyList sites={sites} practices={practices} selected={selected} onSelect={setSelected} />
            </QueryState>
            <PreferencesPanel siteIds={ranked} note={me.data?.preferences.note ?? ''} names={names} onChange={setRanked} />
            <MyAid placementId={placement.id} />
          </div>
        </div>
      )}
    </main>
  );
}
