import type { createFormatter } from 'use-intl/core';
import type { NotificationArgs, NotificationKind } from '@/shared/notifications/kinds';
import { COMPACT_ROLES } from '@/shared/roles';
import type { MessageKey, Translate } from './types';

/** What the texts need of a formatter (`useFormatter()`, `getFormatter()` or `formatterFor()`). */
export type DateFormatter = Pick<ReturnType<typeof createFormatter>, 'dateTime'>;

/** A moment with its zone named, since an e-mail (UTC) and the bell (the reader's zone) may differ. */
const MOMENT = {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
} as const;

/** A stored moment: ISO (`2026-10-12T14:00:00.000Z`), or `2026-10-12 14:00 UTC` as notifications stored it before. */
function parseMoment(value: string): Date | null {
  const legacy = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) UTC$/.exec(value);
  const date = new Date(legacy ? `${legacy[1]}T${legacy[2]}:00Z` : value);
  return /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(date.getTime()) ? date : null;
}

/** A stored calendar day (`2026-10-12`), read in UTC like every calendar day (i18n/formats.ts). */
function parseDay(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

const isRole = (value: string) => (COMPACT_ROLES as readonly string[]).includes(value);

/**
 * A notification's stored arguments made readable in the reader's language: the moment a link
 * expires (`expires`, ISO) and a deadline (`due`, a day) formatted, a role (`role`, its code)
 * named. Anything else (titles, names, codes) is the people's own text and stays as it is; a
 * value that does not parse is shown as stored. Used by the bell and the e-mails alike.
 */
export function notificationValues(
  args: NotificationArgs,
  t: Translate,
  format: DateFormatter,
): Record<string, string> {
  const values: Record<string, string> = { ...args };
  const expires = args.expires ? parseMoment(args.expires) : null;
  if (expires) values.expires = format.dateTime(expires, MOMENT);
  const due = args.due ? parseDay(args.due) : null;
  if (due) values.due = format.dateTime(due, 'day');
  if (args.role && isRole(args.role)) values.role = t(`role.${args.role}` as MessageKey);
  return values;
}

/** The line the bell shows for a notification, in the reader's language. */
export function notificationText(
  kind: NotificationKind,
  args: NotificationArgs,
  t: Translate,
  format: DateFormatter,
): string {
  return t(`notifications.kind.${kind}` as MessageKey, notificationValues(args, t, format));
}
