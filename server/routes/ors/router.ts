import express, { type NextFunction, type Request, type Response } from 'express';
import type { ZodType } from 'zod';
import type { DriveTimeProvider, LngLat } from '../../routing/provider.ts';
import { PointNotRoutableError } from '../../routing/provider.ts';
import { isochronesBodySchema, matrixBodySchema, type IsochronesBody, type MatrixBody } from './schema.ts';

const ATTRIBUTION = 'openrouteservice-compatible engine of internat-match | © OpenStreetMap contributors';
const UNIT_M: Record<string, number> = { m: 1, km: 1000, mi: 1609.344 };
const REACHFACTOR_SPEED_MS = 100 / 3.6;

/** ORS-shaped error: `{error: {code, message}, info}` with a 4xx/5xx status. */
class OrsError extends Error {
  constructor(readonly status: number, readonly code: number, message: string) {
    super(message);
  }
}

function parse<T>(schema: ZodType<T>, body: unknown, codeBase: number): T {
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  // ORS's codes: base+1 missing parameter, +2 invalid format, +3 invalid value, +4 exceeds maximum.
  const issue = r.error.issues[0];
  const field = issue.path.join('.') || 'body';
  const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
  const offset = missing ? 1 : issue.code === 'invalid_type' ? 2 : issue.code === 'too_big' ? 4 : 3;
  throw new OrsError(400, codeBase + offset, `${field}: ${issue.message}`);
}

function metadata(service: string, query: object) {
  return {
    attribution: ATTRIBUTION,
    service,
    timestamp: Date.now(),
    query: { ...query, profile: 'driving-car', format: 'json' },
    engine: { version: 'internat-match', build_date: '', graph_date: '' },
  };
}

/**
 * openrouteservice-compatible endpoints answered by our provider, so existing ORS clients
 * (openrouteservice-js, the QGIS plugin) can use the offline engine. Mounted at `/ors`.
 */
export function createOrsRouter(provider: DriveTimeProvider): express.Router {
  const router = express.Router();

  router.post('/v2/matrix/driving-car', async (req: Request, res: Response) => {
    const body: MatrixBody = parse(matrixBodySchema, req.body, 6000);
    const n = body.locations.length;
    const pick = (idx: MatrixBody['sources']): number[] => (!idx || idx[0] === 'all' ? [...Array(n).keys()] : (idx as number[]));
    const src = pick(body.sources);
    const dst = pick(body.destinations);
    const bad = [...src, ...dst].find((i) => i >= n);
    if (bad !== undefined) throw new OrsError(400, 6003, `sources/destinations: index ${bad} is out of range (${n} locations)`);
    const at = (i: number) => body.locations[i] as LngLat;
    const result = await provider.matrix(src.map(at), dst.map(at));
    const unit = UNIT_M[body.units];
    const out: Record<string, unknown> = {};
    if (body.metrics.includes('duration')) out.durations = result.durations;
    if (body.metrics.includes('distance')) out.distances = result.distances.map((r) => r.map((d) => (d === null ? null : Math.round((d / unit) * 100) / 100)));
    out.destinations = dst.map((i) => ({ location: at(i) }));
    out.sources = src.map((i) => ({ location: at(i) }));
    out.metadata = { ...metadata('matrix', body), estimate: result.estimate, provider: result.provider };
    res.json(out);
  });

  const isochrones = async (req: Request, res: Response) => {
    const body: IsochronesBody = parse(isochronesBodySchema, req.body, 3000);
    let ranges = body.range;
    if (body.interval) {
      ranges = [];
      for (let r = body.interval; r < body.range[0] + 1e-9; r += body.interval) ranges.push(r);
      if (ranges[ranges.length - 1] !== body.range[0]) ranges.push(body.range[0]);
    }
    const costRanges = body.range_type === 'distance' ? ranges.map((r) => r * UNIT_M[body.units]) : ranges;
    const result = await provider.isochrones(body.locations as LngLat[], costRanges, { rangeType: body.range_type, locationType: body.location_type });
    const areaUnit = UNIT_M[body.area_units] ** 2;
    const features = result.features.map((f) => {
      const props: Record<string, unknown> = { ...f.properties, value: body.range_type === 'distance' ? f.properties.value / UNIT_M[body.units] : f.properties.value };
      props.area = Math.round((f.properties.area / areaUnit) * 100) / 100;
      if (body.attributes.includes('reachfactor')) {
        const reach = body.range_type === 'time' ? f.properties.value * REACHFACTOR_SPEED_MS : f.properties.value;
        props.reachfactor = Math.round((f.properties.area / (Math.PI * reach * reach)) * 10000) / 10000;
      }
      return { ...f, properties: props };
    });
    res.json({
      type: 'FeatureCollection',
      bbox: bboxOf(features.map((f) => f.geometry)),
      features,
      metadata: { ...metadata('isochrones', body), estimate: result.estimate, provider: result.provider },
    });
  };
  router.post('/v2/isochrones/driving-car', isochrones);
  router.post('/v2/isochrones/driving-car/geojson', isochrones);

  router.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const info = { engine: { version: 'internat-match' }, timestamp: Date.now() };
    if (err instanceof OrsError) return res.status(err.status).json({ error: { code: err.code, message: err.message }, info });
    if (err instanceof PointNotRoutableError) {
      // ORS: matrix POINT_NOT_FOUND is 6010; isochrones has no such code and answers 3099.
      const code = req.path.includes('/matrix/') ? 6010 : 3099;
      return res.status(404).json({ error: { code, message: err.message }, info });
    }
    next(err);
  });
  return router;
}

function bboxOf(geometries: { coordinates: unknown }[]): number[] {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      b[0] = Math.min(b[0], c[0]); b[1] = Math.min(b[1], c[1] as number);
      b[2] = Math.max(b[2], c[0]); b[3] = Math.max(b[3], c[1] as number);
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  geometries.forEach((g) => walk(g.coordinates));
  return b;
}
