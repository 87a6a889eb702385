import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { evidenceFiles, indicators, progressComments, progressUpdates } from '@/db/schema/framework';
import { authorize } from '@/server/policies/authorize';
import type { CompactMember } from '@/server/policies/compact-member';
import {
  discussUpdateRefusal,
  otherPartysUpdateRefusal,
  ownSubmissionRefusal,
  progressUpdatePermissions,
} from '@/server/policies/progress-policy';
import { isEditable } from '@/shared/framework/progress-workflow';
import { recordAuditEvent, type AuditActor } from '../audit';
import { DomainError } from '../domain-error';
import { groupBy } from '../group-by';
import type { Rating } from '@/shared/framework/indicator-status';
import { indicatorColumns, requireIndicator } from './indicators';
import { countEvidenceFiles } from './evidence';
import { getFrameworkSettings, listPeriods } from './periods';
import { requireReportableIndicator, requireStartedPeriod } from './progress-checks';
import { sheetDeadlines } from './deadlines';

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

const progressColumns = {
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
  if (!row) throw new DomainError('NOT_FOUND', 'No such progress update in this compact.');
  return row;
}

/**
 * Every update of an indicator, newest first, with the people involved, the discussion and the
 * files — in four queries, whatever the number of updates.
 */
export function listProgress(db: DbOrTx, compactId: string, indicatorId: string) {
  const rows = db
    .select(progressColumns)
    .from(progressUpdates)
    .where(and(eq(progressUpdates.compactId, compactId), eq(progressUpdates.indicatorId, indicatorId)))
    .orderBy(desc(progressUpdates.createdAt))
    .all();
  const updateIds = rows.map((r) => r.id);
  const comments = updateIds.length
    ? db
        .select({
          updateId: progressComments.updateId,
          body: progressComments.body,
          createdAt: progressComments.createdAt,
          authorId: progressComments.authorId,
        })
        .from(progressComments)
        .where(inArray(progressComments.updateId, updateIds))
        .orderBy(asc(progressComments.id))
        .all()
    : [];
  const files = updateIds.length
    ? db
        .select({
          updateId: evidenceFiles.updateId,
          id: evidenceFiles.id,
          filename: evidenceFiles.filename,
          size: evidenceFiles.size,
        })
        .from(evidenceFiles)
        .where(inArray(evidenceFiles.updateId, updateIds))
        .all()
    : [];
  const people = new Set(
    [...rows.flatMap((r) => [r.createdBy, r.submittedBy, r.decidedBy]), ...comments.map((c) => c.authorId)].filter(
      (id): id is string => Boolean(id),
    ),
  );
  const names = new Map(
    people.size
      ? db
          .select({ id: user.id, name: user.name })
          .from(user)
          .where(inArray(user.id, [...people]))
          .all()
          .map((u) => [u.id, u.name])
      : [],
  );
  const commentsByUpdate = groupBy(comments, (c) => c.updateId);
  const filesByUpdate = groupBy(files, (f) => f.updateId);
  return rows.map((row) => ({
    ...row,
    createdByName: names.get(row.createdBy) ?? '',
    submittedByName: row.submittedBy ? (names.get(row.submittedBy) ?? '') : null,
    decidedByName: row.decidedBy ? (names.get(row.decidedBy) ?? '') : null,
    discussion: (commentsByUpdate.get(row.id) ?? []).map(({ body, createdAt, authorId }) => ({
      body,
      createdAt,
      authorId,
      author: names.get(authorId) ?? '',
    })),
    files: (filesByUpdate.get(row.id) ?? []).map(({ id, filename, size }) => ({ id, filename, size })),
  }));
}

export function submitProgress(db: Db, actor: ProgressActor, compactId: string, updateId: string) {
  return db.transaction((tx) => {
    const update = requireUpdate(tx, compactId, updateId);
    authorize(otherPartysUpdateRefusal(actor, update));
    const indicator = requireReportableIndicator(tx, actor, compactId, update.indicatorId);
    requireStartedPeriod(tx, compactId, update.periodId);
    if (!isEditable(update.state)) throw new DomainError('CONFLICT', `This update is ${update.state}.`);
    if (indicator.measure === 'qualitative' ? !update.rating || !update.narrative.trim() : update.value === null) {
      throw new DomainError(
        'BAD_REQUEST',
        indicator.measure === 'qualitative'
          ? 'Propose a rating and write a narrative before submitting.'
          : 'Enter a value before submitting.',
      );
    }
    if (
      getFrameworkSettings(tx, compactId).requireEvidence &&
      update.evidenceLinks.length === 0 &&
      countEvidenceFiles(tx, updateId) === 0
    ) {
      throw new DomainError('BAD_REQUEST', 'This compact requires evidence: add a link or a file before submitting.');
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
    return requireUpdate(tx, compactId, updateId);
  });
}

function requireSubmittedByOther(tx: DbOrTx, actor: ProgressActor, compactId: string, updateId: string) {
  const update = requireUpdate(tx, compactId, updateId);
  if (update.state !== 'submitted')
    throw new DomainError('CONFLICT', `Only submitted updates can be decided; this one is ${update.state}.`);
  authorize(ownSubmissionRefusal(actor, update));
  return update;
}

/** Validates a submitted update (locking it). For qualitative indicators the validator confirms or changes the rating. */
export function validateProgress(
  db: Db,
  actor: ProgressActor,
  compactId: string,
  updateId: string,
  rating: Rating | null,
) {
  return db.transaction((tx) => {
    const update = requireSubmittedByOther(tx, actor, compactId, updateId);
    requireStartedPeriod(tx, compactId, update.periodId);
    const indicator = requireIndicator(tx, compactId, update.indicatorId);
    const validatedRating = indicator.measure === 'qualitative' ? (rating ?? update.rating) : null;
    if (indicator.measure === 'qualitative' && !validatedRating)
      throw new DomainError('BAD_REQUEST', 'Choose a rating.');
    tx.update(progressUpdates)
      .set({
        state: 'validated',
        validatedRating,
        decidedBy: actor.userId,
        decidedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(progressUpdates.id, updateId))
      .run();
    recordAuditEvent(tx, actor, {
      compactId,
      action: 'progress.validated',
      entityType: 'progress-update',
      entityId: updateId,
      before: { state: 'submitted', rating: update.rating },
      after: { state: 'validated', rating: validatedRating },
    });
    return requireUpdate(tx, compactId, updateId);
  });
}

export function returnProgress(db: Db, actor: ProgressActor, compactId: string, updateId: string, reason: string) {
  return db.transaction((tx) => {
    requireSubmittedByOther(tx, actor, compactId, updateId);
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
    return requireUpdate(tx, compactId, updateId);
  });
}

/** Adds to the discussion of a returned update (its party's monitors and the validators). */
export function commentOnProgress(db: Db, actor: CompactMember, compactId: string, updateId: string, body: string) {
  return db.transaction((tx) => {
    const update = requireUpdate(tx, compactId, updateId);
    if (update.state !== 'returned')
      throw new DomainError('CONFLICT', 'Discussion is open while an update is returned.');
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

/**
 * The progress grid of one period: every active indicator the member's party reports on, with its
 * latest update for the period and what the member may do with it (the grid shows nothing else).
 */
export function periodSheet(db: DbOrTx, compactId: string, member: CompactMember, periodId: string, now = new Date()) {
  const periods = listPeriods(db, compactId);
  const period = periods.find((p) => p.id === periodId);
  if (!period) throw new DomainError('NOT_FOUND', 'No such reporting period.');
  const rows = db
    .select(indicatorColumns)
    .from(indicators)
    .where(
      and(
        eq(indicators.compactId, compactId),
        eq(indicators.responsiblePartyId, member.partyId),
        eq(indicators.state, 'active'),
      ),
    )
    .orderBy(asc(indicators.code))
    .all();
  const updates = db
    .select(progressColumns)
    .from(progressUpdates)
    .where(and(eq(progressUpdates.compactId, compactId), eq(progressUpdates.periodId, periodId)))
    .orderBy(asc(progressUpdates.createdAt))
    .all();
  // Oldest first: the last one of each indicator stays.
  const latest = new Map(updates.map((u) => [u.indicatorId, u]));
  return {
    period,
    periods,
    evidenceRequired: getFrameworkSettings(db, compactId).requireEvidence,
    deadlines: sheetDeadlines(db, compactId, member.partyId, period, now),
    rows: rows.map((indicator) => {
      const update = latest.get(indicator.id);
      return { indicator, latest: update ? { ...update, can: progressUpdatePermissions(member, update) } : null };
    }),
  };
}
