import 'server-only';
import type { DbOrTx } from '@/db/client';
import type { Rating } from '@/shared/framework/indicator-status';
import { groupBy } from '../group-by';
import { validatedValues } from './indicator-series';
import { listPeriods } from './periods';
import { compactTargetRows, resolveTargets, type PeriodTarget } from './targets';

export interface PreviousValidated {
  periodId: string;
  label: string;
  value: number | null;
  rating: Rating | null;
}

export interface ReportingContext {
  /** The target in force for the period (its own, a year's, or interpolated — `source` says which). */
  target: PeriodTarget;
  /** The newest validated value of an earlier period, with that period; null when there is none. */
  previousValidated: PreviousValidated | null;
}

/**
 * What a monitor or a validator weighs an update against: the period's target and the previous
 * validated value. Reads the compact's periods, targets and validated values once; the answer is a
 * lookup per indicator and period.
 */
export function reportingContext(db: DbOrTx, compactId: string) {
  const periods = listPeriods(db, compactId);
  const targetsByIndicator = groupBy(compactTargetRows(db, compactId), (row) => row.indicatorId);
  const validated = validatedValues(db, compactId);
  const resolved = new Map<string, PeriodTarget[]>();
  const index = new Map(periods.map((p, i) => [p.id, i]));
  return {
    periods,
    of(indicator: { id: string; baselineValue: number | null }, periodId: string): ReportingContext {
      let targets = resolved.get(indicator.id);
      if (!targets) {
        targets = resolveTargets(periods, targetsByIndicator.get(indicator.id) ?? [], indicator.baselineValue);
        resolved.set(indicator.id, targets);
      }
      const at = index.get(periodId) ?? -1;
      let previousValidated: PreviousValidated | null = null;
      for (let i = at - 1; i >= 0 && !previousValidated; i--) {
        const period = periods[i]!;
        const entry = validated.get(`${indicator.id}|${period.id}`);
        if (entry)
          previousValidated = {
            periodId: period.id,
            label: period.label,
            value: entry.value,
            rating: entry.validatedRating,
          };
      }
      return { target: targets[at] ?? { value: null, source: 'none' }, previousValidated };
    },
  };
}
