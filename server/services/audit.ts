import 'server-only';
import type { DbOrTx } from '@/db/client';
import { auditEvents } from '@/db/schema/audit';
import { bulkInsert } from './bulk-insert';

export interface AuditActor {
  userId: string | null;
  partyId: string | null;
}

/**
 * An account-level action, outside any compact (an instance administrator creating a party): it
 * is audited with no party, since a person represents a party only inside a compact.
 */
export function accountLevel(actor: { userId: string }): AuditActor {
  return { userId: actor.userId, partyId: null };
}

export interface AuditEventInput {
  compactId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

function auditRow(actor: AuditActor, event: AuditEventInput, createdAt: Date) {
  return {
    compactId: event.compactId,
    actorUserId: actor.userId,
    actorPartyId: actor.partyId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before ?? null,
    after: event.after ?? null,
    createdAt,
  };
}

/** Appends one audit event; call it inside the transaction that makes the change. */
export function recordAuditEvent(db: DbOrTx, actor: AuditActor, event: AuditEventInput): void {
  db.insert(auditEvents)
    .values(auditRow(actor, event, new Date()))
    .run();
}

/** Appends many audit events in order (large imports); call it inside the transaction that makes the change. */
export function recordAuditEvents(db: DbOrTx, actor: AuditActor, events: readonly AuditEventInput[]): void {
  const now = new Date();
  bulkInsert(
    db,
    auditEvents,
    events.map((event) => auditRow(actor, event, now)),
  );
}
