import { isoDate } from '../domain/calendar/semesters.ts';

/** What a room request's presenter needs loaded with it. */
export const roomRequestInclude = {
  intern: { select: { id: true, name: true } },
  site: { select: { id: true, name: true } },
  assignment: { select: { id: true, status: true, startDate: true, endDate: true, answerBy: true, bed: { select: { label: true, room: { select: { label: true } } } } } },
} as const;

/** A room request with its outcome: the reason of a refusal, or the proposal made when accepted. */
export function presentRoomRequest(r: {
  id: number;
  note: string | null;
  status: string;
  answer: string | null;
  answeredAt: Date | null;
  createdAt: Date;
  intern: { id: number; name: string };
  site: { id: number; name: string };
  assignment: { id: number; status: string; startDate: Date; endDate: Date; answerBy: Date | null; bed: { label: string; room: { label: string } } } | null;
}) {
  return {
    id: r.id,
    intern: r.intern,
    site: r.site,
    note: r.note,
    status: r.status,
    answer: r.answer,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    assignment: r.assignment
      ? {
          id: r.assignment.id,
          status: r.assignment.status,
          room: r.assignment.bed.room.label,
          bed: r.assignment.bed.label,
          startDate: isoDate(r.assignment.startDate),
          endDate: isoDate(r.assignment.endDate),
          answerBy: r.assignment.answerBy ? isoDate(r.assignment.answerBy) : null,
        }
      : null,
  };
}
