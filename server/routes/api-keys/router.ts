import { Router } from 'express';
import { currentUser, requireRole } from '../../auth/middleware.ts';
import type { AppContext } from '../../context.ts';
import { createApiKey, listApiKeys, revokeApiKey } from '../../domain/api-keys/manage-api-keys.ts';
import { parse } from '../../middleware/validate.ts';
import { idParams } from '../../schemas/params.ts';
import { presentApiKey } from './presenter.ts';
import { createApiKeyBody } from './schema.ts';

/** API keys of the ORS-compatible API: staff list, create (the key is shown once) and revoke them. */
export function createApiKeysRouter(ctx: AppContext): Router {
  const router = Router();
  const prisma = ctx.db.prisma;
  const staff = requireRole('staff', 'admin');

  router.get('/api-keys', staff, async (req, res) => {
    const now = new Date();
    res.json({ apiKeys: (await listApiKeys(prisma, currentUser(req))).map((k) => presentApiKey(k, now)) });
  });

  router.post('/api-keys', staff, async (req, res) => {
    const input = parse(createApiKeyBody, req.body, 'body');
    const { apiKey, key } = await prisma.$transaction((tx) => createApiKey({ tx, actor: currentUser(req), input }));
    res.set('Cache-Control', 'no-store').status(201).json({ apiKey: presentApiKey(apiKey), key });
  });

  router.delete('/api-keys/:id', staff, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const apiKey = await prisma.$transaction((tx) => revokeApiKey({ tx, actor: currentUser(req), id }));
    res.json({ apiKey: presentApiKey(apiKey) });
  });

  return router;
}
