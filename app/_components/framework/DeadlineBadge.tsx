import { useFormatter, useTranslations } from 'next-intl';
import type { DeadlineStatus } from '@/shared/framework/deadline';
import type { Translate } from '@/i18n/types';
import { calendarDay, type Format } from '@/i18n/format';

/** The words for a reporting deadline: its state, date ("12 October 2026") and the days left or passed. */
export function deadlineText(t: Translate, format: Format, { state, deadline, daysLeft }: DeadlineStatus): string {
  const days = Math.abs(daysLeft);
  const count = t('deadline.days', { days });
  const date = calendarDay(format, deadline);
  if (state === 'due-soon' && daysLeft === 0) return t('deadline.dueToday', { date });
  return t(`deadline.${state}`, { date, count });
}

/**
 * A reporting deadline as a badge: due, due soon, overdue, done or not yet due, always in words
 * (colour only repeats them). Renders nothing without a deadline.
 */
export function DeadlineBadge({ status, label }: { status: DeadlineStatus | null | undefined; label?: string }) {
  const t = useTranslations();
  const format = useFormatter();
  if (!status) return null;
  const text = deadlineText(t, format, status);
  return (
    <span className={`badge deadline-${status.state}`} title={label ? `${label}: ${text}` : text}>
      {label ? <span className="sr-only">{label}: </span> : null}
      {text}
    </span>
  );
}
