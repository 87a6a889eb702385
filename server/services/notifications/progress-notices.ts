import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { compacts, memberships } from '@/db/schema/compacts';
import { indicators, progressUpdates, reportingPeriods } from '@/db/schema/framework';
import { readInSlices } from '../batch-writes';
import { clippedText, notificationArgs } from './notification-args';
import { notify, notifyAll } from './notify';
import { membersWhoMay } from './recipients';

/** What a notice about an indicator says: the compact, the indicator, the period, who acted (one query). */
export function indicatorContext(
  tx: DbOrTx,
  compactId: string,
  indicatorId: string,
  periodId: string | null,
  actorUserId: string | null,
) {
  const [row] = tx
    .select({
      compact: compacts.title,
      indicator: indicators.code,
      title: indicators.title,
      period: reportingPeriods.label,
      actor: user.name,
    })
    .from(indicators)
    .innerJoin(compacts, eq(compacts.id, indicators.compactId))
    .leftJoin(reportingPeriods, eq(reportingPeriods.id, periodId ?? ''))
    .leftJoin(user, eq(user.id, actorUserId ?? ''))
    .where(and(eq(indicators.compactId, compactId), eq(indicators.id, indicatorId)))
    .all();
  return { href: `/compacts/${compactId}/indicators/${indicatorId}`, values: row ?? {} };
}

interface DecidedUpdate {
  id: string;
  indicatorId: string;
  periodId: string;
  createdByPartyId: string;
  submittedBy: string | null;
}

/**
 * A monitor submitted progress: the compact's validators are told, once per update until a
 * validator decides on it — submitting again after withdrawing (to correct it, or over and over)
 * tells nobody again; submitting again after a return does. Call inside the submitting transaction.
 */
export function noticeProgressSubmitted(
  tx: DbOrTx,
  actorUserId: string,
  compactId: string,
  update: DecidedUpdate & { decidedAt: Date | null },
) {
  const context = indicatorContext(tx, compactId, update.indicatorId, update.periodId, actorUserId);
  notify(tx, actorUserId, membersWhoMay(tx, compactId, 'validateProgress'), {
    kind: 'progress-submitted',
    compactId,
    href: context.href,
    args: notificationArgs(context.values),
    dedupeKey: `progress-submitted:${update.id}:${update.decidedAt?.getTime() ?? 'new'}`,
  });
}

/** What notices about decided updates say, by update: the compact, the indicator, the period and who decided (one query). */
function decisionContexts(tx: DbOrTx, actorUserId: string, updateIds: string[]) {
  const rows = readInSlices(updateIds, (slice) =>
    tx
      .select({
        id: progressUpdates.id,
        compact: compacts.title,
        indicator: indicators.code,
        title: indicators.title,
        period: reportingPeriods.label,
        actor: user.name,
      })
      .from(progressUpdates)
      .innerJoin(
        indicators,
        and(eq(indicators.id, progressUpdates.indicatorId), eq(indicators.compactId, progressUpdates.compactId)),
      )
      .innerJoin(compacts, eq(compacts.id, progressUpdates.compactId))
      .leftJoin(reportingPeriods, eq(reportingPeriods.id, progressUpdates.periodId))
      .leftJoin(user, eq(user.id, actorUserId))
      .where(inArray(progressUpdates.id, slice))
      .all(),
  );
  return new Map(rows.map(({ id, ...values }) => [id, values]));
}

/** Of these (compact, person) pairs, those where the person is still a member, as `compact person`. */
function stillMembers(tx: DbOrTx, pairs: readonly { compactId: string; userId: string }[]): Set<string> {
  if (pairs.length === 0) return new Set();
  const compactIds = [...new Set(pairs.map((pair) => pair.compactId))];
  return new Set(
    readInSlices([...new Set(pairs.map((pair) => pair.userId))], (slice) =>
      tx
        .select({ compactId: memberships.compactId, userId: memberships.userId })
        .from(memberships)
        .where(and(inArray(memberships.userId, slice), inArray(memberships.compactId, compactIds)))
        .all(),
    ).map((row) => `${row.compactId} ${row.userId}`),
  );
}

/**
 * A validator validated or returned updates (one, or a batch with one note): whoever submitted
 * each and the monitors of its party are told. Call inside the deciding transaction, after the
 * decision is written. The recipients and texts are read once for the batch (the monitors once
 * per party), not once per update.
 */
export function noticeProgressDecided(
  tx: DbOrTx,
  actorUserId: string,
  updates: readonly (DecidedUpdate & { compactId: string })[],
  decision: { kind: 'progress-validated'; note?: string } | { kind: 'progress-returned'; reason: string },
) {
  if (updates.length === 0) return;
  const contexts = decisionContexts(
    tx,
    actorUserId,
    updates.map((update) => update.id),
  );
  const monitorsOf = new Map<string, string[]>();
  const monitors = (compactId: string, partyId: string) => {
    const key = `${compactId} ${partyId}`;
    if (!monitorsOf.has(key)) monitorsOf.set(key, membersWhoMay(tx, compactId, 'reportProgress', partyId));
    return monitorsOf.get(key)!;
  };
  // The submitter is told while they are still a member of the compact, whatever their role now.
  const members = stillMembers(
    tx,
    updates.flatMap(({ compactId, submittedBy }) => (submittedBy ? [{ compactId, userId: submittedBy }] : [])),
  );
  const said = {
    reason: 'reason' in decision ? clippedText(decision.reason) : undefined,
    note: 'note' in decision && decision.note ? clippedText(decision.note) : undefined,
  };
  notifyAll(
    tx,
    actorUserId,
    updates.map((update) => ({
      recipients: [
        ...(update.submittedBy && members.has(`${update.compactId} ${update.submittedBy}`) ? [update.submittedBy] : []),
        ...monitors(update.compactId, update.createdByPartyId),
      ],
      notice: {
        kind: decision.kind,
        compactId: update.compactId,
        href: `/compacts/${update.compactId}/indicators/${update.indicatorId}`,
        args: notificationArgs({ ...contexts.get(update.id), ...said }),
      },
    })),
  );
}

/** A negotiator proposed an indicator: the compact's administrators are told. */
export function noticeIndicatorProposed(tx: DbOrTx, actorUserId: string, compactId: string, indicatorId: string) {
  const context = indicatorContext(tx, compactId, indicatorId, null, actorUserId);
  notify(tx, actorUserId, membersWhoMay(tx, compactId, 'manageFramework'), {
    kind: 'indicator-proposed',
    compactId,
    href: context.href,
    args: notificationArgs(context.values),
  });
}
