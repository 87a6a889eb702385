import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { signOffs } from '@/db/schema/sign-offs';
import { versions } from '@/db/schema/versions';
import type { StatementKind } from '@/shared/history/sign-off-rules';
import { recordAuditEvent, type AuditActor } from '../audit';
import { DomainError } from '../domain-error';

/** A sign-off row with what its audit events carry about the version it signed. */
export interface SignOffRecord {
  id: string;
  compactId: string;
  versionId: string;
  versionNumber: number;
  partyId: string;
  contentHash: string;
  canonicalVersion: number;
  statementKind: StatementKind;
  statement: string | null;
}

/** A party's active (not withdrawn) sign-off in a compact, if it has one. */
export function activeSignOff(db: Db | Tx, compactId: string, partyId: string): SignOffRecord | undefined {
  return db
    .select({
      id: signOffs.id,
      compactId: signOffs.compactId,
      versionId: signOffs.versionId,
      versionNumber: versions.number,
      partyId: signOffs.partyId,
      contentHash: signOffs.contentHash,
      canonicalVersion: signOffs.canonicalVersion,
      statementKind: signOffs.statementKind,
      statement: signOffs.statement,
    })
    .from(signOffs)
    .innerJoin(versions, eq(versions.id, signOffs.versionId))
    .where(and(eq(signOffs.compactId, compactId), eq(signOffs.partyId, partyId), isNull(signOffs.withdrawnAt)))
    .all()[0];
}

/** What a sign-off's audit events say: the version and its hash, the party, the statement. */
function auditedFacts(record: SignOffRecord) {
  return {
    versionId: record.versionId,
    versionNumber: record.versionNumber,
    contentHash: record.contentHash,
    canonicalVersion: record.canonicalVersion,
    partyId: record.partyId,
    statementKind: record.statementKind,
    statement: record.statement,
  };
}

export function insertSignOff(tx: Tx, actor: AuditActor & { userId: string }, record: SignOffRecord, at: Date): void {
  tx.insert(signOffs)
    .values({
      id: record.id,
      compactId: record.compactId,
      versionId: record.versionId,
      partyId: record.partyId,
      signedBy: actor.userId,
      contentHash: record.contentHash,
      canonicalVersion: record.canonicalVersion,
      statementKind: record.statementKind,
      statement: record.statement,
      signedAt: at,
    })
    .run();
  recordAuditEvent(tx, actor, {
    compactId: record.compactId,
    action: 'sign-off.signed',
    entityType: 'sign-off',
    entityId: record.id,
    after: auditedFacts(record),
  });
}

/**
 * Records a withdrawal on the sign-off's row (it is never erased) with its audit event. CONFLICT
 * when it was withdrawn meanwhile (by another signatory of the party, or a newer sign-off).
 * `supersededBy`: the party's new sign-off that replaces it (audited; the row keeps no sentence
 * about it — readers are told in their own language, see sign-off-status.ts).
 */
export function markWithdrawn(
  tx: Tx,
  actor: AuditActor & { userId: string },
  record: SignOffRecord,
  reason: string | null,
  at: Date,
  supersededBy?: string,
): void {
  const { changes } = tx
    .update(signOffs)
    .set({ withdrawnAt: at, withdrawnBy: actor.userId, withdrawalReason: reason })
    .where(and(eq(signOffs.id, record.id), isNull(signOffs.withdrawnAt)))
    .run();
  if (changes !== 1) throw new DomainError('CONFLICT', { key: 'errors.signOffWrites.signOffHasAlready' });
  recordAuditEvent(tx, actor, {
    compactId: record.compactId,
    action: 'sign-off.withdrawn',
    entityType: 'sign-off',
    entityId: record.id,
    before: { withdrawnAt: null },
    after: { ...auditedFacts(record), withdrawalReason: reason, ...(supersededBy ? { supersededBy } : {}) },
  });
}
