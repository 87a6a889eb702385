import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '@/db/client';
import { progressUpdates } from '@/db/schema/framework';
import { authorize } from '@/server/policies/authorize';
import { otherPartysUpdateRefusal } from '@/server/policies/progress-policy';
import { isEditable } from '@/shared/framework/progress-workflow';
import { recordAuditEvent } from '../audit';
import { insertAudited, ItemProblems, readInSlices, type WriteOrigin } from '../batch-writes';
import { DomainError } from '../domain-error';
import { newId } from '../ids';
import { checkProgressInputs } from './progress-checks';
import { requireUpdate, type ProgressActor, type ProgressInput } from './progress';

/** Only the fields a progress input sets (nothing else an input object may carry reaches the row). */
const progressFields = (input: ProgressInput): ProgressInput => ({
  indicatorId: input.indicatorId,
  periodId: input.periodId,
  value: input.value,
  rating: input.rating,
  narrative: input.narrative,
  disaggregated: input.disaggregated,
  evidenceLinks: input.evidenceLinks,
  confidence: input.confidence,
  comment: input.comment,
});

/** The validated update each (indicator, period) has now: a new draft for it is a correction of it. */
function validatedUpdates(db: DbOrTx, compactId: string, indicatorIds: readonly string[]): Map<string, string> {
  const rows = readInSlices([...new Set(indicatorIds)], (slice) =>
    db
      .select({ id: progressUpdates.id, indicatorId: progressUpdates.indicatorId, periodId: progressUpdates.periodId })
      .from(progressUpdates)
      .where(
        and(
          eq(progressUpdates.compactId, compactId),
          eq(progressUpdates.state, 'validated'),
          inArray(progressUpdates.indicatorId, slice),
        ),
      )
      .orderBy(asc(progressUpdates.decidedAt))
      .all(),
  );
  return new Map(rows.map((r) => [`${r.indicatorId} ${r.periodId}`, r.id]));
}

/**
 * The one write path of new progress drafts (from the progress form or a CSV import), inside the
 * caller's transaction: checks every rule (checkProgressInputs), then writes the drafts — each a
 * correction of the validated value of its period when there is one — with their audit events.
 * Returns their ids in order.
 */
export function insertProgressDrafts(
  tx: Tx,
  actor: ProgressActor,
  compactId: string,
  items: readonly ProgressInput[],
  origin: WriteOrigin,
): string[] {
  const problems = new ItemProblems();
  checkProgressInputs(tx, actor, compactId, items, problems);
  problems.throwIfAny();
  const validated = validatedUpdates(
    tx,
    compactId,
    items.map((item) => item.indicatorId),
  );
  const now = new Date();
  const rows = items.map((item) => ({
    id: newId(),
    compactId,
    ...progressFields(item),
    state: 'draft' as const,
    supersedesId: validated.get(`${item.indicatorId} ${item.periodId}`) ?? null,
    createdBy: actor.userId,
    createdByPartyId: actor.partyId,
    createdAt: now,
    updatedAt: now,
  }));
  return insertAudited(tx, actor, progressUpdates, rows, (row, index) => ({
    compactId,
    action:
      origin === 'csv-import'
        ? 'progress.imported'
        : row.supersedesId
          ? 'progress.correction-drafted'
          : 'progress.drafted',
    entityType: 'progress-update',
    after: { ...progressFields(items[index]!), supersedesId: row.supersedesId },
  }));
}

/** Edits one's party's draft or returned update, under the same rules as a new one. */
function editProgressDraft(tx: Tx, actor: ProgressActor, compactId: string, updateId: string, input: ProgressInput) {
  const problems = new ItemProblems();
  checkProgressInputs(tx, actor, compactId, [input], problems);
  problems.throwIfAny();
  const before = requireUpdate(tx, compactId, updateId);
  if (!isEditable(before.state))
    throw new DomainError('CONFLICT', {
      key: 'errors.progressDrafts.updateCanNoLonger',
      args: { state: before.state },
    });
  authorize(otherPartysUpdateRefusal(actor, before));
  if (before.indicatorId !== input.indicatorId || before.periodId !== input.periodId)
    throw new DomainError('FORBIDDEN', { key: 'errors.progressDrafts.updateBelongsAnotherIndicator' });
  const fields = progressFields(input);
  tx.update(progressUpdates)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(progressUpdates.id, updateId))
    .run();
  recordAuditEvent(tx, actor, {
    compactId,
    action: 'progress.edited',
    entityType: 'progress-update',
    entityId: updateId,
    before,
    after: fields,
  });
}

/**
 * Saves a draft (new, or an edit of one's party's draft or returned update). A new update for
 * a period whose value is already validated is a correction: it supersedes that one, which stays.
 */
export function saveProgressDraft(
  db: Db,
  actor: ProgressActor,
  compactId: string,
  input: ProgressInput & { updateId?: string },
) {
  return db.transaction((tx) => {
    const { updateId } = input;
    if (updateId) {
      editProgressDraft(tx, actor, compactId, updateId, input);
      return requireUpdate(tx, compactId, updateId);
    }
    const [id] = insertProgressDrafts(tx, actor, compactId, [input], 'service');
    return requireUpdate(tx, compactId, id!);
  });
}
