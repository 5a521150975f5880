import { Router } from 'express';
import { currentUser, requireRole, requireUser } from '../../auth/middleware.ts';
import type { AppContext } from '../../context.ts';
import { createPractice, updatePractice } from '../../domain/people/manage-practices.ts';
import { parse } from '../../middleware/validate.ts';
import { presentPractice } from '../../presenters/people.ts';
import { idParams } from '../../schemas/params.ts';
import { createPracticeBody, patchPracticeBody } from './schema.ts';

/** GP practices: read by anyone signed in, written by staff. */
export function createPracticesRouter(ctx: AppContext): Router {
  const router = Router();
  const prisma = ctx.db.prisma;

  router.get('/practices', requireUser, async (_req, res) => {
    const rows = await prisma.practice.findMany({ orderBy: [{ departement: 'asc' }, { name: 'asc' }] });
    res.json({ practices: rows.map(presentPractice) });
  });

  router.post('/practices', requireRole('staff', 'admin'), async (req, res) => {
    const input = parse(createPracticeBody, req.body, 'body');
    const p = await prisma.$transaction((tx) => createPractice({ tx, actor: currentUser(req), input }));
    res.status(201).json({ practice: presentPractice(p) });
  });

  router.patch('/practices/:id', requireRole('staff', 'admin'), async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const input = parse(patchPracticeBody, req.body, 'body');
    const p = await prisma.$transaction((tx) => updatePractice({ tx, actor: currentUser(req), id, input }));
    res.json({ practice: presentPractice(p) });
  });

  return router;
}
