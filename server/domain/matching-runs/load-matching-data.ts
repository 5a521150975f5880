import { createHash } from 'node:crypto';
import { placementsIn, type Scope } from '../departements/visibility.ts';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { isoDate, toDate } from '../calendar/semesters.ts';
import type { DateWindow } from '../search/date-window.ts';

type Db = Prisma.TransactionClient | PrismaClient;

/**
 * Everything a matching run depends on, for one window: the placements (with
 * their interns' constraints and practices), the beds of active sites with
 * their rent, rules and availability (rooms with no availability in the window
 * play no part), and the live (non-cancelled) assignments.
 * The same load feeds the instance and the fingerprint, so apply can tell
 * whether anything changed since the preview.
 */
export async function loadMatchingData(db: Db, window: DateWindow, scope: Scope = { national: true }) {
  const overlap = { startDate: { lte: toDate(window.to) }, endDate: { gte: toDate(window.from) } };
  // Only the scope's placements are matched; every site's beds and every live booking are read,
  // because a site across a border can house them (drive times decide, not borders).
  const [placements, rooms, assignments] = await Promise.all([
    db.placement.findMany({
      where: { AND: [overlap, placementsIn(scope)] },
      orderBy: [{ startDate: 'asc' }, { id: 'asc' }],
      include: {
        practice: { select: { id: true, name: true, commune: true, lng: true, lat: true } },
        secondPractice: { select: { id: true, name: true, commune: true, lng: true, lat: true } },
        intern: {
          select: {
            id: true, name: true, limitMinutes: true, maxRentCents: true, withPartner: true, partnerInternId: true,
            wishes: { select: { peerId: true }, orderBy: { peerId: 'asc' } },
            preferencesNote: true,
            preferences: { select: { siteId: true, rank: true, site: { select: { name: true } } }, orderBy: { rank: 'asc' } },
          },
        },
      },
    }),
    db.room.findMany({
      where: { site: { active: true }, availability: { some: overlap } },
      orderBy: { id: 'asc' },
      select: {
        id: true,
        label: true,
        site: { select: { id: true, name: true, commune: true, lng: true, lat: true, rentCents: true, partnerAllowed: true } },
        beds: { select: { id: true, label: true }, orderBy: { id: 'asc' } },
        availability: { where: overlap, select: { id: true, startDate: true, endDate: true }, orderBy: [{ startDate: 'asc' }, { id: 'asc' }] },
      },
    }),
    db.assignment.findMany({
      where: { ...overlap, status: { not: 'cancelled' } },
      orderBy: { id: 'asc' },
      select: { id: true, internId: true, bedId: true, startDate: true, endDate: true, status: true, locked: true },
    }),
  ]);
  return { window, placements, rooms, assignments };
}

export type MatchingData = Awaited<ReturnType<typeof loadMatchingData>>;

const sha = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 32);

/** Hashes of each part of the data a run depends on; two loads are the same world when all hashes match. */
export interface MatchingFingerprint {
  placements: string;
  beds: string;
  availability: string;
  assignments: string;
}

/** Fingerprints the data, field by field, dates as `YYYY-MM-DD` (no timestamps, so an unchanged save is unchanged). */
export function fingerprint(data: MatchingData): MatchingFingerprint {
  return {
    placements: sha(
      data.placements.map((p) => [
        p.id, p.internId, isoDate(p.startDate), isoDate(p.endDate), p.practice.id, p.practice.lng, p.practice.lat,
        p.secondPractice?.id ?? null, p.secondPractice?.lng ?? null, p.secondPractice?.lat ?? null,
        p.intern.limitMinutes, p.intern.maxRentCents, p.intern.withPartner, p.intern.partnerInternId, p.intern.wishes.map((w) => w.peerId),
        p.intern.preferences.map((w) => [w.siteId, w.rank]),
      ]),
    ),
    beds: sha(data.rooms.map((r) => [r.id, r.site.id, r.site.lng, r.site.lat, r.site.rentCents, r.site.partnerAllowed, r.beds.map((b) => b.id)])),
    availability: sha(data.rooms.map((r) => [r.id, r.availability.map((w) => [w.id, isoDate(w.startDate), isoDate(w.endDate)])])),
    assignments: sha(data.assignments.map((a) => [a.id, a.internId, a.bedId, isoDate(a.startDate), isoDate(a.endDate), a.status, a.locked])),
  };
}

/** The parts whose hashes differ (empty when nothing changed). */
export function changedParts(before: MatchingFingerprint, after: MatchingFingerprint): (keyof MatchingFingerprint)[] {
  return (Object.keys(after) as (keyof MatchingFingerprint)[]).filter((k) => before[k] !== after[k]);
}
