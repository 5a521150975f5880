import { auditChanges, recordAudit } from '../../audit/record-audit.ts';
import type { SessionUser } from '../../auth/session-user.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { isoDate, toDate } from '../calendar/semesters.ts';
import { assertMayChangeSite } from '../sites/site-access.ts';

type Tx = Prisma.TransactionClient;

const roomInclude = { beds: { orderBy: { label: 'asc' } }, availability: { orderBy: { startDate: 'asc' } } } as const;

/** Loads a room's site id, or 404 naming the field. */
export async function roomSiteId(tx: Pick<Tx, 'room'>, roomId: number, field = 'params.id'): Promise<number> {
  const room = await tx.room.findUnique({ where: { id: roomId }, select: { siteId: true } });
  if (!room) throw new NotFoundError('No such room', field);
  return room.siteId;
}

function bedLabels(n: number): string[] {
  return n === 1 ? ['Lit'] : Array.from({ length: n }, (_, i) => `Lit ${i + 1}`);
}

/** Adds a room with `beds` beds to a site (staff or its manager). */
export async function createRoom({ tx, actor, siteId, label, beds, notes }: { tx: Tx; actor: SessionUser; siteId: number; label: string; beds: number; notes?: string | null }) {
  await assertMayChangeSite(tx, actor, siteId);
  const room = await tx.room.create({
    data: { siteId, label, notes: notes ?? null, beds: { create: bedLabels(beds).map((l) => ({ label: l })) } },
    include: roomInclude,
  });
  await recordAudit(tx, { actorId: actor.id, action: 'create', entity: 'Room', entityId: room.id, siteId, after: room });
  return room;
}

/**
 * Renames a room or changes its number of beds. Beds are added or removed at
 * the end; a bed with a live or past booking is never removed (409).
 */
export async function updateRoom({ tx, actor, roomId, label, beds, notes }: { tx: Tx; actor: SessionUser; roomId: number; label?: string; beds?: number; notes?: string | null }) {
  const siteId = await roomSiteId(tx, roomId);
  await assertMayChangeSite(tx, actor, siteId);
  const before = await tx.room.findUniqueOrThrow({ where: { id: roomId }, include: roomInclude });
  await tx.room.update({ where: { id: roomId }, data: { ...(label !== undefined ? { label } : {}), ...(notes !== undefined ? { notes } : {}) } });
  if (beds !== undefined && beds !== before.beds.length) {
    if (beds > before.beds.length) {
      const taken = new Set(before.beds.map((b) => b.label));
      const wanted = beds - before.beds.length;
      const labels: string[] = [];
      for (let i = 1; labels.length < wanted; i++) if (!taken.has(`Lit ${i}`)) labels.push(`Lit ${i}`);
      await tx.bed.createMany({ data: labels.map((l) => ({ roomId, label: l })) });
    } else {
      const remove = before.beds.slice(beds);
      const used = await tx.assignment.count({ where: { bedId: { in: remove.map((b) => b.id) } } });
      if (used) throw new ConflictError('Some of these beds have bookings; cancel or move them first');
      await tx.bed.deleteMany({ where: { id: { in: remove.map((b) => b.id) } } });
    }
  }
  const after = await tx.room.findUniqueOrThrow({ where: { id: roomId }, include: roomInclude });
  await recordAudit(tx, { actorId: actor.id, action: 'update', entity: 'Room', entityId: roomId, siteId, ...auditChanges(before, after) });
  return after;
}

/**
 * Deletes a room with its beds and availability; refused (409, naming who) while a booking that is
 * not cancelled uses one of its beds. Cancelled bookings go with it (the audit trail keeps them).
 */
export async function deleteRoom({ tx, actor, roomId }: { tx: Tx; actor: SessionUser; roomId: number }) {
  const siteId = await roomSiteId(tx, roomId);
  await assertMayChangeSite(tx, actor, siteId);
  const before = await tx.room.findUniqueOrThrow({ where: { id: roomId }, include: roomInclude });
  const live = await tx.assignment.findMany({ where: { bed: { roomId }, status: { not: 'cancelled' } }, select: { intern: { select: { name: true } } }, take: 3 });
  if (live.length) {
    const interns = live.map((a) => a.intern.name);
    throw new ConflictError(`This room has bookings that are not cancelled (${interns.join(', ')}); cancel or move them first`, { reason: 'room_in_use', interns });
  }
  await tx.assignment.deleteMany({ where: { bed: { roomId }, status: 'cancelled' } });
  await tx.room.delete({ where: { id: roomId } });
  await recordAudit(tx, { actorId: actor.id, action: 'delete', entity: 'Room', entityId: roomId, siteId, before });
}

/** Declares when a room can be let. */
export async function createAvailability({ tx, actor, roomId, startDate, endDate, note }: { tx: Tx; actor: SessionUser; roomId: number; startDate: string; endDate: string; note?: string | null }) {
  const siteId = await roomSiteId(tx, roomId);
  await assertMayChangeSite(tx, actor, siteId);
  const w = await tx.availabilityWindow.create({ data: { roomId, startDate: toDate(startDate), endDate: toDate(endDate), note: note ?? null } });
  await recordAudit(tx, { actorId: actor.id, action: 'create', entity: 'AvailabilityWindow', entityId: w.id, siteId, after: w });
  return w;
}

async function windowSite(tx: Tx, id: number) {
  const w = await tx.availabilityWindow.findUnique({ where: { id }, include: { room: { select: { siteId: true } } } });
  if (!w) throw new NotFoundError('No such availability window', 'params.id');
  return w;
}

/** Changes an availability window's dates or note; the result must keep end ≥ start. */
export async function updateAvailability({ tx, actor, id, startDate, endDate, note }: { tx: Tx; actor: SessionUser; id: number; startDate?: string; endDate?: string; note?: string | null }) {
  const w = await windowSite(tx, id);
  await assertMayChangeSite(tx, actor, w.room.siteId);
  const start = startDate ?? isoDate(w.startDate);
  const end = endDate ?? isoDate(w.endDate);
  if (end < start) throw new ValidationError('body.endDate: must not be before startDate', 'body.endDate');
  const { room: _room, ...before } = w;
  const after = await tx.availabilityWindow.update({ where: { id }, data: { startDate: toDate(start), endDate: toDate(end), ...(note !== undefined ? { note } : {}) } });
  await recordAudit(tx, { actorId: actor.id, action: 'update', entity: 'AvailabilityWindow', entityId: id, siteId: w.room.siteId, ...auditChanges(before, after) });
  return after;
}

/** Removes an availability window. */
export async function deleteAvailability({ tx, actor, id }: { tx: Tx; actor: SessionUser; id: number }) {
  const w = await windowSite(tx, id);
  await assertMayChangeSite(tx, actor, w.room.siteId);
  await tx.availabilityWindow.delete({ where: { id } });
  const { room: _room, ...before } = w;
  await recordAudit(tx, { actorId: actor.id, action: 'delete', entity: 'AvailabilityWindow', entityId: id, siteId: w.room.siteId, before });
}
