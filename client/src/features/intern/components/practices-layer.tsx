import L from 'leaflet';
import { Marker, Tooltip } from 'react-leaflet';
import { escapeHtml } from '../../../components/map/base-layer.tsx';
import type { Practice } from '../api/get-me-intern.ts';

/** The intern's practice(s) as distinct square markers numbered 1 and 2. */
export function PracticesLayer({ practices }: { practices: Practice[] }) {
  return (
    <>
      {practices.map((p, i) => (
        <Marker
          key={p.id}
          position={[p.location[1], p.location[0]]}
          title={p.name}
          alt={p.name}
          zIndexOffset={2000}
          icon={L.divIcon({ className: 'practice-pin', html: `<span>${escapeHtml(String(i + 1))}</span>`, iconSize: [28, 28], iconAnchor: [14, 14] })}
        >
          <Tooltip>{p.name}</Tooltip>
        </Marker>
      ))}
    </>
  );
}
