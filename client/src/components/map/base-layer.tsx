import L from 'leaflet';
import { useEffect, useMemo, useState } from 'react';
import { GeoJSON, Marker, useMap, useMapEvents } from 'react-leaflet';
import { snapBbox, useBaseLayer } from './api/get-base-layer.ts';

/**
 * The offline context layer: département outlines (and communes with their names
 * when zoomed in) served by the app, so the map stays readable with no tiles.
 */
export function BaseLayer() {
  const map = useMap();
  const read = () => {
    const b = map.getBounds();
    return { bbox: snapBbox([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]), zoom: map.getZoom() };
  };
  const [view, setView] = useState(read);
  useMapEvents({ moveend: () => setView(read()) });
  // The map may have been fitted before this layer subscribed: read the view once mounted.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setView(read()), [map]);
  const { data } = useBaseLayer(view.bbox, view.zoom);
  const showCommunes = view.zoom >= 9;
  const communeNames = view.zoom >= 10;
  const features = useMemo(
    () => (data ? data.features.filter((f) => f.properties.kind === 'departement' || showCommunes) : []),
    [data, showCommunes],
  );
  // Commune outlines from zoom 9; département names from zoom 7 (below, they overlap), commune names from zoom 10.
  const labels = useMemo(
    () =>
      view.zoom < 7
        ? []
        : features
        .filter((f) => (communeNames ? f.properties.kind === 'commune' : f.properties.kind === 'departement'))
        .map((f) => ({ key: `${f.properties.kind}-${f.properties.code}`, name: f.properties.name, at: f.properties.label })),
    [features, communeNames, view.zoom],
  );
  if (!data || !features.length) return null;
  const key = `${view.bbox}-${showCommunes}-${features.length}`;
  return (
    <>
      <GeoJSON
        key={key}
        data={{ type: 'FeatureCollection', features } as GeoJSON.FeatureCollection}
        interactive={false}
        style={(f) =>
          f?.properties?.kind === 'departement'
            ? { color: '#6b7280', weight: 2, fill: true, fillColor: '#f3f1ea', fillOpacity: 0.5 }
            : { color: '#a8a29e', weight: 1, fill: false, dashArray: '3 3' }
        }
      />
      {labels.map((l) => (
        <Marker
          key={l.key}
          position={[l.at[1], l.at[0]]}
          interactive={false}
          keyboard={false}
          icon={L.divIcon({ className: `base-label ${communeNames ? 'commune' : 'departement'}`, html: escapeHtml(l.name), iconSize: [120, 16], iconAnchor: [60, 8] })}
        />
      ))}
    </>
  );
}

/** Escapes text placed in a Leaflet divIcon. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
