import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { commitments } from '@/db/schema/framework';
import { parties } from '@/db/schema/parties';
import { recordAuditEvent, type AuditActor } from '../audit';
import { DomainError } from '../domain-error';
import { newId } from '../ids';

export interface CommitmentInput {
  reference: string;
  leadPartyId: string;
  supportingPartyIds: string[];
  deliverable: string;
  dueDate: string | null;
  narrativeStatus: string;
}

const columns = {
  id: commitments.id,
  reference: commitments.reference,
  provisionId: commitments.provisionId,
  leadPartyId: commitments.leadPartyId,
  supportingPartyIds: commitments.supportingPartyIds,
  deliverable: commitments.deliverable,
  dueDate: commitments.dueDate,
  narrativeStatus: commitments.narrativeStatus,
  retired: commitments.retiredAt,
};

export function listCommitments(db: DbOrTx, compactId: string) {
  return db
    .select(columns)
    .from(commitments)
    .where(eq(commitments.compactId, compactId))
    .orderBy(asc(commitments.reference))
    .all();
}

export function requireCommitment(db: DbOrTx, compactId: string, commitmentId: string) {
  const [row] = db
    .select(columns)
    .from(commitments)
    .where(and(eq(commitments.compactId, compactId), eq(commitments.id, commitmentId)))
    .all();
  if (!row) throw new DomainError('NOT_FOUND', 'No such commitment in this compact.');
  return row;
}

export function assertPartiesExist(db: DbOrTx, partyIds: string[]) {
  const known = new Set(
    db
      .select({ id: parties.id })
      .from(parties)
      .all()
      .map((p) => p.id),
  );
  const unknown = partyIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new DomainError('BAD_REQUEST', 'Choose parties from the list.');
}

export function createCommitment(db: Db, actor: AuditActor, compactId: string, input: CommitmentInput) {
  return db.transaction((tx) => {
    assertPartiesExist(tx, [input.leadPartyId, ...input.supportingPartyIds]);
    const id = newId();
    tx.insert(commitments)
      .values({ id, compactId, ...input, createdAt: new Date() })
      .run();
    recordAuditEvent(tx, actor, {
      compactId,
      action: 'commitment.created',
      entityType: 'commitment',
      entityId: id,
      after: input,
    });
    return requireCommitment(tx, compactId, id);
  });
}

export function updateCommitment(
  db: Db,
  actor: AuditActor,
  compactId: string,
  commitmentId: string,
  input: CommitmentInput,
) {
  return db.transaction((tx) => {
    const before = requireCommitment(tx, compactId, commitmentId);
    assertPartiesExist(tx, [input.leadPartyId, ...input.supportingPartyIds]);
    tx.update(commitments).set(input).where(eq(commitments.id, commitmentId)).run();
    recordAuditEvent(tx, actor, {
      compactId,
      action: 'commitment.updated',
      entityType: 'commitment',
      entityId: commitmentId,
      before,
      after: input,
    });
    return requireCommitment(tx, compactId, commitmentId);
  });
}

export function retireCommitment(db: Db, actor: AuditActor, compactId: string, commitmentId: string) {
  db.transaction((tx) => {
    requireCommitment(tx, compactId, commitmentId);
    tx.update(commitments).set({ retiredAt: new Date() }).where(eq(commitments.id, commitmentId)).run();
    recordAuditEvent(tx, actor, {
      compactId,
      action: 'commitment.retired',
      entityType: 'commitment',
      entityId: commitmentId,
    });
  });
}
