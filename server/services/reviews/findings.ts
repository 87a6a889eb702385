import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db, DbOrTx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { indicators } from '@/db/schema/framework';
import { reviewCycles, reviewFindings } from '@/db/schema/reviews';
import { versions } from '@/db/schema/versions';
import { listProvisions } from '@/shared/negotiation/provisions';
import {
  cleanText,
  findingTextProblem,
  mayMoveFinding,
  REVIEW_LIMITS,
  type FindingKind,
  type FindingStatus,
  type FindingSubject,
} from '@/shared/reviews/review-rules';
import type { CompactMember } from '../../policies/compact-member';
import { compactTextSchema } from '../../editor/document-content';
import { recordAuditEvent } from '../audit';
import { DomainError } from '../domain-error';
import { newId } from '../ids';
import { storedProvisions } from '../negotiation/stored-provisions';

/** A cycle's findings and questions, oldest first, with who recorded them and who last moved them. */
export function listFindings(db: DbOrTx, compactId: string, cycleId: string) {
  const author = alias(user, 'author');
  const mover = alias(user, 'mover');
  return db
    .select({
      id: reviewFindings.id,
      subjectType: reviewFindings.subjectType,
      subjectId: reviewFindings.subjectId,
      subjectLabel: reviewFindings.subjectLabel,
      kind: reviewFindings.kind,
      body: reviewFindings.body,
      status: reviewFindings.status,
      resolution: reviewFindings.resolution,
      createdBy: author.name,
      createdAt: reviewFindings.createdAt,
      statusChangedBy: mover.name,
      statusChangedAt: reviewFindings.statusChangedAt,
    })
    .from(reviewFindings)
    .leftJoin(author, eq(author.id, reviewFindings.createdBy))
    .leftJoin(mover, eq(mover.id, reviewFindings.statusChangedBy))
    .where(and(eq(reviewFindings.compactId, compactId), eq(reviewFindings.cycleId, cycleId)))
    .orderBy(asc(reviewFindings.createdAt), asc(reviewFindings.id))
    .all();
}

function openCycle(db: DbOrTx, compactId: string, cycleId: string) {
  const [cycle] = db
    .select({ id: reviewCycles.id, closedAt: reviewCycles.closedAt, baselineVersionId: reviewCycles.baselineVersionId })
    .from(reviewCycles)
    .where(and(eq(reviewCycles.compactId, compactId), eq(reviewCycles.id, cycleId)))
    .all();
  if (!cycle) throw new DomainError('NOT_FOUND', { key: 'errors.openCycle.noSuchReviewCycle' });
  if (cycle.closedAt) throw new DomainError('CONFLICT', { key: 'errors.findings.reviewCycleClosedFindings' });
  return cycle;
}

/** How a provision is cited in the cycle's baseline, else in the text as stored now; BAD_REQUEST when in neither. */
function provisionLabel(db: DbOrTx, compactId: string, baselineVersionId: string, provisionId: string): string {
  const [baseline] = db
    .select({ json: versions.contentJson })
    .from(versions)
    .where(eq(versions.id, baselineVersionId))
    .all();
  const inBaseline = baseline
    ? listProvisions(compactTextSchema().nodeFromJSON(baseline.json)).find((p) => p.id === provisionId)
    : undefined;
  const found = inBaseline ?? storedProvisions(db, compactId).find((p) => p.id === provisionId);
  if (!found)
    throw new DomainError('BAD_REQUEST', { key: 'errors.findings.noSuchProvisionBaseline', field: 'subjectId' });
  return found.label;
}

function subjectLabel(
  db: DbOrTx,
  compactId: string,
  baselineVersionId: string,
  subject: { subjectType: FindingSubject; subjectId: string | null },
): string {
  if (subject.subjectType === 'general') {
    if (subject.subjectId)
      throw new DomainError('BAD_REQUEST', { key: 'errors.findings.generalFindingHasNo', field: 'subjectId' });
    return '';
  }
  if (!subject.subjectId)
    throw new DomainError('BAD_REQUEST', {
      key: 'errors.findings.choose',
      args: { subjectType: subject.subjectType },
      field: 'subjectId',
    });
  if (subject.subjectType === 'provision') return provisionLabel(db, compactId, baselineVersionId, subject.subjectId);
  const [indicator] = db
    .select({ code: indicators.code })
    .from(indicators)
    .where(and(eq(indicators.compactId, compactId), eq(indicators.id, subject.subjectId)))
    .all();
  if (!indicator)
    throw new DomainError('BAD_REQUEST', { key: 'errors.findings.noSuchIndicatorCompact', field: 'subjectId' });
  return indicator.code;
}

/** Records a finding or question in an open cycle, about a provision, an indicator or the compact; audited. */
export function addFinding(
  db: Db,
  member: CompactMember,
  input: {
    compactId: string;
    cycleId: string;
    subjectType: FindingSubject;
    subjectId?: string | null;
    kind: FindingKind;
    body: string;
  },
) {
  const problem = findingTextProblem(input.body, REVIEW_LIMITS.body, 'body');
  if (problem) throw new DomainError('BAD_REQUEST', problem);
  const { compactId, cycleId, subjectType, kind } = input;
  const subjectId = input.subjectId ?? null;
  const cycle = openCycle(db, compactId, cycleId);
  const label = subjectLabel(db, compactId, cycle.baselineVersionId, { subjectType, subjectId });
  const now = new Date();
  const finding = { id: newId(), cycleId, compactId, subjectType, subjectId, subjectLabel: label, kind };
  db.transaction(
    (tx) => {
      openCycle(tx, compactId, cycleId);
      tx.insert(reviewFindings)
        .values({
          ...finding,
          body: cleanText(input.body),
          status: 'open',
          createdBy: member.userId,
          createdByPartyId: member.partyId,
          createdAt: now,
          updatedAt: now,
        })
        .run();
      // Ids only: the body stays out of the chain, like comments' text.
      recordAuditEvent(tx, member, {
        compactId,
        action: `review-finding.${kind === 'question' ? 'asked' : 'recorded'}`,
        entityType: 'review-finding',
        entityId: finding.id,
        after: { cycleId, subjectType, subjectId, subjectLabel: label, kind, status: 'open' },
      });
    },
    { behavior: 'immediate' },
  );
  return { ...finding, status: 'open' as const };
}

const STATUS_ACTIONS: Record<FindingStatus, string> = {
  open: 'review-finding.reopened',
  answered: 'review-finding.answered',
  closed: 'review-finding.closed',
};

/** Marks a question answered, or closes a finding or question (with an optional answer or reason); audited. */
export function setFindingStatus(
  db: Db,
  member: CompactMember,
  input: { compactId: string; findingId: string; status: FindingStatus; resolution?: string | null },
) {
  // Blank (or only spaces) is no answer: nothing stored, and the event says so.
  const resolution = cleanText(input.resolution ?? '') || null;
  if (resolution) {
    const problem = findingTextProblem(resolution, REVIEW_LIMITS.resolution, 'resolution');
    if (problem) throw new DomainError('BAD_REQUEST', problem);
  }
  return db.transaction(
    (tx) => {
      const [finding] = tx
        .select({
          cycleId: reviewFindings.cycleId,
          kind: reviewFindings.kind,
          status: reviewFindings.status,
          resolution: reviewFindings.resolution,
        })
        .from(reviewFindings)
        .where(and(eq(reviewFindings.compactId, input.compactId), eq(reviewFindings.id, input.findingId)))
        .all();
      if (!finding) throw new DomainError('NOT_FOUND', { key: 'errors.findings.noSuchFindingCompact' });
      openCycle(tx, input.compactId, finding.cycleId);
      if (!mayMoveFinding(finding.kind, finding.status, input.status))
        throw new DomainError('CONFLICT', {
          key: 'errors.findings.thatCannotBecome',
          args: { kind: finding.kind, status: finding.status, to: input.status },
        });
      const now = new Date();
      tx.update(reviewFindings)
        .set({
          status: input.status,
          // An answer is kept when the question is then closed: a reason given on closing follows it.
          resolution: [finding.resolution, resolution].filter(Boolean).join('\n\n') || null,
          statusChangedBy: member.userId,
          statusChangedAt: now,
          updatedAt: now,
        })
        .where(eq(reviewFindings.id, input.findingId))
        .run();
      recordAuditEvent(tx, member, {
        compactId: input.compactId,
        action: STATUS_ACTIONS[input.status],
        entityType: 'review-finding',
        entityId: input.findingId,
        before: { status: finding.status },
        after: { status: input.status, withResolution: resolution !== null },
      });
      return { id: input.findingId, status: input.status, statusChangedAt: now };
    },
    { behavior: 'immediate' },
  );
}
