import { Router } from 'express';
import { currentUser, requireRole } from '../../auth/middleware.ts';
import type { AppContext } from '../../context.ts';
import { createAvailability, createRoom, deleteAvailability, deleteRoom, updateAvailability, updateRoom } from '../../domain/rooms/manage-rooms.ts';
import { parse } from '../../middleware/validate.ts';
import { presentAvailability, presentRoom } from '../../presenters/site-detail.ts';
import { idParams } from '../../schemas/params.ts';
import { createAvailabilityBody, createRoomBody, patchAvailabilityBody, patchRoomBody } from './schema.ts';

/** Rooms, beds and availability windows of a site: staff, or the site's manager (checked in the domain functions). */
export function createRoomsRouter(ctx: AppContext): Router {
  const router = Router();
  const prisma = ctx.db.prisma;
  const canManage = requireRole('staff', 'admin', 'manager');

  router.post('/sites/:id/rooms', canManage, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const body = parse(createRoomBody, req.body, 'body');
    const room = await prisma.$transaction((tx) => createRoom({ tx, actor: currentUser(req), siteId: id, ...body }));
    res.status(201).json({ room: presentRoom(room) });
  });

  router.patch('/rooms/:id', canManage, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const body = parse(patchRoomBody, req.body, 'body');
    const room = await prisma.$transaction((tx) => updateRoom({ tx, actor: currentUser(req), roomId: id, ...body }));
    res.json({ room: presentRoom(room) });
  });

  router.delete('/rooms/:id', canManage, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    await prisma.$transaction((tx) => deleteRoom({ tx, actor: currentUser(req), roomId: id }));
    res.status(204).end();
  });

  router.post('/rooms/:id/availability', canManage, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const body = parse(createAvailabilityBody, req.body, 'body');
    const w = await prisma.$transaction((tx) => createAvailability({ tx, actor: currentUser(req), roomId: id, ...body }));
    res.status(201).json({ availability: presentAvailability(w) });
  });

  router.patch('/availability/:id', canManage, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const body = parse(patchAvailabilityBody, req.body, 'body');
    const w = await prisma.$transaction((tx) => updateAvailability({ tx, actor: currentUser(req), id, ...body }));
    res.json({ availability: presentAvailability(w) });
  });

  router.delete('/availability/:id', canManage, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    await prisma.$transaction((tx) => deleteAvailability({ tx, actor: currentUser(req), id }));
    res.status(204).end();
  });

  return router;
}
