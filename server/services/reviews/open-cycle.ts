import 'server-only';
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { and, eq, lte, max } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { docUpdates } from '@/db/schema/collab';
import { reviewCycles } from '@/db/schema/reviews';
import type { IndicatorSnapshot } from '@/shared/reviews/indicator-snapshot';
import { cleanText, cycleProblem, endOfCutOffDay } from '@/shared/reviews/review-rules';
import type { CompactMember } from '../../policies/compact-member';
import { recordAuditEvent } from '../audit';
import { DomainError } from '../domain-error';
import { computeFrameworkAsOf } from '../framework/framework-as-of';
import { newId } from '../ids';
import { contributorsBetween, snapshotAt } from '../versions/text-snapshot';
import {
  furthestVersion,
  newestVersion,
  versionNameRaced,
  writeVersion,
  type VersionDraft,
} from '../versions/version-writes';
import { cycleNameTaken, latestCutOff } from './cycle-queries';

/** How often opening is computed again when versions keep being stored meanwhile. */
const ATTEMPTS = 3;

/** SHA-256 of a snapshot's RFC 8785 canonical JSON: what the cycle's audit event carries. */
export const snapshotHash = (snapshot: IndicatorSnapshot): string =>
  createHash('sha256').update(canonicalize(snapshot)!).digest('hex');

/** The last update stored by `asOf` (0: none): what the text said then. */
function lastUpdateBy(db: DbOrTx, compactId: string, asOf: Date): number {
  const [row] = db
    .select({ id: max(docUpdates.id) })
    .from(docUpdates)
    .where(and(eq(docUpdates.compactId, compactId), lte(docUpdates.createdAt, asOf)))
    .all();
  return row?.id ?? 0;
}

/**
 * The baseline version's draft: the text as of the last update stored by `asOf`, named after the
 * cycle. It is numbered after the newest version, but its contributors span from the version
 * reaching furthest in the log *up to its own update* — so a baseline freezing an older text than
 * the newest version's credits only who changed the text before it, and counts nobody twice.
 */
function baselineDraft(db: DbOrTx, member: CompactMember, compactId: string, name: string, cutOff: string, asOf: Date) {
  const snapshot = snapshotAt(db, compactId, lastUpdateBy(db, compactId, asOf));
  const since = furthestVersion(db, compactId, snapshot.uptoUpdateId);
  return {
    compactId,
    kind: 'named',
    name: `Baseline — ${name}`,
    symbol: null,
    note: `Frozen by the review cycle “${name}”: the text as stored at the end of ${cutOff} (UTC).`,
    snapshot,
    contributors: contributorsBetween(db, compactId, since?.uptoUpdateId ?? 0, snapshot.uptoUpdateId),
    follows: newestVersion(db, compactId)?.number ?? 0,
    createdBy: member.userId,
  } satisfies VersionDraft;
}

export interface OpenedCycle {
  id: string;
  name: string;
  cutOffDate: string;
  baselineVersionId: string;
  snapshotHash: string;
}

/**
 * Opens a review cycle: freezes the text as of the end of the cut-off day (UTC) as a baseline
 * version, and the validated indicator data as of then (computeFrameworkAsOf). When the cut-off
 * is today, "as of" is the opening instant (the day is not over). Everything is computed outside
 * the write transaction; one short immediate transaction writes the version, the cycle and the
 * `review-cycle.opened` event (with the baseline's content hash and the snapshot's hash). The
 * policy (`manageReviews`) is checked by the procedure.
 */
export function openReviewCycle(
  db: Db,
  member: CompactMember,
  input: { compactId: string; name: string; cutOff: string },
  now = new Date(),
): OpenedCycle {
  const problem = cycleProblem(input, now.toISOString().slice(0, 10));
  if (problem) throw new DomainError('BAD_REQUEST', problem);
  const { compactId, cutOff } = input;
  const name = cleanText(input.name);
  const nameTaken = () =>
    new DomainError('CONFLICT', { key: 'errors.openCycle.compactAlreadyHasReview', args: { name } });
  if (cycleNameTaken(db, compactId, name)) throw nameTaken();
  const assertFollows = (reader: DbOrTx) => {
    const latest = latestCutOff(reader, compactId);
    if (latest !== null && cutOff < latest)
      throw new DomainError('BAD_REQUEST', {
        key: 'errors.openCycle.cyclesFollowEachOther',
        args: { latest },
        field: 'cutOff',
      });
  };
  assertFollows(db);
  const endOfDay = endOfCutOffDay(cutOff);
  const asOf = endOfDay < now ? endOfDay : now;
  const indicatorSnapshot = computeFrameworkAsOf(db, compactId, cutOff, asOf);
  const hash = snapshotHash(indicatorSnapshot);
  const actor = { userId: member.userId, partyId: member.partyId };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const draft = baselineDraft(db, member, compactId, name, cutOff, asOf);
    try {
      const opened = db.transaction(
        (tx) => {
          if (cycleNameTaken(tx, compactId, name)) throw nameTaken();
          // Checked again under the write lock: another cycle may have been opened meanwhile.
          assertFollows(tx);
          const baseline = writeVersion(tx, actor, draft);
          if (!baseline) return null;
          const cycle: OpenedCycle = {
            id: newId(),
            name,
            cutOffDate: cutOff,
            baselineVersionId: baseline.id,
            snapshotHash: hash,
          };
          tx.insert(reviewCycles)
            .values({
              ...cycle,
              compactId,
              dataAsOf: asOf,
              indicatorSnapshot,
              openedBy: member.userId,
              openedAt: new Date(),
            })
            .run();
          recordAuditEvent(tx, actor, {
            compactId,
            action: 'review-cycle.opened',
            entityType: 'review-cycle',
            entityId: cycle.id,
            after: {
              name,
              cutOff,
              dataAsOf: asOf.toISOString(),
              baselineVersionId: baseline.id,
              baselineUptoUpdateId: baseline.uptoUpdateId,
              baselineContentHash: baseline.contentHash,
              indicatorSnapshotHash: hash,
              indicators: indicatorSnapshot.indicators.length,
            },
          });
          return cycle;
        },
        { behavior: 'immediate' },
      );
      if (opened) return opened;
    } catch (error) {
      if (error instanceof DomainError) throw error;
      if (cycleNameTaken(db, compactId, name)) throw nameTaken();
      throw versionNameRaced(db, draft, error) ?? error;
    }
  }
  throw new DomainError('CONFLICT', { key: 'errors.openCycle.otherVersionsWereBeing' });
}

/** Closes a cycle (recorded with who and when; it stays readable, its findings frozen). */
export function closeReviewCycle(db: Db, member: CompactMember, compactId: string, cycleId: string) {
  return db.transaction(
    (tx) => {
      const [row] = tx
        .select({ closedAt: reviewCycles.closedAt, name: reviewCycles.name })
        .from(reviewCycles)
        .where(and(eq(reviewCycles.compactId, compactId), eq(reviewCycles.id, cycleId)))
        .all();
      if (!row) throw new DomainError('NOT_FOUND', { key: 'errors.openCycle.noSuchReviewCycle' });
      if (row.closedAt) throw new DomainError('CONFLICT', { key: 'errors.openCycle.reviewCycleAlreadyClosed' });
      const closedAt = new Date();
      tx.update(reviewCycles).set({ closedAt, closedBy: member.userId }).where(eq(reviewCycles.id, cycleId)).run();
      recordAuditEvent(tx, member, {
        compactId,
        action: 'review-cycle.closed',
        entityType: 'review-cycle',
        entityId: cycleId,
        before: { closedAt: null },
        after: { name: row.name, closedAt: closedAt.toISOString() },
      });
      return { id: cycleId, closedAt };
    },
    { behavior: 'immediate' },
  );
}
