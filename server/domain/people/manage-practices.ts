import { randomBytes } from 'node:crypto';
import { auditChanges, recordAudit } from '../../audit/record-audit.ts';
import type { SessionUser } from '../../auth/session-user.ts';
import { NotFoundError } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { assertCodeInScope } from '../sites/site-access.ts';
import { slugify } from '../sites/site-input.ts';

type Tx = Prisma.TransactionClient;

/** Practice fields as the API takes them. */
export interface PracticeInput {
  name?: string;
  kind?: 'gp_practice' | 'health_centre';
  supervisors?: string[];
  address?: string | null;
  commune?: string;
  departement?: string;
  location?: [number, number];
  underservedZone?: boolean | null;
}

function columns(input: PracticeInput): Prisma.PracticeUncheckedUpdateInput {
  const { location, ...rest } = input;
  return { ...rest, ...(location ? { lng: location[0], lat: location[1] } : {}) };
}

/** Creates a practice (staff, in one of their départements). */
export async function createPractice({ tx, actor, input }: { tx: Tx; actor: SessionUser; input: Required<Pick<PracticeInput, 'name' | 'commune' | 'departement' | 'location'>> & PracticeInput }) {
  const slug = `${slugify(input.name)}-${randomBytes(3).toString('hex')}`;
  const practice = await tx.practice.create({ data: { ...columns(input), slug } as Prisma.PracticeUncheckedCreateInput });
  assertCodeInScope(actor, practice.departementCode, 'body.departement', 'This practice would be in a département that is not one of yours');
  await recordAudit(tx, { actorId: actor.id, action: 'create', entity: 'Practice', entityId: practice.id, after: practice });
  return practice;
}

/** Changes a practice (staff of its département, who may not move it out of their départements). */
export async function updatePractice({ tx, actor, id, input }: { tx: Tx; actor: SessionUser; id: number; input: PracticeInput }) {
  const before = await tx.practice.findUnique({ where: { id } });
  if (!before) throw new NotFoundError('No such practice', 'params.id');
  assertCodeInScope(actor, before.departementCode, 'params.id', 'This practice is in a département that is not one of yours');
  const after = await tx.practice.update({ where: { id }, data: columns(input) });
  assertCodeInScope(actor, after.departementCode, 'body.departement', 'This practice would move to a département that is not one of yours');
  await recordAudit(tx, { actorId: actor.id, action: 'update', entity: 'Practice', entityId: id, ...auditChanges(before, after) });
  return after;
}
