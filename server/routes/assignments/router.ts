import { Router } from 'express';
import { currentUser, requireRole } from '../../auth/middleware.ts';
import type { AppContext } from '../../context.ts';
import { parseSemesterId, toDate } from '../../domain/calendar/semesters.ts';
import { answerProposal } from '../../domain/assignments/answer-proposal.ts';
import { assignmentInclude, cancelAssignment, createAssignment, updateAssignment } from '../../domain/assignments/manage-assignments.ts';
import { visibleAssignments } from '../../domain/departements/visibility.ts';
import { parse } from '../../middleware/validate.ts';
import { presentAssignment } from '../../presenters/people.ts';
import { idParams } from '../../schemas/params.ts';
import { answerBody, createAssignmentBody, listAssignmentsQuery, patchAssignmentBody } from './schema.ts';

/** Bookings of beds (staff): list, create by hand, confirm/lock/override, cancel; the intern answers a proposal. */
export function createAssignmentsRouter(ctx: AppContext): Router {
  const router = Router();
  const prisma = ctx.db.prisma;
  const staff = requireRole('staff', 'admin');
  const appUrl = ctx.config.mail.appUrl;
  // After a commit that wrote an e-mail: wake the mail worker (never awaited).
  const sendSoon = () => ctx.jobs?.kick();

  router.get('/assignments', staff, async (req, res) => {
    const q = parse(listAssignmentsQuery, req.query, 'query');
    const s = q.semester ? parseSemesterId(q.semester) : undefined;
    const rows = await prisma.assignment.findMany({
      where: {
        ...visibleAssignments(currentUser(req)),
        ...(s ? { startDate: { lte: toDate(s.end) }, endDate: { gte: toDate(s.start) } } : {}),
        ...(q.internId ? { internId: q.internId } : {}),
        ...(q.siteId ? { bed: { room: { siteId: q.siteId } } } : {}),
        ...(q.status ? { status: q.status } : q.includeCancelled === '1' || q.includeCancelled === 'true' ? {} : { status: { not: 'cancelled' as const } }),
      },
      orderBy: [{ startDate: 'asc' }, { id: 'asc' }],
      include: assignmentInclude,
    });
    res.json({ assignments: rows.map(presentAssignment) });
  });

  router.post('/assignments', staff, async (req, res) => {
    const input = parse(createAssignmentBody, req.body, 'body');
    const a = await prisma.$transaction((tx) => createAssignment({ tx, actor: currentUser(req), input, appUrl }));
    sendSoon();
    res.status(201).json({ assignment: presentAssignment(a) });
  });

  router.patch('/assignments/:id', staff, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const patch = parse(patchAssignmentBody, req.body, 'body');
    const a = await prisma.$transaction((tx) => updateAssignment({ tx, actor: currentUser(req), id, patch, appUrl }));
    sendSoon();
    res.json({ assignment: presentAssignment(a) });
  });

  router.delete('/assignments/:id', staff, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const a = await prisma.$transaction((tx) => cancelAssignment({ tx, actor: currentUser(req), id, appUrl }));
    sendSoon();
    res.json({ assignment: presentAssignment(a) });
  });

  router.post('/me/assignments/:id/answer', requireRole('intern'), async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const { answer } = parse(answerBody, req.body, 'body');
    const a = await prisma.$transaction((tx) => answerProposal({ tx, actor: currentUser(req), id, answer, appUrl }));
    sendSoon();
    res.json({ assignment: presentAssignment(a) });
  });

  return router;
}
