import { auditChanges, recordAudit } from '../../audit/record-audit.ts';
import type { SessionUser } from '../../auth/session-user.ts';
import { NotFoundError } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { RoomRequestStatus } from '../../generated/prisma/enums.ts';

type Tx = Prisma.TransactionClient;

/** Staff answer an intern's room request (accepted, declined) or reopen it; audited. */
export async function setRoomRequestStatus({ tx, actor, id, status }: { tx: Tx; actor: SessionUser; id: number; status: RoomRequestStatus }) {
  const before = await tx.roomRequest.findUnique({ where: { id } });
  if (!before) throw new NotFoundError('No such request', 'params.id');
  const after = await tx.roomRequest.update({ where: { id }, data: { status } });
  await recordAudit(tx, { actorId: actor.id, action: 'update', entity: 'RoomRequest', entityId: id, siteId: after.siteId, internId: after.internId, ...auditChanges(before, after) });
  return after;
}
