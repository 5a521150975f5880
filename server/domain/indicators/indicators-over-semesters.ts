import type { PrismaClient } from '../../generated/prisma/client.ts';
import { NotFoundError } from '../../errors.ts';
import { nextSemester, parseSemesterId, semesterOf } from '../calendar/semesters.ts';
import { assertDepartementInScope, type Scope } from '../departements/visibility.ts';
import { computeSemesterIndicators, type SemesterFigures } from './semester-indicators.ts';
import { semestersUpTo } from './semester-series.ts';

/** What was asked: a département (else the whole scope), how many semesters up to which one, the default drive limit. */
export interface SemesterIndicatorsRequest {
  departement?: string;
  count: number;
  /** Last semester id (`2026-11`); default: the next semester, the one being prepared (as GET /api/indicators). */
  until?: string;
  limitMinutes: number;
}

/** The answer: whose figures they are and one entry per semester, oldest first. */
export interface SemesterIndicators {
  /** The département asked for; null: the caller's whole scope. */
  departement: string | null;
  /** The départements the figures cover; null: national (every département). */
  departements: string[] | null;
  /** The drive limit of interns who have none of their own. */
  limitMinutes: number;
  semesters: SemesterFigures[];
}

type Db = Pick<PrismaClient, 'site' | 'placement' | 'assignment' | 'aidGrant' | 'departement'>;

/**
 * Indicators over the last semesters for the caller's scope, narrowed to one département when asked:
 * staff may pick only one of theirs (403 otherwise, as for any other département's data they ask for
 * by name), the national admin any existing one (404 for an unknown code).
 */
export async function indicatorsOverSemesters(db: Db, callerScope: Scope, req: SemesterIndicatorsRequest, today = new Date()): Promise<SemesterIndicators> {
  let scope = callerScope;
  if (req.departement) {
    assertDepartementInScope(callerScope, req.departement, 'query.departement');
    if (!(await db.departement.findUnique({ where: { code: req.departement }, select: { code: true } }))) throw new NotFoundError('No such département', 'query.departement');
    scope = { national: false, codes: [req.departement] };
  }
  const last = (req.until && parseSemesterId(req.until)) || nextSemester(semesterOf(today));
  const semesters = await computeSemesterIndicators(db, { scope, semesters: semestersUpTo(last, req.count), limitMinutes: req.limitMinutes });
  return { departement: req.departement ?? null, departements: scope.national ? null : [...scope.codes].sort(), limitMinutes: req.limitMinutes, semesters };
}
