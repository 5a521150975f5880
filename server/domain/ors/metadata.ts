import type { OrsService } from './ors-error.ts';

/** What the ORS-compatible API says about itself in every answer. */
export interface OrsMetadataOptions {
  /** ORS's `messages` (`metadata.system_message`), when configured. */
  systemMessage?: string;
}

/** `metadata.attribution` (ORS: "© openrouteservice by HeiGIT | Data from OpenStreetMap"). */
export const ORS_ATTRIBUTION = 'openrouteservice-compatible engine of internat-match | © OpenStreetMap contributors';

/** `metadata.engine` / `info.engine` (ORS's `AppInfo.getEngineInfo()`). */
export const ORS_ENGINE_INFO = { version: 'internat-match', build_date: '', graph_date: '' };

/** ORS's `MatrixResponseInfo` / `IsochronesResponseInfo`. */
export function orsMetadata(service: OrsService, id: string | undefined, query: object, estimate: boolean, meta: OrsMetadataOptions): Record<string, unknown> {
  return {
    ...(id !== undefined ? { id } : {}),
    attribution: ORS_ATTRIBUTION,
    service,
    timestamp: Date.now(),
    query,
    engine: ORS_ENGINE_INFO,
    ...(meta.systemMessage ? { system_message: meta.systemMessage } : {}),
    // Not ORS's: said only when the answer is a straight-line estimate (no road network).
    ...(estimate ? { estimate: true } : {}),
  };
}
