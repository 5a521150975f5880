import { ForbiddenError, NotFoundError } from '../../errors.ts';
import type { SessionUser } from '../../auth/session-user.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { isoDate } from '../calendar/semesters.ts';
import type { DateWindow } from './date-window.ts';
import type { PracticePoint } from './placement-isochrones.ts';

/** A placement as drive-time search needs it: its dates, its intern and its one or two practices. */
export interface PlacementForSearch {
  id: number;
  internId: number;
  /** The départements of its practices (who may search for it). */
  departementCodes: (string | null)[];
  window: DateWindow;
  practices: PracticePoint[];
}

/** Loads a placement with its practices; 404 when unknown. */
export async function loadPlacementForSearch(prisma: Pick<PrismaClient, 'placement'>, id: number): Promise<PlacementForSearch> {
  const p = await prisma.placement.findUnique({ where: { id }, include: { practice: true, secondPractice: true } });
  if (!p) throw new NotFoundError('No such placement', 'id');
  const practices = [p.practice, p.secondPractice].filter((x) => x !== null);
  return {
    id: p.id,
    internId: p.internId,
    departementCodes: practices.map((x) => x.departementCode),
    window: { from: isoDate(p.startDate), to: isoDate(p.endDate) },
    practices: practices.map((x) => ({ id: x.id, name: x.name, location: [x.lng, x.lat] })),
  };
}

/**
 * Staff may search for the placements of their départements (404 for another's), the admin for any;
 * an intern only for their own.
 */
export function assertCanSearchPlacement(user: SessionUser, placement: { internId: number; departementCodes: (string | null)[] }): void {
  if (user.role === 'admin') return;
  if (user.role === 'staff') {
    if (placement.departementCodes.some((c) => c !== null && user.departementCodes.includes(c))) return;
    throw new NotFoundError('No such placement', 'id');
  }
  if (user.role === 'intern' && user.internId === placement.internId) return;
  throw new ForbiddenError('This placement is not yours');
}
