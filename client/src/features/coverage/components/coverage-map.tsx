import L from 'leaflet';
import { useTranslation } from 'react-i18next';
import { CircleMarker, GeoJSON, Marker, Pane, Tooltip, useMapEvents } from 'react-leaflet';
import { escapeHtml } from '../../../components/map/base-layer.tsx';
import { boundsOf, toLatLng } from '../../../components/map/lng-lat.ts';
import { MapView } from '../../../components/map/map-view.tsx';
import type { AddedPlace, Coverage, Suggestion, UncoveredPlacement } from '../api/get-coverage.ts';
import { suggestionText } from './suggestion-text.ts';

/** Colours of the first three suggestions (markers, isochrones and list badges agree). */
export const SUGGESTION_COLOURS = ['#047857', '#b45309', '#7c3aed'];

/** Practices of uncovered placements, one dot per practice with how many placements wait there. */
function practicesOf(uncovered: UncoveredPlacement[]) {
  const byId = new Map<number, { name: string; commune: string; location: [number, number]; count: number }>();
  for (const u of uncovered) {
    for (const p of u.practices) {
      const e = byId.get(p.id);
      if (e) e.count++;
      else byId.set(p.id, { name: p.name, commune: p.commune, location: p.location, count: 1 });
    }
  }
  return [...byId.entries()];
}

function UncoveredLayer({ uncovered }: { uncovered: UncoveredPlacement[] }) {
  const { t } = useTranslation();
  return (
    <>
      {practicesOf(uncovered).map(([id, p]) => (
        <CircleMarker key={id} center={toLatLng(p.location)} radius={6 + Math.min(p.count, 6)} className="uncovered-dot" pathOptions={{ color: '#b91c1c', weight: 2, fillColor: '#ef4444', fillOpacity: 0.75 }}>
          <Tooltip>{t('coverage.map.practice', { name: p.name, commune: p.commune, count: p.count })}</Tooltip>
        </CircleMarker>
      ))}
    </>
  );
}

/** The suggestions' drive-time areas, under everything else (they are for the eye). */
function SuggestionAreas({ suggestions }: { suggestions: Suggestion[] }) {
  return (
    <>
      {suggestions.map((s, i) =>
        s.isochrone ? (
          <GeoJSON
            key={`iso-${s.rank}-${s.name}-${s.location.join(',')}`}
            data={s.isochrone as GeoJSON.Feature}
            interactive={false}
            style={() => ({ className: `suggestion-iso suggestion-iso-${s.rank}`, color: SUGGESTION_COLOURS[i], weight: 2, fillColor: SUGGESTION_COLOURS[i], fillOpacity: 0.1 })}
          />
        ) : null,
      )}
    </>
  );
}

/** Numbered pins with their figure beside them. */
function SuggestionPins({ suggestions, farMinutes }: { suggestions: Suggestion[]; farMinutes: number }) {
  const { t } = useTranslation();
  return (
    <>
      {suggestions.map((s, i) => (
        <Marker
          key={`pin-${s.rank}-${s.name}`}
          position={toLatLng(s.location)}
          title={s.name}
          alt={s.name}
          zIndexOffset={3000}
          icon={L.divIcon({ className: `suggestion-pin suggestion-pin-${i + 1}`, html: `<span>${escapeHtml(String(s.rank))}</span>`, iconSize: [30, 30], iconAnchor: [15, 15] })}
        >
          <Tooltip permanent direction="right" offset={[14, 0]} className="suggestion-label">
            {suggestionText(t, s, farMinutes)}
          </Tooltip>
        </Marker>
      ))}
    </>
  );
}

function AddedLayer({ places }: { places: AddedPlace[] }) {
  return (
    <>
      {places.map((p, i) => (
        <CircleMarker key={`${p.name}-${i}`} center={toLatLng(p.location)} radius={7} className="added-place" pathOptions={{ color: '#1f2937', weight: 2, dashArray: '3 3', fillColor: '#f9fafb', fillOpacity: 0.9 }}>
          <Tooltip>{p.name}</Tooltip>
        </CircleMarker>
      ))}
    </>
  );
}

/** A click on the map proposes that point for a new place (coordinates in the form). */
function PickPoint({ onPick }: { onPick: (p: [number, number]) => void }) {
  useMapEvents({ click: (e) => onPick([Number(e.latlng.lng.toFixed(5)), Number(e.latlng.lat.toFixed(5))]) });
  return null;
}

/**
 * Uncovered placements (red dots at their practices), the first three suggestions with their
 * figures and drive-time areas, staff's added places; a click picks a point for a new place.
 */
export function CoverageMap({ data, places, onPick, fitKey }: { data?: Coverage; places: AddedPlace[]; onPick: (p: [number, number]) => void; fitKey: string }) {
  const { t } = useTranslation();
  const first = (data?.suggestions ?? []).slice(0, 3);
  const points = [...(data?.uncovered ?? []).flatMap((u) => u.practices.map((p) => p.location)), ...first.map((s) => s.location), ...places.map((p) => p.location)];
  return (
    <MapView label={t('coverage.map.label', { minutes: data?.limitMinutes ?? 30 })} bounds={boundsOf(points)} fitKey={`${fitKey}:${points.length > 0}`}>
      <PickPoint onPick={onPick} />
      {data && <SuggestionAreas suggestions={first} />}
      {/* Dots above the areas whatever order the areas are redrawn in. */}
      <Pane name="coverage-points" style={{ zIndex: 450 }}>
        {data && <UncoveredLayer uncovered={data.uncovered} />}
        <AddedLayer places={places} />
      </Pane>
      {data && <SuggestionPins suggestions={first} farMinutes={data.farMinutes} />}
    </MapView>
  );
}
