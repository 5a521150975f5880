import { Router } from 'express';
import type { AppContext } from '../../context.ts';
import { appliedMigrations } from '../../db/migrations.ts';

/** GET /api/health: liveness plus what the instance runs on. */
export function createHealthRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const migrations = await appliedMigrations(ctx.db.sql);
    res.json({
      status: 'ok',
      database: { kind: ctx.db.kind, migrations },
      driveTimes: { provider: ctx.driveTimes.provider.name, description: ctx.driveTimes.description },
      ...(ctx.workers ? { workers: ctx.workers.stats } : {}),
    });
  });
  return router;
}
