/** How the validation queue is ordered: by submission age (the default: oldest first), compact or indicator. */
export const QUEUE_SORTS = ['oldest', 'newest', 'compact', 'indicator'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export interface QueueOrderItem {
  compactTitle: string;
  indicator: { code: string };
  periodLabel: string;
  update: { id: string; submittedAt: Date | null };
}

const time = (item: QueueOrderItem) => (item.update.submittedAt ? new Date(item.update.submittedAt).getTime() : 0);
const byAge = (a: QueueOrderItem, b: QueueOrderItem) => time(a) - time(b) || a.update.id.localeCompare(b.update.id);
const text = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });

/** A sorted copy; ties fall back to the oldest submission first, so the order never jumps. */
export function sortQueue<T extends QueueOrderItem>(items: readonly T[], sort: QueueSort): T[] {
  const compare: Record<QueueSort, (a: T, b: T) => number> = {
    oldest: byAge,
    newest: (a, b) => byAge(b, a),
    compact: (a, b) => text(a.compactTitle, b.compactTitle) || byAge(a, b),
    indicator: (a, b) =>
      text(a.indicator.code, b.indicator.code) ||
      text(a.compactTitle, b.compactTitle) ||
      text(a.periodLabel, b.periodLabel) ||
      byAge(a, b),
  };
  return [...items].sort(compare[sort]);
}

/** Whole days a submission has waited at `now` (0 on the day it was submitted). */
export function waitingDays(submittedAt: Date | null, now: Date): number {
  if (!submittedAt) return 0;
  return Math.max(0, Math.floor((now.getTime() - new Date(submittedAt).getTime()) / 86_400_000));
}
