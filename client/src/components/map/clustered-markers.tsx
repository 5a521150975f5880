import L from 'leaflet';
import { useEffect, useMemo, useState } from 'react';
import { Marker, useMap, useMapEvents } from 'react-leaflet';
import { escapeHtml } from './base-layer.tsx';

/** A point to show on the map: position `[lng, lat]`, an accessible title and a small badge. */
export interface MapPoint {
  id: number;
  position: [number, number];
  title: string;
  badge: string;
  /** CSS class for the colour (e.g. free beds). */
  tone: string;
  selected?: boolean;
}

interface Cluster {
  key: string;
  points: MapPoint[];
  lat: number;
  lng: number;
}

/** Groups points that would overlap on screen at the current zoom (grid in pixel space). */
function clusterPoints(map: L.Map, points: MapPoint[], zoom: number, cell: number): Cluster[] {
  const cells = new Map<string, MapPoint[]>();
  for (const p of points) {
    const px = map.project([p.position[1], p.position[0]], zoom);
    const k = `${Math.floor(px.x / cell)}:${Math.floor(px.y / cell)}`;
    cells.set(k, [...(cells.get(k) ?? []), p]);
  }
  return [...cells].map(([key, pts]) => ({
    key: pts.length === 1 ? `p${pts[0].id}` : `c${key}-${pts.map((p) => p.id).join('.')}`,
    points: pts,
    lat: pts.reduce((s, p) => s + p.position[1], 0) / pts.length,
    lng: pts.reduce((s, p) => s + p.position[0], 0) / pts.length,
  }));
}

/**
 * Markers that cluster when many: a numbered bubble stands for neighbours and
 * zooms in on click; a single point selects itself (keyboard: Tab then Enter).
 */
export function ClusteredMarkers({ points, onSelect, cell = 44 }: { points: MapPoint[]; onSelect: (id: number) => void; cell?: number }) {
  const map = useMap();
  const [zoom, setZoom] = useState(map.getZoom());
  useMapEvents({ zoomend: () => setZoom(map.getZoom()), moveend: () => setZoom(map.getZoom()) });
  // The map may have been fitted before this layer subscribed: read the zoom once mounted.
  useEffect(() => setZoom(map.getZoom()), [map]);
  const clusters = useMemo(() => clusterPoints(map, points, zoom, cell), [map, points, zoom, cell]);
  return (
    <>
      {clusters.map((c) => {
        if (c.points.length === 1) {
          const p = c.points[0];
          return (
            <Marker
              key={`${c.key}-${p.selected ? 's' : ''}-${p.tone}-${p.badge}`}
              position={[p.position[1], p.position[0]]}
              title={p.title}
              alt={p.title}
              zIndexOffset={p.selected ? 1000 : 0}
              icon={L.divIcon({
                className: `pin ${p.tone}${p.selected ? ' selected' : ''}`,
                html: `<span>${escapeHtml(p.badge)}</span>`,
                iconSize: [30, 30],
                iconAnchor: [15, 15],
              })}
              eventHandlers={{ click: () => onSelect(p.id) }}
            />
          );
        }
        const label = `${c.points.length}`;
        return (
          <Marker
            key={c.key}
            position={[c.lat, c.lng]}
            title={c.points.map((p) => p.title).join(' · ')}
            icon={L.divIcon({ className: 'cluster', html: `<span>${label}</span>`, iconSize: [38, 38], iconAnchor: [19, 19] })}
            eventHandlers={{
              click: () =>
                map.fitBounds(
                  L.latLngBounds(c.points.map((p) => [p.position[1], p.position[0]] as [number, number])),
                  { padding: [40, 40], maxZoom: Math.min(map.getMaxZoom(), zoom + 3) },
                ),
            }}
          />
        );
      })}
    </>
  );
}
