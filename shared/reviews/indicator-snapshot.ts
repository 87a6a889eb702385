import type { Headline } from '@/shared/framework/headline';
import type { IndicatorStatus, Rating } from '@/shared/framework/indicator-status';

/**
 * The validated indicator data a review cycle froze: as of its cut-off (values validated by then,
 * targets set by then, the newest per period), statuses computed by the framework's own rule with
 * "today" = the cut-off date. Stored as JSON on the cycle and hashed (canonical JSON) into its
 * audit event; never rewritten.
 */
export interface IndicatorSnapshot {
  /** The cut-off date, YYYY-MM-DD. */
  cutOff: string;
  /** The instant the data is as of (ISO): the end of the cut-off day, UTC, or the opening if earlier. */
  asOf: string;
  /** The status thresholds in force when the cycle was opened (their history is in the audit log). */
  thresholds: { onTrack: number; atRisk: number };
  indicators: SnapshotIndicator[];
}

export interface SnapshotPeriod {
  periodId: string;
  label: string;
  actual: number | null;
  rating: Rating | null;
  target: number | null;
  status: IndicatorStatus;
}

export interface SnapshotIndicator {
  id: string;
  code: string;
  title: string;
  unit: string;
  state: string;
  responsiblePartyId: string;
  responsiblePartyName: string;
  periods: SnapshotPeriod[];
  /** The headline the framework board showed at the cut-off (shared/framework/headline.ts); null: none. */
  headline: Headline | null;
}

/** An indicator's headline status in a snapshot ('no-data' when it has no headline point). */
export const headlineStatus = (indicator: Pick<SnapshotIndicator, 'headline'>): IndicatorStatus =>
  indicator.headline?.status ?? 'no-data';
