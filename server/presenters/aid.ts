import type { SessionUser } from '../auth/session-user.ts';
import type { AidGrant, AidScheme } from '../generated/prisma/client.ts';
import { isoDate } from '../domain/calendar/semesters.ts';
import { parseRateTable } from '../domain/aid/rate-table.ts';

/**
 * An aid scheme as anyone signed in may read it (rules, amounts, rate table); `editable` tells the
 * caller whether they may configure it (staff of its département, the admin).
 */
export function presentAidScheme(s: AidScheme, viewer?: Pick<SessionUser, 'role' | 'departementCodes'>) {
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    departementCode: s.departementCode,
    kind: s.kind,
    amountCents: s.amountCents,
    rateTable: s.kind === 'per_km' && s.rateTable !== null ? parseRateTable(s.rateTable) : null,
    minMonths: s.minMonths,
    requiresUnderservedZone: s.requiresUnderservedZone,
    conflictsWithHousingAid: s.conflictsWithHousingAid,
    active: s.active,
    rules: s.rules,
    description: s.description,
    editable: viewer?.role === 'admin' || (viewer?.role === 'staff' && s.departementCode !== null && viewer.departementCodes.includes(s.departementCode)),
  };
}

type GrantRow = AidGrant & {
  scheme: { id: number; code: string; name: string; departementCode: string | null };
  intern: { id: number; name: string; subdivision: string };
};

/** A grant of the register (staff). */
export function presentAidGrant(g: GrantRow) {
  return {
    id: g.id,
    scheme: g.scheme,
    intern: { id: g.intern.id, name: g.intern.name },
    placementId: g.placementId,
    amountCents: g.amountCents,
    grantedOn: isoDate(g.grantedOn),
    grantedById: g.grantedById,
    note: g.note,
    cancelledAt: g.cancelledAt?.toISOString() ?? null,
    createdAt: g.createdAt.toISOString(),
  };
}
