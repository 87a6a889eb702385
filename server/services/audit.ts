import type { DbOrTx } from '../../db/client';
import { auditEvents } from '../../db/schema/audit';

export interface AuditActor {
  userId: string | null;
  partyId: string | null;
}

export interface AuditEventInput {
  compactId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Appends one audit event; call it inside the transaction that makes the change. */
export function recordAuditEvent(db: DbOrTx, actor: AuditActor, event: AuditEventInput): void {
  db.insert(auditEvents)
    .values({
      compactId: event.compactId,
      actorUserId: actor.userId,
      actorPartyId: actor.partyId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: event.before ?? null,
      after: event.after ?? null,
      createdAt: new Date(),
    })
    .run();
}
