import 'leaflet/dist/leaflet.css';
import type { LatLngBoundsExpression } from 'leaflet';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MapContainer, TileLayer, useMap } from 'react-leaflet';
import { useMapConfig } from './api/get-map-config.ts';
import { BaseLayer } from './base-layer.tsx';

const FRANCE_CENTRE: [number, number] = [47.5, 1.5];

/** Fits the map to `bounds` whenever `fitKey` changes (not on every render). */
function FitBounds({ bounds, fitKey }: { bounds?: LatLngBoundsExpression; fitKey: string }) {
  const map = useMap();
  useEffect(() => {
    if (bounds) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 12, animate: false });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fitKey, map]);
  return null;
}

/**
 * The one owner of `<MapContainer>`: tiles from the configured URL with their
 * attribution, the offline base layer beneath everything, and the feature's
 * layers as children. Described for screen readers, which get the list instead.
 */
export function MapView({ label, bounds, fitKey, children }: { label: string; bounds?: LatLngBoundsExpression; fitKey?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const config = useMapConfig();
  return (
    <div className="map-frame" role="region" aria-label={label}>
      <p className="sr-only">{t('map.srHint')}</p>
      <MapContainer center={FRANCE_CENTRE} zoom={8} zoomSnap={0.5} className="map" scrollWheelZoom attributionControl>
        {config.data && <TileLayer url={config.data.tileUrl} attribution={config.data.attribution} />}
        <BaseLayer />
        <FitBounds bounds={bounds} fitKey={fitKey ?? String(!!bounds)} />
        {children}
      </MapContainer>
    </div>
  );
}
