import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { compacts } from '@/db/schema/compacts';
import { indicators, reportingPeriods } from '@/db/schema/framework';
import { findMembership } from '../compacts';
import { clippedText, notificationArgs } from './notification-args';
import { notify } from './notify';
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

/**
 * A validator validated or returned an update: whoever submitted it and the monitors of its party
 * are told. Call inside the deciding transaction.
 */
export function noticeProgressDecided(
  tx: DbOrTx,
  actorUserId: string,
  compactId: string,
  update: DecidedUpdate,
  decision: { kind: 'progress-validated'; note?: string } | { kind: 'progress-returned'; reason: string },
) {
  const context = indicatorContext(tx, compactId, update.indicatorId, update.periodId, actorUserId);
  const monitors = membersWhoMay(tx, compactId, 'reportProgress', update.createdByPartyId);
  // The submitter is told while they are still a member of the compact, whatever their role now.
  const submitter = update.submittedBy && findMembership(tx, compactId, update.submittedBy) ? [update.submittedBy] : [];
  notify(tx, actorUserId, [...submitter, ...monitors], {
    kind: decision.kind,
    compactId,
    href: context.href,
    args: notificationArgs({
      ...context.values,
      reason: 'reason' in decision ? clippedText(decision.reason) : undefined,
      note: 'note' in decision && decision.note ? clippedText(decision.note) : undefined,
    }),
  });
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
