import { useTranslations } from 'next-intl';
import type { DeadlineStatus } from '@/shared/framework/deadline';
import type { Translate } from '@/i18n/types';

/** The words for a reporting deadline: its state, date and the days left or passed. */
export function deadlineText(t: Translate, { state, deadline, daysLeft }: DeadlineStatus): string {
  const days = Math.abs(daysLeft);
  const count = t('deadline.days', { days });
  if (state === 'due-soon' && daysLeft === 0) return t('deadline.dueToday', { date: deadline });
  return t(`deadline.${state}`, { date: deadline, count });
}

/**
 * A reporting deadline as a badge: due, due soon, overdue, done or not yet due, always in words
 * (colour only repeats them). Renders nothing without a deadline.
 */
export function DeadlineBadge({ status, label }: { status: DeadlineStatus | null | undefined; label?: string }) {
  const t = useTranslations();
  if (!status) return null;
  const text = deadlineText(t, status);
  return (
    <span className={`badge deadline-${status.state}`} title={label ? `${label}: ${text}` : text}>
      {label ? <span className="sr-only">{label}: </span> : null}
      {text}
    </span>
  );
}
