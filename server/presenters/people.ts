import { isoDate } from '../domain/calendar/semesters.ts';
import type { Intern, Practice } from '../generated/prisma/client.ts';

/** A practice (public professional data: name, place, supervisors). */
export function presentPractice(p: Practice) {
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    kind: p.kind,
    supervisors: p.supervisors,
    address: p.address,
    commune: p.commune,
    departement: p.departement,
    departementCode: p.departementCode,
    underservedZone: p.underservedZone,
    location: [p.lng, p.lat] as [number, number],
    isDemo: p.isDemo,
  };
}

/** A placement with its practices when loaded. */
export function presentPlacement(p: {
  id: number;
  internId: number;
  practiceId: number;
  secondPracticeId: number | null;
  startDate: Date;
  endDate: Date;
  practice?: Practice;
  secondPractice?: Practice | null;
  intern?: { id: number; name: string };
}) {
  return {
    id: p.id,
    internId: p.internId,
    practiceId: p.practiceId,
    secondPracticeId: p.secondPracticeId,
    startDate: isoDate(p.startDate),
    endDate: isoDate(p.endDate),
    ...(p.intern ? { intern: { id: p.intern.id, name: p.intern.name } } : {}),
    ...(p.practice ? { practice: presentPractice(p.practice) } : {}),
    ...(p.secondPractice !== undefined ? { secondPractice: p.secondPractice ? presentPractice(p.secondPractice) : null } : {}),
  };
}

/** An intern's profile, for staff or the intern themself (personal data: never to other interns or managers). */
export function presentIntern(i: Intern & { peerInternIds?: number[]; wishes?: { peerId: number }[] }) {
  return {
    id: i.id,
    slug: i.slug,
    name: i.name,
    email: i.email,
    subdivision: i.subdivision,
    hasCar: i.hasCar,
    withPartner: i.withPartner,
    partnerInternId: i.partnerInternId,
    maxRentCents: i.maxRentCents,
    limitMinutes: i.limitMinutes,
    departementCode: i.departementCode,
    hasAccount: i.userId !== null,
    ...(i.peerInternIds || i.wishes ? { peerInternIds: i.peerInternIds ?? i.wishes!.map((w) => w.peerId).sort((a, b) => a - b) } : {}),
    isDemo: i.isDemo,
  };
}

/** An assignment (booking of a bed), with the bed's room and site when loaded. */
export function presentAssignment(a: {
  id: number;
  internId: number;
  bedId: number;
  startDate: Date;
  endDate: Date;
  status: string;
  locked: boolean;
  driveSeconds: number | null;
  driveEstimate: boolean;
  explanation: string | null;
  matchingRunId: number | null;
  answerBy?: Date | null;
  answeredAt?: Date | null;
  cancelReason?: string | null;
  intern?: { id: number; name: string };
  bed?: { id: number; label: string; room: { id: number; label: string; site: { id: number; name: string } } };
}) {
  return {
    id: a.id,
    internId: a.internId,
    bedId: a.bedId,
    startDate: isoDate(a.startDate),
    endDate: isoDate(a.endDate),
    status: a.status,
    locked: a.locked,
    driveMinutes: a.driveSeconds === null ? null : Math.round(a.driveSeconds / 60),
    driveEstimate: a.driveEstimate,
    explanation: a.explanation,
    matchingRunId: a.matchingRunId,
    answerBy: a.answerBy ? isoDate(a.answerBy) : null,
    answeredAt: a.answeredAt ? a.answeredAt.toISOString() : null,
    cancelReason: a.cancelReason ?? null,
    ...(a.intern ? { intern: { id: a.intern.id, name: a.intern.name } } : {}),
    ...(a.bed
      ? { bed: { id: a.bed.id, label: a.bed.label }, room: { id: a.bed.room.id, label: a.bed.room.label }, site: { id: a.bed.room.site.id, name: a.bed.room.site.name } }
      : {}),
  };
}
