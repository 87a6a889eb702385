import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  computeIndicatorStatus,
  type Rating,
  type StatusResult,
  type StatusThresholds,
} from '@/shared/framework/indicator-status';
import type { PeriodSpan } from './periods';
import { resolveTargets, type PeriodTarget, type TargetRow } from './targets';

export interface SeriesIndicator {
  id: string;
  measure: 'number' | 'percentage' | 'qualitative';
  direction: 'increase' | 'decrease';
  aggregation: 'per-period' | 'cumulative';
  baselineValue: number | null;
}

export interface ValidatedValue {
  indicatorId: string;
  periodId: string;
  value: number | null;
  validatedRating: Rating | null;
}

export interface SeriesPoint extends StatusResult {
  periodId: string;
  label: string;
  target: PeriodTarget;
  /** The validated value that counts (summed so far for cumulative indicators). */
  actual: number | null;
  rating: Rating | null;
  ended: boolean;
}

/**
 * The latest validated value of every indicator and period of a compact (later validations win),
 * or of one indicator only; with `asOf`, only what was validated by then (a review cycle's cut-off).
 * Plain SQL for the same reason as compactTargetRows: on a large framework this reads tens of
 * thousands of rows.
 */
export function validatedValues(
  db: DbOrTx,
  compactId: string,
  indicatorId?: string,
  asOf?: Date,
): Map<string, ValidatedValue> {
  const rows = db.values<[string, string, number | null, Rating | null]>(sql`
    SELECT indicator_id, period_id, value, validated_rating
    FROM progress_updates
    WHERE compact_id = ${compactId} AND state = 'validated' ${indicatorId === undefined ? sql`` : sql`AND indicator_id = ${indicatorId}`}
      ${asOf === undefined ? sql`` : sql`AND decided_at <= ${asOf.getTime()}`}
    ORDER BY decided_at`);
  const latest = new Map<string, ValidatedValue>();
  for (const [id, periodId, value, validatedRating] of rows)
    latest.set(`${id}|${periodId}`, { indicatorId: id, periodId, value, validatedRating });
  return latest;
}

/** Target, actual and computed status of one indicator for every period. */
export function indicatorSeries(
  indicator: SeriesIndicator,
  periods: (PeriodSpan & { id: string })[],
  targets: TargetRow[],
  validated: Map<string, ValidatedValue>,
  thresholds: StatusThresholds,
  today: string,
): SeriesPoint[] {
  const resolved = resolveTargets(periods, targets, indicator.baselineValue);
  let runningTotal: number | null = null;
  return periods.map((period, i) => {
    const entry = validated.get(`${indicator.id}|${period.id}`);
    let actual = entry?.value ?? null;
    if (indicator.aggregation === 'cumulative' && actual !== null) {
      runningTotal = (runningTotal ?? 0) + actual;
      actual = runningTotal;
    }
    const ended = period.endsOn < today;
    const result = computeIndicatorStatus(
      {
        measure: indicator.measure,
        direction: indicator.direction,
        baseline: indicator.baselineValue,
        target: resolved[i]!.value,
        actual,
        rating: entry?.validatedRating ?? null,
        periodEnded: ended,
      },
      thresholds,
    );
    return {
      periodId: period.id,
      label: period.label,
      target: resolved[i]!,
      actual,
      rating: entry?.validatedRating ?? null,
      ended,
      ...result,
    };
  });
}
