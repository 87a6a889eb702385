import type { IndicatorStatus, Rating, StatusReason } from './indicator-status';

/** A period of an indicator's series, as the headline rule reads it. */
export interface HeadlineSource {
  label: string;
  ended: boolean;
  actual: number | null;
  rating: Rating | null;
  target: number | null;
  status: IndicatorStatus;
  reason: StatusReason;
  share?: number;
}

/** What the framework board, the indicator page and the review snapshots show for an indicator. */
export interface Headline {
  label: string;
  actual: number | null;
  target: number | null;
  status: IndicatorStatus;
  reason: StatusReason;
  share?: number;
  /** The period of the newest validated value, when the headline is an overdue period after it. */
  lastValidated?: string;
  /** How many ended periods since then have no validated value (0 when none is missing). */
  missedPeriods?: number;
}

const hasData = (point: HeadlineSource) => point.actual !== null || point.rating !== null;

/**
 * The one headline rule: the newest validated value — unless a reporting period has ended since
 * without one. Then the headline is that latest ended period, with no data, and says how old the
 * last validated value is ("last validated 2025-Q3, 4 periods missing"): stale data never reads as
 * on track. Null before any period has ended or been reported.
 */
export function headlineOf(series: readonly HeadlineSource[]): Headline | null {
  let lastData = -1;
  let lastEnded = -1;
  series.forEach((point, index) => {
    if (hasData(point)) lastData = index;
    if (point.ended) lastEnded = index;
  });
  const shown = (point: HeadlineSource): Headline => ({
    label: point.label,
    actual: point.actual,
    target: point.target,
    status: point.status,
    reason: point.reason,
    ...(point.share === undefined ? {} : { share: point.share }),
  });
  if (lastData >= 0 && lastData >= lastEnded) return shown(series[lastData]!);
  if (lastEnded < 0) return null;
  const overdue = series[lastEnded]!;
  if (lastData < 0) return { ...shown(overdue), status: 'no-data', reason: 'not-validated' };
  return {
    ...shown(overdue),
    actual: null,
    status: 'no-data',
    reason: 'overdue',
    lastValidated: series[lastData]!.label,
    missedPeriods: series.slice(lastData + 1, lastEnded + 1).filter((point) => point.ended).length,
  };
}
