import type { INDICATOR_DIRECTIONS, IndicatorMeasure, RATINGS } from '../enums';

/**
 * Indicator status is computed from data and targets, never typed in. One pure function,
 * documented in the UI (see `STATUS_RULE` in the message catalogue).
 *
 * Share of expected progress achieved = (actual − baseline) / (target − baseline), mirrored for
 * indicators that should decrease. ≥ on-track threshold (default 90 %) → on track; ≥ at-risk
 * threshold (default 60 %) → at risk; below → off track. Qualitative indicators take the
 * validator's rating. No validated value, or no target for the period → no data (with the reason).
 */
/** Every computed status, in the order the UI lists them (best first, "no data" last). */
export const INDICATOR_STATUSES = ['on-track', 'at-risk', 'off-track', 'no-data'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];
export type StatusReason =
  | 'share'
  | 'rating'
  | 'no-target'
  | 'not-validated'
  | 'not-due-yet'
  | 'target-held'
  /** A reporting period ended since the newest validated value (shown by the headline rule). */
  | 'overdue';
export type Direction = (typeof INDICATOR_DIRECTIONS)[number];
export type Measure = IndicatorMeasure;
export type Rating = (typeof RATINGS)[number];

export interface StatusThresholds {
  /** Fractions of expected progress, e.g. 0.9 and 0.6. */
  onTrack: number;
  atRisk: number;
}

export const DEFAULT_THRESHOLDS: StatusThresholds = { onTrack: 0.9, atRisk: 0.6 };

export interface StatusInput {
  measure: Measure;
  direction: Direction;
  /** null while the baseline is "to be determined". */
  baseline: number | null;
  target: number | null;
  /** The latest validated value for the period (already summed for cumulative indicators). */
  actual: number | null;
  /** The validator's rating, for qualitative indicators. */
  rating: Rating | null;
  /** Whether the period is over (a missing value is then overdue, not just not yet due). */
  periodEnded: boolean;
}

export interface StatusResult {
  status: IndicatorStatus;
  reason: StatusReason;
  /** Share of the expected progress achieved (quantitative indicators with data). */
  share?: number;
}

function byShare(share: number, thresholds: StatusThresholds): IndicatorStatus {
  if (share >= thresholds.onTrack) return 'on-track';
  if (share >= thresholds.atRisk) return 'at-risk';
  return 'off-track';
}

function shareAchieved(
  direction: Direction,
  baseline: number | null,
  target: number,
  actual: number,
): { share: number; reason: StatusReason } {
  const sign = direction === 'increase' ? 1 : -1;
  if (baseline === null) {
    // No baseline yet: measure against the target alone.
    if (direction === 'increase') return { share: target === 0 ? 1 : actual / target, reason: 'share' };
    return { share: actual <= target ? 1 : actual === 0 ? 1 : target / actual, reason: 'share' };
  }
  const expected = sign * (target - baseline);
  if (expected <= 0) {
    // The target holds the baseline (or lies behind it): met or not.
    const met = sign * (actual - target) >= 0;
    return { share: met ? 1 : 0, reason: 'target-held' };
  }
  return { share: (sign * (actual - baseline)) / expected, reason: 'share' };
}

export function computeIndicatorStatus(
  input: StatusInput,
  thresholds: StatusThresholds = DEFAULT_THRESHOLDS,
): StatusResult {
  const missing: StatusReason = input.periodEnded ? 'not-validated' : 'not-due-yet';
  if (input.measure === 'qualitative') {
    return input.rating ? { status: input.rating, reason: 'rating' } : { status: 'no-data', reason: missing };
  }
  if (input.target === null) return { status: 'no-data', reason: 'no-target' };
  if (input.actual === null) return { status: 'no-data', reason: missing };
  const { share, reason } = shareAchieved(input.direction, input.baseline, input.target, input.actual);
  return { status: byShare(share, thresholds), reason, share };
}
