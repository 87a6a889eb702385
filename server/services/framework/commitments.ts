import 'server-only';
import type { Problem } from '@/i18n/types';
import { and, asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '@/db/client';
import { commitments } from '@/db/schema/framework';
import { parties } from '@/db/schema/parties';
import { recordAuditEvent, type AuditActor } from '../audit';
import { DomainError } from '../domain-error';
import { newId } from '../ids';
import { insertAudited, ItemProblems, type WriteOrigin } from '../batch-writes';
import { COMMITMENT_TEXT_MAX, supportingPartiesProblem } from '@/shared/framework/commitment-rules';
import { textLengthProblems } from '@/shared/text-limits';
import {
  checkProvisionLinks,
  linkableProvisions,
  NO_PROVISIONS,
  withLinkedProvisions,
  type ProvisionsById,
} from './provision-links';

export interface CommitmentInput {
  reference: string;
  leadPartyId: string;
  supportingPartyIds: string[];
  deliverable: string;
  dueDate: string | null;
  narrativeStatus: string;
  /** The provision of the compact text it implements (left out: an update keeps the link it had; null: none). */
  provisionId?: string | null;
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
  if (!row) throw new DomainError('NOT_FOUND', { key: 'errors.indicators.noSuchCommitmentCompact' });
  return row;
}

/** A commitment that can still change: a retired one keeps its fields and the date it was retired. */
function requireActiveCommitment(db: DbOrTx, compactId: string, commitmentId: string) {
  const commitment = requireCommitment(db, compactId, commitmentId);
  if (commitment.retired) throw new DomainError('CONFLICT', { key: 'errors.commitments.commitmentRetired' });
  return commitment;
}

/** The ids of every party (a handful of rows), to check references against. */
export function knownPartyIds(db: DbOrTx): Set<string> {
  return new Set(
    db
      .select({ id: parties.id })
      .from(parties)
      .all()
      .map((p) => p.id),
  );
}

const PARTIES_FROM_THE_LIST: Problem = { key: 'errors.indicators.choosePartiesFromList' };

/**
 * The commitments of a compact, each with the provision it links to (`provision` null when the
 * link names a provision no longer in the text): one read of the stored text at most.
 */
export const listCommitmentsWithProvisions = (db: DbOrTx, compactId: string) =>
  withLinkedProvisions(db, compactId, listCommitments(db, compactId));

/**
 * Every rule of a commitment's fields (new or changed), for a batch (problems by item and field);
 * `provisions` are the text's, read before the write transaction (linkableProvisions).
 */
function checkCommitments(
  db: DbOrTx,
  items: readonly CommitmentInput[],
  problems: ItemProblems,
  provisions: ProvisionsById,
) {
  const known = knownPartyIds(db);
  items.forEach((item, index) => {
    for (const problem of textLengthProblems(COMMITMENT_TEXT_MAX, item))
      problems.add(index, problem.field, 'BAD_REQUEST', problem);
    if (!known.has(item.leadPartyId)) problems.add(index, 'leadPartyId', 'BAD_REQUEST', PARTIES_FROM_THE_LIST);
    else if (!item.supportingPartyIds.every((id) => known.has(id)))
      problems.add(index, 'supportingPartyIds', 'BAD_REQUEST', PARTIES_FROM_THE_LIST);
    else {
      const problem = supportingPartiesProblem(item.leadPartyId, item.supportingPartyIds);
      if (problem) problems.add(index, 'supportingPartyIds', 'BAD_REQUEST', problem);
    }
  });
  checkProvisionLinks(items, provisions, problems);
}

/**
 * The one write path of new commitments (from the form or a CSV import), inside the caller's
 * transaction: checks every rule, writes them and their audit events, returns their ids in order.
 */
export function insertCommitments(
  tx: Tx,
  actor: AuditActor,
  compactId: string,
  items: readonly CommitmentInput[],
  origin: WriteOrigin,
  provisions: ProvisionsById = NO_PROVISIONS,
): string[] {
  const problems = new ItemProblems();
  checkCommitments(tx, items, problems, provisions);
  problems.throwIfAny();
  const createdAt = new Date();
  const rows = items.map((item) => ({ id: newId(), compactId, ...commitmentFields(item), createdAt }));
  return insertAudited(tx, actor, commitments, rows, (_, index) => ({
    compactId,
    action: origin === 'csv-import' ? 'commitment.imported' : 'commitment.created',
    entityType: 'commitment',
    after: commitmentFields(items[index]!),
  }));
}

/** Only the fields a commitment input sets (nothing else an input object may carry reaches the row). */
const commitmentFields = (input: CommitmentInput): CommitmentInput => ({
  reference: input.reference,
  leadPartyId: input.leadPartyId,
  supportingPartyIds: input.supportingPartyIds,
  deliverable: input.deliverable,
  dueDate: input.dueDate,
  narrativeStatus: input.narrativeStatus,
  ...(input.provisionId !== undefined && { provisionId: input.provisionId }),
});

export function createCommitment(db: Db, actor: AuditActor, compactId: string, input: CommitmentInput) {
  const provisions = linkableProvisions(db, compactId, [input]);
  return db.transaction((tx) => {
    const [id] = insertCommitments(tx, actor, compactId, [input], 'service', provisions);
    return requireCommitment(tx, compactId, id!);
  });
}

export function updateCommitment(
  db: Db,
  actor: AuditActor,
  compactId: string,
  commitmentId: string,
  input: CommitmentInput,
) {
  const provisions = linkableProvisions(db, compactId, [input]);
  return db.transaction((tx) => {
    const before = requireActiveCommitment(tx, compactId, commitmentId);
    const problems = new ItemProblems();
    checkCommitments(tx, [input], problems, provisions);
    problems.throwIfAny();
    tx.update(commitments).set(commitmentFields(input)).where(eq(commitments.id, commitmentId)).run();
    recordAuditEvent(tx, actor, {
      compactId,
      action: 'commitment.updated',
      entityType: 'commitment',
      entityId: commitmentId,
      before,
      after: commitmentFields(input),
    });
    return requireCommitment(tx, compactId, commitmentId);
  });
}

export function retireCommitment(db: Db, actor: AuditActor, compactId: string, commitmentId: string) {
  db.transaction((tx) => {
    requireActiveCommitment(tx, compactId, commitmentId);
    tx.update(commitments).set({ retiredAt: new Date() }).where(eq(commitments.id, commitmentId)).run();
    recordAuditEvent(tx, actor, {
      compactId,
      action: 'commitment.retired',
      entityType: 'commitment',
      entityId: commitmentId,
    });
  });
}
