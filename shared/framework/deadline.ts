import type { Problem } from '@/i18n/types';
/**
 * Reporting deadlines. Each reporting period's values are due a number of days after the period
 * ends (per compact, `reportingDeadlineDays` in the framework settings). Dates are ISO calendar
 * days (YYYY-MM-DD) in UTC, like the periods themselves; a period's end day is part of it.
 */

/** The offset after a period's end, in days: its default and bounds. */
export const REPORTING_DEADLINE_DAYS = { default: 30, min: 0, max: 180 } as const;

/** A deadline this many days away or fewer (the deadline day itself included) is "due soon". */
export const DUE_SOON_DAYS = 7;

/** A deadline missed this many days ago or fewer is "just missed" (for notifications). */
export const JUST_MISSED_DAYS = 7;

export const DEADLINE_STATES = ['not-yet-due', 'due', 'due-soon', 'overdue', 'done'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

export interface DeadlineStatus {
  state: DeadlineState;
  /** The last day to report (UTC), inclusive. */
  deadline: string;
  /** Days from today to the deadline: 0 on the deadline day, negative once it has passed. */
  daysLeft: number;
}

const DAY_MS = 86_400_000;

const dayNumber = (isoDay: string) => Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS;

/** The UTC calendar day of an instant. */
export const utcDay = (now: Date) => now.toISOString().slice(0, 10);

/** The deadline of a period that ends on `endsOn`. */
export function reportingDeadline(endsOn: string, offsetDays: number): string {
  return new Date((dayNumber(endsOn) + offsetDays) * DAY_MS).toISOString().slice(0, 10);
}

/** The problem with an offset, or null: whole days within the bounds. */
export function deadlineDaysProblem(days: number): Problem | null {
  const { min, max } = REPORTING_DEADLINE_DAYS;
  return Number.isInteger(days) && days >= min && days <= max
    ? null
    : { key: 'errors.deadline.reportingDeadlineMustWhole', args: { min, max } };
}

export interface DeadlineInput {
  period: { endsOn: string };
  offsetDays: number;
  /** Whether the reporting party has a submitted or validated value for the period. */
  reported: boolean;
  now: Date;
}

/**
 * The one deadline rule. A reported period is done. Otherwise, by the UTC day of `now`: past the
 * deadline it is overdue; within DUE_SOON_DAYS of it (the deadline day included, and even while the
 * period still runs when the offset is short) it is due soon; once the period has ended it is due;
 * before that it is not yet due.
 */
export function deadlineStatus({ period, offsetDays, reported, now }: DeadlineInput): DeadlineStatus {
  const deadline = reportingDeadline(period.endsOn, offsetDays);
  const today = utcDay(now);
  const daysLeft = dayNumber(deadline) - dayNumber(today);
  const state: DeadlineState = reported
    ? 'done'
    : daysLeft < 0
      ? 'overdue'
      : daysLeft <= DUE_SOON_DAYS
        ? 'due-soon'
        : period.endsOn < today
          ? 'due'
          : 'not-yet-due';
  return { state, deadline, daysLeft };
}

/** Overdue first, then the nearest deadline first; done and not-yet-due last. */
const STATE_ORDER: Record<DeadlineState, number> = { overdue: 0, 'due-soon': 1, due: 2, 'not-yet-due': 3, done: 4 };

export function compareDeadlines(a: DeadlineStatus | null, b: DeadlineStatus | null): number {
  if (!a || !b) return (a ? 0 : 1) - (b ? 0 : 1);
  return STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.daysLeft - b.daysLeft;
}
