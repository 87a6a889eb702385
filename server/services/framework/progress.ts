import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { progressComments, progressUpdates } from '@/db/schema/framework';
import { authorize } from '@/server/policies/authorize';
import type { CompactMember } from '@/server/policies/compact-member';
import {
  discussUpdateRefusal,
  otherPartysUpdateRefusal,
  ownSubmissionRefusal,
} from '@/server/policies/progress-policy';
import { isEditable } from '@/shared/framework/progress-workflow';
import { recordAuditEvent, type AuditActor } from '../audit';
import { DomainError } from '../domain-error';
import type { Rating } from '@/shared/framework/indicator-status';
import { countEvidenceFiles } from './evidence';
import { getFrameworkSettings } from './periods';
import { withUpdateDetails } from './progress-details';
import { validateUpdates } from './progress-validation';
import { requireReportableIndicator, requireStartedPeriod } from './progress-checks';
import { noticeProgressDecided, noticeProgressSubmitted } from '../notifications/progress-notices';

export interface ProgressActor extends AuditActor {
  userId: string;
  partyId: string;
}

export interface ProgressInput {
  indicatorId: string;
  periodId: string;
  value: number | null;
  rating: Rating | null;
  narrative: string;
  disaggregated: Record<string, Record<string, number>>;
  evidenceLinks: string[];
  confidence: 'low' | 'medium' | 'high';
  comment: string;
}

export const progressColumns = {
  id: progressUpdates.id,
  indicatorId: progressUpdates.indicatorId,
  periodId: progressUpdates.periodId,
  value: progressUpdates.value,
  rating: progressUpdates.rating,
  narrative: progressUpdates.narrative,
  disaggregated: progressUpdates.disaggregated,
  evidenceLinks: progressUpdates.evidenceLinks,
  confidence: progressUpdates.confidence,
  comment: progressUpdates.comment,
  state: progressUpdates.state,
  supersedesId: progressUpdates.supersedesId,
  validatedRating: progressUpdates.validatedRating,
  returnedReason: progressUpdates.returnedReason,
  validationNote: progressUpdates.validationNote,
  createdBy: progressUpdates.createdBy,
  createdByPartyId: progressUpdates.createdByPartyId,
  submittedBy: progressUpdates.submittedBy,
  submittedAt: progressUpdates.submittedAt,
  decidedBy: progressUpdates.decidedBy,
  decidedAt: progressUpdates.decidedAt,
  createdAt: progressUpdates.createdAt,
  updatedAt: progressUpdates.updatedAt,
};

export function requireUpdate(db: DbOrTx, compactId: string, updateId: string) {
  const [row] = db
    .select(progressColumns)
    .from(progressUpdates)
    .where(and(eq(progressUpdates.compactId, compactId), eq(progressUpdates.id, updateId)))
    .all();
  if (!row) throw new DomainError('NOT_FOUND', { key: 'errors.progress.noSuchProgressUpdate' });
  return row;
}

/** Every update of an indicator, newest first, with the people involved, the discussion and the files. */
export function listProgress(db: DbOrTx, compactId: string, indicatorId: string) {
  const rows = db
    .select(progressColumns)
    .from(progressUpdates)
    .where(and(eq(progressUpdates.compactId, compactId), eq(progressUpdates.indicatorId, indicatorId)))
    .orderBy(desc(progressUpdates.createdAt))
    .all();
  return withUpdateDetails(db, rows);
}

export function submitProgress(db: Db, actor: ProgressActor, compactId: string, updateId: string) {
  return db.transaction((tx) => {
    const update = requireUpdate(tx, compactId, updateId);
    authorize(otherPartysUpdateRefusal(actor, update));
    const indicator = requireReportableIndicator(tx, actor, compactId, update.indicatorId);
    requireStartedPeriod(tx, compactId, update.periodId);
    if (!isEditable(update.state))
      throw new DomainError('CONFLICT', { key: 'errors.progress.update', args: { state: update.state } });
    if (indicator.measure === 'qualitative' ? !update.rating || !update.narrative.trim() : update.value === null) {
      throw new DomainError(
        'BAD_REQUEST',
        indicator.measure === 'qualitative'
          ? { key: 'errors.progress.proposeRatingWriteNarrative' }
          : { key: 'errors.progress.enterValueBeforeSubmitting' },
      );
    }
    if (
      getFrameworkSettings(tx, compactId).requireEvidence &&
      update.evidenceLinks.length === 0 &&
      countEvidenceFiles(tx, updateId) === 0
    ) {
      throw new DomainError('BAD_REQUEST', { key: 'errors.progress.compactRequiresEvidenceAdd' });
    }
    tx.update(progressUpdates)
      .set({ state: 'submitted', submittedBy: actor.userId, submittedAt: new Date(), updatedAt: new Date() })
      .where(eq(progressUpdates.id, updateId))
      .run();
    recordAuditEvent(tx, actor, {
      compactId,
      action: 'progress.submitted',
      entityType: 'progress-update',
      entityId: updateId,
      before: { state: update.state },
      after: { state: 'submitted' },
    });
    noticeProgressSubmitted(tx, actor.userId, compactId, update);
    return requireUpdate(tx, compactId, updateId);
  });
}

function requireSubmittedByOther(tx: DbOrTx, actor: ProgressActor, compactId: string, updateId: string) {
  const update = requireUpdate(tx, compactId, updateId);
  if (update.state !== 'submitted')
    throw new DomainError('CONFLICT', {
      key: 'errors.progress.onlySubmittedUpdatesCan',
      args: { state: update.state },
    });
  authorize(ownSubmissionRefusal(actor, update));
  return update;
}

/** Validates one submitted update, with an optional note to the monitor. */
export function validateProgress(
  db: Db,
  actor: ProgressActor,
  compactId: string,
  updateId: string,
  rating: Rating | null,
  note = '',
) {
  return db.transaction((tx) => {
    validateUpdates(tx, [{ actor, compactId, updateId }], { rating, note });
    return requireUpdate(tx, compactId, updateId);
  });
}

export function returnProgress(db: Db, actor: ProgressActor, compactId: string, updateId: string, reason: string) {
  return db.transaction((tx) => {
    const update = requireSubmittedByOther(tx, actor, compactId, updateId);
    const now = new Date();
    tx.update(progressUpdates)
      .set({ state: 'returned', returnedReason: reason, decidedBy: actor.userId, decidedAt: now, updatedAt: now })
      .where(eq(progressUpdates.id, updateId))
      .run();
    tx.insert(progressComments).values({ updateId, authorId: actor.userId, body: reason, createdAt: now }).run();
    recordAuditEvent(tx, actor, {
      compactId,
      action: 'progress.returned',
      entityType: 'progress-update',
      entityId: updateId,
      before: { state: 'submitted' },
      after: { state: 'returned', reason },
    });
    noticeProgressDecided(tx, actor.userId, [{ ...update, compactId }], { kind: 'progress-returned', reason });
    return requireUpdate(tx, compactId, updateId);
  });
}

/** Adds to the discussion of a returned update (its party's monitors and the validators). */
export function commentOnProgress(db: Db, actor: CompactMember, compactId: string, updateId: string, body: string) {
  return db.transaction((tx) => {
    const update = requireUpdate(tx, compactId, updateId);
    if (update.state !== 'returned')
      throw new DomainError('CONFLICT', { key: 'errors.progress.discussionOpenWhileUpdate' });
    authorize(discussUpdateRefusal(actor, update));
    tx.insert(progressComments).values({ updateId, authorId: actor.userId, body, createdAt: new Date() }).run();
    recordAuditEvent(tx, actor, {
      compactId,
      action: 'progress.commented',
      entityType: 'progress-update',
      entityId: updateId,
      after: { body },
    });
  });
}
