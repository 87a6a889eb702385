import 'server-only';
import type { DbOrTx } from '@/db/client';
import { auditEvents } from '@/db/schema/audit';
import { desc, eq, isNull } from 'drizzle-orm';
import { asStoredJson, CHAIN_GENESIS, chainHash, storedText } from './audit-chain';
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
    action: storedText(event.action),
    entityType: storedText(event.entityType),
    entityId: storedText(event.entityId),
    before: asStoredJson(event.before),
    after: asStoredJson(event.after),
    createdAt,
  };
}

/** The hash a chain's next event follows: its newest event's (the genesis for an empty chain). */
function chainHead(db: DbOrTx, compactId: string | null): string {
  const [newest] = db
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .where(compactId === null ? isNull(auditEvents.compactId) : eq(auditEvents.compactId, compactId))
    .orderBy(desc(auditEvents.id))
    .limit(1)
    .all();
  if (!newest) return CHAIN_GENESIS;
  if (newest.hash === null) throw new Error('The audit log holds events that were never chained.');
  return newest.hash;
}

/**
 * Appends events to their chains (the compact's, or the instance's), each hashed over the one
 * before it. Inside the caller's transaction when there is one (a savepoint), else in an immediate
 * transaction of its own: the head is read and the events written under the write lock, and the
 * unique (chain, previous hash) index refuses a fork whatever happens.
 */
function appendEvents(db: DbOrTx, actor: AuditActor, events: readonly AuditEventInput[], createdAt: Date): void {
  if (events.length === 0) return;
  db.transaction(
    (tx) => {
      const heads = new Map<string | null, string>();
      const rows = events.map((event) => {
        const row = auditRow(actor, event, createdAt);
        const prevHash = heads.get(row.compactId) ?? chainHead(tx, row.compactId);
        const hash = chainHash(prevHash, { ...row, createdAt: createdAt.getTime() });
        heads.set(row.compactId, hash);
        return { ...row, prevHash, hash };
      });
      bulkInsert(tx, auditEvents, rows);
    },
    { behavior: 'immediate' },
  );
}

/** Appends one audit event; call it inside the transaction that makes the change. */
export function recordAuditEvent(db: DbOrTx, actor: AuditActor, event: AuditEventInput): void {
  appendEvents(db, actor, [event], new Date());
}

/** Appends many audit events in order (large imports); call it inside the transaction that makes the change. */
export function recordAuditEvents(db: DbOrTx, actor: AuditActor, events: readonly AuditEventInput[]): void {
  appendEvents(db, actor, events, new Date());
}
