import express, { type NextFunction, type Request, type Response } from 'express';
import type { OrsApiLimits } from '../../config.ts';
import { AppError, BusyError } from '../../errors.ts';
import { isochroneIntersections } from '../../domain/ors/intersections.ts';
import { isochronesResponseTask, matrixResponseTask } from '../../domain/ors/response-tasks.ts';
import { computeIsochrones, intersectionsInput, planIsochrones, presentIsochrones } from '../../domain/ors/isochrones.ts';
import { computeMatrix, planMatrix, presentMatrix } from '../../domain/ors/matrix.ts';
import { ORS_ENGINE_INFO } from '../../domain/ors/metadata.ts';
import { invalidValue, missingParameter, OrsCode, OrsError, type OrsService } from '../../domain/ors/ors-error.ts';
import { PointNotRoutableError, PointOutOfBoundsError, type DriveTimeProvider } from '../../routing/provider.ts';
import type { WorkerPool } from '../../workers/worker-pool.ts';
import { reviveEngineError } from '../../routing/pool/pooled-engine.ts';
import { isochronesBodySchema, matrixBodySchema, parseOrsBody } from './schema.ts';

/** The profiles this server routes (ORS answers any other with x003 "incorrect value"). */
export const ORS_PROFILES = ['driving-car'] as const;

export interface OrsRouterOptions {
  /** The embedded engine (a pooled engine runs every matrix and isochrone on a worker thread). */
  engine: DriveTimeProvider;
  /**
   * The worker pool the pooled engine runs on: given, every answer is built there whole (engine,
   * intersections, presentation, JSON text) and only the finished string comes back, so nothing
   * of a large request runs on the request thread but validation. Without one, all runs here on
   * `engine`.
   */
  workers?: WorkerPool;
  /** `config.orsApi.limits`: every request is checked against them before any work starts. */
  limits: OrsApiLimits;
  /** `metadata.system_message` of every answer (ORS's `messages`), when set. */
  systemMessage?: string;
  /** Where an unexpected failure is logged (it is answered as ORS's x099). */
  logger?: { error: (obj: object, msg?: string) => void };
}

/** ORS's `produces` per service: another `Accept` is refused with 406 / x007. */
const PRODUCES: Record<OrsService, { type: string; format: string }> = {
  matrix: { type: 'application/json', format: 'json' },
  isochrones: { type: 'application/geo+json', format: 'geojson' },
};

const serviceOf = (req: Request): OrsService | undefined =>
  req.path.startsWith('/v2/matrix') ? 'matrix' : req.path.startsWith('/v2/isochrones') ? 'isochrones' : undefined;

/**
 * openrouteservice's v2 matrix and isochrones API, answered by the embedded engine, so ORS clients
 * (openrouteservice-js, the QGIS plugin) can use the app's roads: ORS's paths, parameters and
 * their accepted types, response shapes and error codes. Mounted at `/ors` in front of the app's
 * JSON parser (it reads its own bodies, so a malformed one gets ORS's 6000/3000); an API-key
 * middleware goes in front of it (server/app.ts, `extra.ors`).
 */
export function createOrsRouter(options: OrsRouterOptions): express.Router {
  const { engine, workers, limits } = options;
  const meta = { systemMessage: options.systemMessage };
  const router = express.Router();
  router.use(express.json({ limit: '1mb', type: () => true }));

  const accepts = (service: OrsService) => (req: Request, _res: Response, next: NextFunction) => {
    if (!req.accepts(PRODUCES[service].type)) return next(unsupportedFormat());
    next();
  };
  const profileOf = (req: Request): string => {
    const profile = String(req.params.profile);
    if (!(ORS_PROFILES as readonly string[]).includes(profile)) throw invalidValue('profile', profile);
    return profile;
  };
  const send = (res: Response, service: OrsService, json: string) => {
    res.type(`${PRODUCES[service].type};charset=UTF-8`).send(json);
  };
  /** A whole answer built on the pool (engine, presentation, JSON text), or here without one. */
  const onPool = async (task: () => Promise<string>): Promise<string> => {
    try {
      return await task();
    } catch (err) {
      throw reviveEngineError(err);
    }
  };

  const matrix = async (req: Request, res: Response) => {
    const body = parseOrsBody(matrixBodySchema, req.body);
    const profile = profileOf(req);
    const plan = planMatrix(body, limits.matrix);
    if (workers) return send(res, 'matrix', await onPool(() => workers.run(matrixResponseTask, { body, profile, plan, limits: limits.matrix, meta })));
    const result = await computeMatrix(engine, plan, limits.matrix);
    send(res, 'matrix', JSON.stringify(presentMatrix(body, profile, plan, result, meta)));
  };

  const isochrones = async (req: Request, res: Response) => {
    const body = parseOrsBody(isochronesBodySchema, req.body);
    const profile = profileOf(req);
    const plan = planIsochrones(body, limits.isochrones);
    const snapRadiusM = limits.matrix.maximumSearchRadius;
    if (workers) return send(res, 'isochrones', await onPool(() => workers.run(isochronesResponseTask, { body, profile, plan, snapRadiusM, meta })));
    const result = await computeIsochrones(engine, plan, snapRadiusM);
    const overlaps = plan.intersections && plan.locations.length > 1 ? isochroneIntersections(intersectionsInput(plan, result)) : [];
    send(res, 'isochrones', JSON.stringify(presentIsochrones(body, profile, plan, result, overlaps, meta)));
  };

  for (const service of ['matrix', 'isochrones'] as const) {
    const base = `/v2/${service}`;
    const handler = service === 'matrix' ? matrix : isochrones;
    // No profile: ORS answers "Parameter 'profile' is missing." to GET and POST.
    router.get(base, () => {
      throw missingParameter('profile');
    });
    router.post(base, () => {
      throw missingParameter('profile');
    });
    router.post(`${base}/:profile`, accepts(service), handler);
    router.post(`${base}/:profile/${PRODUCES[service].format}`, accepts(service), handler);
    // Any other response format (ORS's `/{profile}/*`).
    router.post(`${base}/:profile/:format`, () => {
      throw unsupportedFormat();
    });
    router.all([base, `${base}/:profile`, `${base}/:profile/:format`], (req) => {
      throw new OrsError(405, undefined, `Request method '${req.method}' is not supported`);
    });
  }
  router.use((req: Request) => {
    throw new OrsError(404, undefined, `No endpoint ${req.method} /ors${req.path}: this server speaks openrouteservice's /v2/matrix and /v2/isochrones`);
  });

  router.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const service = serviceOf(req) ?? 'matrix';
    let e = toOrsError(err, service);
    if (!e) {
      options.logger?.error({ err }, 'ORS-compatible API: unexpected error');
      e = new OrsError(500, OrsCode.UNKNOWN, 'Unknown internal server error has occured.');
    }
    if (e.status === 405) res.setHeader('Allow', 'POST');
    if (err instanceof BusyError) res.setHeader('Retry-After', String(err.retryAfterSeconds));
    const code = e.code(service);
    res.status(e.status).json({ error: code === undefined ? { message: e.message } : { code, message: e.message }, info: { engine: ORS_ENGINE_INFO, timestamp: Date.now() } });
  });
  return router;
}

function unsupportedFormat(): OrsError {
  return new OrsError(406, OrsCode.UNSUPPORTED_EXPORT_FORMAT, 'This response format is not supported');
}

/** Any error on an ORS path, as ORS would word it; undefined for a programming error. */
function toOrsError(err: unknown, service: OrsService): OrsError | undefined {
  if (err instanceof OrsError) return err;
  if (err instanceof PointOutOfBoundsError) return new OrsError(404, OrsCode.POINT_NOT_FOUND, err.message);
  if (err instanceof PointNotRoutableError) {
    // Matrix answers such a point with nulls; ORS's isochrones fail to build the map (500 / 3099).
    return service === 'isochrones'
      ? new OrsError(500, OrsCode.UNKNOWN, `Unable to build an isochrone map. ${err.message}`)
      : new OrsError(404, OrsCode.POINT_NOT_FOUND, err.message);
  }
  const e = err as { type?: string; status?: number };
  if (e?.type === 'entity.parse.failed') return new OrsError(400, OrsCode.INVALID_JSON_FORMAT, 'Unable to parse JSON request.');
  if (e?.type === 'entity.too.large') return new OrsError(413, undefined, 'The request is larger than the server is able to process.');
  if (err instanceof BusyError) return new OrsError(503, undefined, err.message);
  if (err instanceof AppError) return new OrsError(err.status, err.status >= 500 ? OrsCode.UNKNOWN : undefined, err.message);
  return undefined;
}
