import type { Prisma } from '../../generated/prisma/client.ts';
import { toDate } from '../calendar/semesters.ts';
import { internsIn, type Scope } from '../departements/visibility.ts';
import type { DateWindow } from '../search/date-window.ts';

/** Aid granted under one scheme over a window: live grants (not cancelled) whose `grantedOn` falls in it. */
export interface SchemeAid {
  schemeId: number;
  code: string;
  name: string;
  count: number;
  amountCents: number;
}

/** Aid granted over a window: per scheme (schemes with a grant, by code) and in total. */
export interface AidFigures {
  count: number;
  amountCents: number;
  schemes: SchemeAid[];
}

/**
 * The grants an indicator counts: live ones (`cancelledAt` null) dated (`grantedOn`) in the window, to the
 * interns the scope sees — the aid register's own rule (registered in, or placed in, one of the départements).
 */
export function aidWhere(scope: Scope, window: DateWindow): Prisma.AidGrantWhereInput {
  return { cancelledAt: null, grantedOn: { gte: toDate(window.from), lte: toDate(window.to) }, ...(scope.national ? {} : { intern: internsIn(scope) }) };
}

/** What aidWhere's rows must carry for sumAid. */
export const aidSelect = { amountCents: true, grantedOn: true, scheme: { select: { id: true, code: true, name: true } } } as const;

/** Sums grants per scheme (ordered by code) and in total. */
export function sumAid(grants: { amountCents: number; scheme: { id: number; code: string; name: string } }[]): AidFigures {
  const byScheme = new Map<number, SchemeAid>();
  for (const g of grants) {
    const a = byScheme.get(g.scheme.id) ?? { schemeId: g.scheme.id, code: g.scheme.code, name: g.scheme.name, count: 0, amountCents: 0 };
    a.count++;
    a.amountCents += g.amountCents;
    byScheme.set(g.scheme.id, a);
  }
  const schemes = [...byScheme.values()].sort((a, b) => a.code.localeCompare(b.code));
  return { count: grants.length, amountCents: grants.reduce((n, g) => n + g.amountCents, 0), schemes };
}
