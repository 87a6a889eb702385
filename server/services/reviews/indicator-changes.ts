import 'server-only';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { indicators, progressUpdates, reportingPeriods } from '@/db/schema/framework';
import { headlineStatus, type IndicatorSnapshot, type SnapshotIndicator } from '@/shared/reviews/indicator-snapshot';

/** How many values validated since the cut-off the reviewer's view lists (the newest). */
export const SINCE_CUT_OFF_LIMIT = 200;

type Headline = SnapshotIndicator['headline'];

export interface IndicatorStatusChange {
  indicatorId: string;
  code: string;
  title: string;
  unit: string;
  /** Its headline in the previous cycle's snapshot (null: it had none, or was not there). */
  before: Headline;
  after: Headline;
  /** Whether the previous snapshot had the indicator at all. */
  new: boolean;
  removed: boolean;
}

/**
 * The indicators whose headline status differs between two snapshots (e.g. on track → off track),
 * with the headline points that explain why: the latest validated value against the target then
 * in force, in each. Indicators added or gone since count as changes too. Code order.
 */
export function statusChanges(previous: IndicatorSnapshot, current: IndicatorSnapshot): IndicatorStatusChange[] {
  const before = new Map(previous.indicators.map((indicator) => [indicator.id, indicator]));
  const after = new Map(current.indicators.map((indicator) => [indicator.id, indicator]));
  const changes: IndicatorStatusChange[] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(id);
    const is = after.get(id);
    if (was && is && headlineStatus(was) === headlineStatus(is)) continue;
    const shown = (is ?? was)!;
    changes.push({
      indicatorId: id,
      code: shown.code,
      title: shown.title,
      unit: shown.unit,
      before: was?.headline ?? null,
      after: is?.headline ?? null,
      new: !was,
      removed: !is,
    });
  }
  return changes.sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * Values validated after a cycle's data was frozen, from the live data (the snapshot is never
 * rewritten): newest first, at most SINCE_CUT_OFF_LIMIT, with how many there are in all, and what
 * the snapshot held for that indicator and period.
 */
export function changesSinceCutOff(db: DbOrTx, compactId: string, asOf: Date, snapshot: IndicatorSnapshot) {
  const validator = alias(user, 'validator');
  const where = and(
    eq(progressUpdates.compactId, compactId),
    eq(progressUpdates.state, 'validated'),
    gt(progressUpdates.decidedAt, asOf),
  );
  const [{ total } = { total: 0 }] = db
    .select({ total: sql<number>`count(*)` })
    .from(progressUpdates)
    .where(where)
    .all();
  const rows = db
    .select({
      updateId: progressUpdates.id,
      indicatorId: progressUpdates.indicatorId,
      code: indicators.code,
      title: indicators.title,
      unit: indicators.unit,
      periodId: progressUpdates.periodId,
      periodLabel: reportingPeriods.label,
      value: progressUpdates.value,
      rating: progressUpdates.validatedRating,
      correction: sql<boolean>`${progressUpdates.supersedesId} IS NOT NULL`,
      decidedAt: progressUpdates.decidedAt,
      decidedBy: validator.name,
    })
    .from(progressUpdates)
    .innerJoin(indicators, eq(indicators.id, progressUpdates.indicatorId))
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, progressUpdates.periodId))
    .leftJoin(validator, eq(validator.id, progressUpdates.decidedBy))
    .where(where)
    .orderBy(desc(progressUpdates.decidedAt))
    .limit(SINCE_CUT_OFF_LIMIT)
    .all();
  const frozen = new Map(
    snapshot.indicators.flatMap((indicator) =>
      indicator.periods.map((period) => [`${indicator.id}|${period.periodId}`, period] as const),
    ),
  );
  return {
    total,
    values: rows.map((row) => {
      const then = frozen.get(`${row.indicatorId}|${row.periodId}`);
      return {
        ...row,
        correction: Boolean(row.correction),
        atCutOff: then ? { actual: then.actual, rating: then.rating } : null,
      };
    }),
  };
}
