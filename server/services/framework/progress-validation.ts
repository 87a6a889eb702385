import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { indicators, progressUpdates } from '@/db/schema/framework';
import { ownSubmissionRefusal } from '@/server/policies/progress-policy';
import type { Rating } from '@/shared/framework/indicator-status';
import { VALIDATION_NOTE_MAX } from '@/shared/framework/progress-rules';
import { recordAuditEvents, type AuditEventInput } from '../audit';
import { ItemProblems, readInSlices } from '../batch-writes';
import { groupBy } from '../group-by';
import { listPeriods } from './periods';
import { periodProblem } from './progress-checks';
import type { ProgressActor } from './progress';
import { noticeProgressDecided } from '../notifications/progress-notices';

/** One validation of a batch: who decides (the member in the update's compact) and which update. */
export interface ValidationItem {
  actor: ProgressActor;
  compactId: string;
  updateId: string;
}

/** What the validator decides for every item: a rating for qualitative indicators (null: as proposed) and a note. */
export interface ValidationChoice {
  rating: Rating | null;
  note: string;
}

function readUpdates(tx: Tx, items: readonly ValidationItem[]) {
  const rows = readInSlices(
    items.map((i) => i.updateId),
    (slice) =>
      tx
        .select({
          id: progressUpdates.id,
          compactId: progressUpdates.compactId,
          indicatorId: progressUpdates.indicatorId,
          periodId: progressUpdates.periodId,
          state: progressUpdates.state,
          rating: progressUpdates.rating,
          createdBy: progressUpdates.createdBy,
          submittedBy: progressUpdates.submittedBy,
          createdByPartyId: progressUpdates.createdByPartyId,
          measure: indicators.measure,
        })
        .from(progressUpdates)
        .innerJoin(
          indicators,
          and(eq(indicators.id, progressUpdates.indicatorId), eq(indicators.compactId, progressUpdates.compactId)),
        )
        .where(inArray(progressUpdates.id, slice))
        .all(),
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * The one write path of validations (a single decision or a bulk one), inside the caller's
 * transaction: every item meets every rule of a decision — the update is in that compact and
 * submitted, it is not the decider's own submission, its period has started, a qualitative
 * indicator gets a rating, the note is bounded — or nothing is written and WriteRefused lists
 * every problem by item. Then the updates are locked as validated with a few statements, and
 * each gets its `progress.validated` event in its compact's chain, as the member there.
 */
export function validateUpdates(tx: Tx, items: readonly ValidationItem[], choice: ValidationChoice) {
  const problems = new ItemProblems();
  const note = choice.note.trim();
  const updates = readUpdates(tx, items);
  const periodsOf = new Map(
    [...new Set(items.map((i) => i.compactId))].map((id) => [id, new Map(listPeriods(tx, id).map((p) => [p.id, p]))]),
  );
  const decided = items.map((item, index) => {
    const update = updates.get(item.updateId);
    if (!update || update.compactId !== item.compactId) {
      problems.add(index, 'updateId', 'NOT_FOUND', { key: 'errors.progress.noSuchProgressUpdate' });
      return null;
    }
    if (update.state !== 'submitted')
      problems.add(index, 'updateId', 'CONFLICT', {
        key: 'errors.progress.onlySubmittedUpdatesCan',
        args: { state: update.state },
      });
    else problems.add(index, 'updateId', 'FORBIDDEN', ownSubmissionRefusal(item.actor, update));
    const period = periodProblem(periodsOf.get(item.compactId)!.get(update.periodId));
    if (period) problems.add(index, 'periodId', period.code, period.problem);
    const validatedRating = update.measure === 'qualitative' ? (choice.rating ?? update.rating) : null;
    if (update.measure === 'qualitative' && !validatedRating)
      problems.add(index, 'rating', 'BAD_REQUEST', { key: 'errors.progressValidation.chooseRating' });
    if (note.length > VALIDATION_NOTE_MAX)
      problems.add(index, 'note', 'BAD_REQUEST', {
        key: 'errors.progressValidation.validationNoteHoldsMost',
        args: { max: VALIDATION_NOTE_MAX },
      });
    return { item, update, validatedRating };
  });
  problems.throwIfAny();
  const now = new Date();
  const done = decided.filter((d) => d !== null);
  for (const group of groupBy(done, (d) => `${d.validatedRating}|${d.item.actor.userId}`).values()) {
    const { validatedRating, item } = group[0]!;
    tx.update(progressUpdates)
      .set({
        state: 'validated',
        validatedRating,
        validationNote: note || null,
        decidedBy: item.actor.userId,
        decidedAt: now,
        updatedAt: now,
      })
      .where(
        inArray(
          progressUpdates.id,
          group.map((d) => d.update.id),
        ),
      )
      .run();
  }
  for (const group of groupBy(done, (d) => d.item.compactId).values())
    recordAuditEvents(
      tx,
      group[0]!.item.actor,
      group.map(({ update, validatedRating }): AuditEventInput => ({
        compactId: update.compactId,
        action: 'progress.validated',
        entityType: 'progress-update',
        entityId: update.id,
        before: { state: 'submitted', rating: update.rating },
        after: { state: 'validated', rating: validatedRating, ...(note ? { note } : {}) },
      })),
    );
  // Whoever submitted each update and its party's monitors are told, in this same transaction.
  for (const [deciderId, group] of groupBy(done, (d) => d.item.actor.userId))
    noticeProgressDecided(
      tx,
      deciderId,
      group.map((d) => d.update),
      { kind: 'progress-validated', note },
    );
}
