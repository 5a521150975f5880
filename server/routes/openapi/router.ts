import { Router } from 'express';
import type { AppContext } from '../../context.ts';
import { buildOpenApiDocument } from '../../openapi/registry.ts';
import { renderDocsPage } from './docs-page.ts';
import './schema.ts';

/** GET /api/openapi.json and GET /api/docs, generated from the registered zod schemas. */
export function createOpenApiRouter(_ctx: AppContext): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(buildOpenApiDocument());
  });
  router.get('/docs', (_req, res) => {
    res.type('html').send(renderDocsPage(buildOpenApiDocument() as never));
  });
  return router;
}
