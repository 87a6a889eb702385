import 'server-only';
import { and, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { progressUpdates } from '@/db/schema/framework';
import { deadlineStatus, type DeadlineStatus } from '@/shared/framework/deadline';

/** States of a progress update that count as reported for the deadline: awaiting a decision or validated. */
export const REPORTED_STATES = ['submitted', 'validated'] as const;

interface PeriodEnd {
  id: string;
  endsOn: string;
}

/** The start of a UTC calendar day (YYYY-MM-DD), as the `now` the deadline rule takes. */
export const startOfDay = (today: string) => new Date(`${today}T00:00:00Z`);

export const reportedKey = (indicatorId: string, periodId: string) => `${indicatorId}|${periodId}`;

/**
 * "indicator|period" of every update submitted or validated in these periods of these compacts:
 * one query, along the (compact, state) covering index.
 */
export function reportedKeys(db: DbOrTx, compactIds: readonly string[], periodIds: readonly string[]): Set<string> {
  if (periodIds.length === 0) return new Set();
  const rows = db
    .selectDistinct({ indicatorId: progressUpdates.indicatorId, periodId: progressUpdates.periodId })
    .from(progressUpdates)
    .where(
      and(
        inArray(progressUpdates.compactId, [...compactIds]),
        inArray(progressUpdates.periodId, [...periodIds]),
        inArray(progressUpdates.state, [...REPORTED_STATES]),
      ),
    )
    .all();
  return new Set(rows.map((row) => reportedKey(row.indicatorId, row.periodId)));
}

/**
 * The deadline of one period for the progress grid: per active indicator the party reports on
 * (`done`: reported, in REPORTED_STATES), and for the period as a whole (the grid's head: done
 * once every one of them is reported).
 */
export function sheetDeadlines(
  period: PeriodEnd,
  offsetDays: number,
  own: readonly { id: string; done: boolean }[],
  now: Date,
) {
  const status = (done: boolean) => deadlineStatus({ period, offsetDays, reported: done, now });
  return {
    period: status(own.length > 0 && own.every(({ done }) => done)),
    byIndicator: Object.fromEntries(own.map(({ id, done }) => [id, status(done)])) as Record<string, DeadlineStatus>,
  };
}

/**
 * For the framework board: the deadline of the latest period that has ended by `today`, per
 * indicator (null for an indicator that is not active, or while no period has ended).
 */
export function latestEndedDeadlines(
  db: DbOrTx,
  compactId: string,
  periods: readonly PeriodEnd[],
  offsetDays: number,
  today: string,
): (indicator: { id: string; state: string }) => DeadlineStatus | null {
  const latest = periods.filter((period) => period.endsOn < today).at(-1);
  if (!latest) return () => null;
  const reported = reportedKeys(db, [compactId], [latest.id]);
  const now = startOfDay(today);
  return (indicator) =>
    indicator.state === 'active'
      ? deadlineStatus({
          period: latest,
          offsetDays,
          reported: reported.has(reportedKey(indicator.id, latest.id)),
          now,
        })
      : null;
}
