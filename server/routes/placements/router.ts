import { Router } from 'express';
import { currentUser, requireRole } from '../../auth/middleware.ts';
import type { AppContext } from '../../context.ts';
import { parseSemesterId, toDate } from '../../domain/calendar/semesters.ts';
import { createPlacement, deletePlacement, updatePlacement } from '../../domain/people/manage-placements.ts';
import { visiblePlacements } from '../../domain/departements/visibility.ts';
import { parse } from '../../middleware/validate.ts';
import { presentPlacement } from '../../presenters/people.ts';
import { idParams } from '../../schemas/params.ts';
import { createPlacementBody, listPlacementsQuery, patchPlacementBody } from './schema.ts';

/** Placements of interns at practices (staff). */
export function createPlacementsRouter(ctx: AppContext): Router {
  const router = Router();
  const prisma = ctx.db.prisma;
  // Per route, not router.use('/placements'): other routers serve /placements/:id/… to interns too.
  const staff = requireRole('staff', 'admin');

  router.get('/placements', staff, async (req, res) => {
    const q = parse(listPlacementsQuery, req.query, 'query');
    const s = q.semester ? parseSemesterId(q.semester) : undefined;
    const rows = await prisma.placement.findMany({
      where: {
        ...visiblePlacements(currentUser(req)),
        ...(s ? { startDate: { lte: toDate(s.end) }, endDate: { gte: toDate(s.start) } } : {}),
        ...(q.internId ? { internId: q.internId } : {}),
      },
      orderBy: [{ startDate: 'asc' }, { id: 'asc' }],
      include: { practice: true, secondPractice: true, intern: { select: { id: true, name: true } } },
    });
    res.json({ placements: rows.map(presentPlacement) });
  });

  router.post('/placements', staff, async (req, res) => {
    const input = parse(createPlacementBody, req.body, 'body');
    const p = await prisma.$transaction((tx) => createPlacement({ tx, actor: currentUser(req), input }));
    res.status(201).json({ placement: presentPlacement(p) });
  });

  router.patch('/placements/:id', staff, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const input = parse(patchPlacementBody, req.body, 'body');
    const p = await prisma.$transaction((tx) => updatePlacement({ tx, actor: currentUser(req), id, input }));
    res.json({ placement: presentPlacement(p) });
  });

  router.delete('/placements/:id', staff, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    await prisma.$transaction((tx) => deletePlacement({ tx, actor: currentUser(req), id }));
    res.status(204).end();
  });

  return router;
}
