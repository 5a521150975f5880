import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import { loadSession, requireCsrf } from './auth/middleware.ts';
import type { AppContext } from './context.ts';
import { apiNotFound, errorHandler } from './middleware/error-handler.ts';
import { guardInput } from './middleware/input-guard.ts';
import { requireOrsAccess } from './middleware/ors-api-key.ts';
import { NotFoundError } from './errors.ts';
import { createAidRouter } from './routes/aid/router.ts';
import { createApiKeysRouter } from './routes/api-keys/router.ts';
import { createAssignmentsRouter } from './routes/assignments/router.ts';
import { createAuditRouter } from './routes/audit/router.ts';
import { createCoverageRouter } from './routes/coverage/router.ts';
import { createHealthRouter } from './routes/health/router.ts';
import { createImportExportRouter } from './routes/import-export/router.ts';
import { createIndicatorsRouter } from './routes/indicators/router.ts';
import { createInternsRouter } from './routes/interns/router.ts';
import { createMapRouter } from './routes/map/router.ts';
import { createMatchingRouter } from './routes/matching/router.ts';
import { createOutboxRouter } from './routes/outbox/router.ts';
import { createOpenApiRouter } from './routes/openapi/router.ts';
import { createPasswordResetRouter } from './routes/password-reset/router.ts';
import { createPlacementsRouter } from './routes/placements/router.ts';
import { createPracticesRouter } from './routes/practices/router.ts';
import { createRequestsRouter } from './routes/requests/router.ts';
import { createRoomsRouter } from './routes/rooms/router.ts';
import { createSearchRouter } from './routes/search/router.ts';
import { createSessionRouter } from './routes/session/router.ts';
import { createSitesRouter } from './routes/sites/router.ts';
import { createUsersRouter } from './routes/users/router.ts';

/** Routers mounted under /api, in order. New features add theirs here. */
export function apiRouters(ctx: AppContext): Router[] {
  return [
    createHealthRouter(ctx),
    createSessionRouter(ctx),
    createPasswordResetRouter(ctx),
    createSitesRouter(ctx),
    createRoomsRouter(ctx),
    createPracticesRouter(ctx),
    createInternsRouter(ctx),
    createPlacementsRouter(ctx),
    createRequestsRouter(ctx),
    createAidRouter(ctx),
    createUsersRouter(ctx),
    createAssignmentsRouter(ctx),
    createAuditRouter(ctx),
    createOutboxRouter(ctx),
    createOpenApiRouter(ctx),
    createMapRouter(ctx),
    createImportExportRouter(ctx),
    createIndicatorsRouter(ctx),
    createCoverageRouter(ctx),
    createSearchRouter(ctx),
    createMatchingRouter(ctx),
    createApiKeysRouter(ctx),
  ];
}

/** Builds the whole HTTP app (API, ORS-compatible endpoints, client) without listening. */
export function createApp(ctx: AppContext, extra: { ors?: Router } = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  if (ctx.config.trustProxy) app.set('trust proxy', 1);
  const tileOrigin = safeOrigin(ctx.config.map.tileUrl);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'img-src': ["'self'", 'data:', 'blob:', ...(tileOrigin ? [tileOrigin] : [])],
          'style-src': ["'self'", "'unsafe-inline'"],
          'script-src': ["'self'"],
          'connect-src': ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: false,
      // Sent only over HTTPS (below): over plain HTTP a browser ignores it, and a proxy-less test must not see it.
      strictTransportSecurity: false,
    }),
  );
  app.use((req, res, next) => {
    if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  });
  // The ORS-compatible API answers only callers with an API key or a session (server/middleware/ors-api-key.ts),
  // and reads its own bodies (a malformed one gets ORS's error, not the app's).
  if (extra.ors) app.use('/ors', requireOrsAccess(ctx), extra.ors);
  app.use(express.json({ limit: '1mb' }));

  const api = express.Router();
  // Who is calling, then CSRF on state-changing requests, before any API router.
  api.use(loadSession(ctx));
  api.use(requireCsrf);
  api.use(guardInput);
  for (const r of apiRouters(ctx)) api.use(r);
  api.use(apiNotFound);
  app.use('/api', api);

  const dist = ctx.config.clientDist;
  if (existsSync(path.join(dist, 'index.html'))) {
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!api\/|ors\/).*/, (_req, res) => res.sendFile(path.join(dist, 'index.html')));
  }
  // Anything else (a wrong method on a page, no client built) answers in the API's error shape, not express's HTML.
  app.use((req, _res, next) => next(new NotFoundError(`No route for ${req.method} ${req.path}`)));
  app.use(errorHandler(ctx.logger));
  return app;
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url.replace(/\{[a-z]\}/g, 'a')).origin.replace('://a.', '://*.');
  } catch {
    return undefined;
  }
}
