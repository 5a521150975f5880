import path from 'node:path';
import { z } from 'zod';

/** Repository root, so paths do not depend on the working directory. */
export const ROOT_DIR = path.resolve(import.meta.dirname, '..');

const flag = (def: boolean) =>
  z
    .enum(['0', '1', 'true', 'false', 'yes', 'no'], { message: 'must be 0/1, true/false or yes/no' })
    .optional()
    .transform((v) => (v === undefined ? def : ['1', 'true', 'yes'].includes(v)));

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number({ message: 'must be a number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // auto: human-readable in a terminal, JSON lines otherwise (a file, a pipe, a log collector).
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  DATA_DIR: z.string().default('data'),
  DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: 'must start with postgres:// or postgresql://',
  }),
  PGLITE_DIR: optionalString,
  SEED_DEMO: flag(true),
  ROAD_NETWORK: optionalString,
  // Unset: 2 km on a real extract, 5 km on the coarse demo network (main roads only).
  SNAP_RADIUS_M: z.coerce.number({ message: 'must be a number of metres' }).positive().max(50_000).optional(),
  ORS_API_KEY: optionalString,
  ORS_HOST: optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v), { message: 'must be an http(s) URL' }),
  TILE_URL: z.string().default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  TILE_ATTRIBUTION: z.string().default('© OpenStreetMap contributors'),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 90).default(24 * 7),
  // How long an account invitation link (set your password) stays valid.
  INVITATION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(72),
  TRUST_PROXY: flag(false),
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  // Worker threads for the drive-time engine and other CPU-heavy work (unset: cores − 1, at least 1).
  WORKER_THREADS: z.coerce.number({ message: 'must be a number' }).int().min(1).max(64).optional(),
  WORKER_QUEUE: z.coerce.number({ message: 'must be a number' }).int().min(0).max(10_000).default(32),
  // E-mail notices: smtp(s)://user:pass@host:port sends them; unset, they stay in the outbox table for staff to read.
  SMTP_URL: optionalString.refine((v) => v === undefined || /^smtps?:\/\//.test(v), { message: 'must start with smtp:// or smtps://' }),
  MAIL_FROM: z.string().default('internat-match <no-reply@internat-match.invalid>'),
  // The address people open the app at, for links in e-mails (unset: http://localhost:PORT).
  APP_URL: optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v), { message: 'must be an http(s) URL' }),
  // How often the background jobs (mail worker, expiry of unanswered proposals) run, in seconds.
  JOBS_INTERVAL_S: z.coerce.number({ message: 'must be a number of seconds' }).positive().max(3600).default(15),
  WORKER_MAX_HEAP_MB: z.coerce.number({ message: 'must be a number of MB' }).int().min(32).max(65_536).default(1024),
  // Limits of the ORS-compatible API (/ors), named after openrouteservice's settings; defaults are
  // those of openrouteservice's public API (openrouteservice.org/restrictions) for driving-car.
  ORS_MATRIX_MAXIMUM_ROUTES: z.coerce.number({ message: 'must be a number of source × destination pairs' }).int().min(1).max(1_000_000).default(3500),
  ORS_MATRIX_MAXIMUM_SEARCH_RADIUS: z.coerce.number({ message: 'must be a number of metres' }).positive().max(50_000).default(2000),
  ORS_ISOCHRONES_MAXIMUM_LOCATIONS: z.coerce.number({ message: 'must be a number' }).int().min(1).max(100).default(5),
  ORS_ISOCHRONES_MAXIMUM_INTERVALS: z.coerce.number({ message: 'must be a number' }).int().min(1).max(100).default(10),
  ORS_ISOCHRONES_MAXIMUM_RANGE_TIME: z.coerce.number({ message: 'must be a number of seconds' }).positive().max(86_400).default(3600),
  ORS_ISOCHRONES_MAXIMUM_RANGE_DISTANCE: z.coerce.number({ message: 'must be a number of metres' }).positive().max(1_000_000).default(120_000),
  // Ours, not ORS's: isochrone pairs whose overlap `intersections` may compute (each is a polygon clipping).
  ORS_ISOCHRONES_MAXIMUM_INTERSECTIONS: z.coerce.number({ message: 'must be a number' }).int().min(0).max(10_000).default(100),
  // A notice added to every ORS-compatible answer as `metadata.system_message` (ORS's `messages`).
  ORS_SYSTEM_MESSAGE: optionalString,
});

/** Limits of the ORS-compatible API, as openrouteservice names them (`ors.endpoints.*`). */
export interface OrsApiLimits {
  matrix: {
    /** Source × destination pairs one matrix may ask for (`maximum_routes`). */
    maximumRoutes: number;
    /** Farthest a location may lie from a road, metres (`maximum_search_radius`). */
    maximumSearchRadius: number;
  };
  isochrones: {
    /** Locations in one request (`maximum_locations`). */
    maximumLocations: number;
    /** Isochrones per location, from `range` or `interval` (`maximum_intervals`). */
    maximumIntervals: number;
    /** Largest time range, seconds (`maximum_range_time` of driving-car). */
    maximumRangeTime: number;
    /** Largest distance range, metres (`maximum_range_distance` of driving-car). */
    maximumRangeDistance: number;
    /**
     * Not an ORS setting: isochrone pairs (of different locations) whose overlap `intersections`
     * may compute, so that work is bounded before it starts as well.
     */
    maximumIntersections: number;
  };
}

/** The whole configuration, checked once at boot. Nothing else reads process.env. */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  logLevel: string;
  logFormat: 'auto' | 'pretty' | 'json';
  /** Where the app keeps what it makes: the embedded database, road extracts, built graphs. */
  dataDir: string;
  databaseUrl?: string;
  pgliteDir: string;
  seedDemo: boolean;
  roads: { network?: string; roadsDir: string; sharedDemoNetwork: string; cacheDir: string; snapRadiusM?: number };
  ors: { apiKey?: string; host?: string };
  /** The ORS-compatible API served at /ors: its limits and optional system message. */
  orsApi: { limits: OrsApiLimits; systemMessage?: string };
  map: { tileUrl: string; tileAttribution: string };
  session: { ttlHours: number; cookieSecure: 'auto' | 'always' | 'never'; invitationTtlHours: number };
  trustProxy: boolean;
  loginRateLimit: number;
  /** The worker pool: threads (unset: cores − 1), tasks allowed to wait, heap per worker. */
  workers: { threads?: number; maxQueue: number; maxHeapMb: number };
  /** E-mail notices: `smtpUrl` sends them (else they stay in the outbox); `appUrl` starts every link. */
  mail: { smtpUrl?: string; from: string; appUrl: string };
  /** Period of the background jobs (mail worker, expiry of unanswered proposals), in ms. */
  jobsIntervalMs: number;
  /**
   * Matching previews. `previewTestDelayMs` is a test hook, 0 everywhere else and read from no
   * variable: tests set it on the config object to make each preview job's solve wait that long
   * on its worker thread (so a journey can watch its progress and cancel it).
   */
  matching: { previewTestDelayMs: number };
  clientDist: string;
  migrationsDir: string;
}

/** Thrown when variables are wrong; lists every problem at once. */
export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = path.resolve(ROOT_DIR, e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    pgliteDir: e.PGLITE_DIR ? path.resolve(ROOT_DIR, e.PGLITE_DIR) : path.join(dataDir, 'pglite'),
    seedDemo: e.SEED_DEMO,
    roads: {
      network: e.ROAD_NETWORK ? path.resolve(ROOT_DIR, e.ROAD_NETWORK) : undefined,
      roadsDir: path.join(dataDir, 'roads'),
      sharedDemoNetwork: path.resolve(ROOT_DIR, '../shared/data/france-main-roads.osm.pbf'),
      cacheDir: path.join(dataDir, 'graphs'),
      snapRadiusM: e.SNAP_RADIUS_M,
    },
    ors: { apiKey: e.ORS_API_KEY, host: e.ORS_HOST },
    orsApi: {
      limits: {
        matrix: { maximumRoutes: e.ORS_MATRIX_MAXIMUM_ROUTES, maximumSearchRadius: e.ORS_MATRIX_MAXIMUM_SEARCH_RADIUS },
        isochrones: {
          maximumLocations: e.ORS_ISOCHRONES_MAXIMUM_LOCATIONS,
          maximumIntervals: e.ORS_ISOCHRONES_MAXIMUM_INTERVALS,
          maximumRangeTime: e.ORS_ISOCHRONES_MAXIMUM_RANGE_TIME,
          maximumRangeDistance: e.ORS_ISOCHRONES_MAXIMUM_RANGE_DISTANCE,
          maximumIntersections: e.ORS_ISOCHRONES_MAXIMUM_INTERSECTIONS,
        },
      },
      systemMessage: e.ORS_SYSTEM_MESSAGE,
    },
    map: { tileUrl: e.TILE_URL, tileAttribution: e.TILE_ATTRIBUTION },
    session: { ttlHours: e.SESSION_TTL_HOURS, cookieSecure: e.COOKIE_SECURE, invitationTtlHours: e.INVITATION_TTL_HOURS },
    trustProxy: e.TRUST_PROXY,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    workers: { threads: e.WORKER_THREADS, maxQueue: e.WORKER_QUEUE, maxHeapMb: e.WORKER_MAX_HEAP_MB },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '') },
    jobsIntervalMs: e.JOBS_INTERVAL_S * 1000,
    matching: { previewTestDelayMs: 0 },
    clientDist: path.join(ROOT_DIR, 'dist/client'),
    migrationsDir: path.join(ROOT_DIR, 'prisma/migrations'),
  };
}
