import 'server-only';
import { MAX_NOTIFICATION_ARG_CHARS, type NotificationArgs } from '@/shared/notifications/kinds';
import { dictionary, isReservedKey } from '@/shared/reserved-keys';

const ARG_NAME = /^[a-zA-Z]{1,32}$/;

/** A notification's arguments: string values only, bounded, in an object without a prototype. */
export function notificationArgs(values: Record<string, string | number | null | undefined>): NotificationArgs {
  const args = dictionary<string>();
  for (const [name, value] of Object.entries(values)) {
    if (!ARG_NAME.test(name) || isReservedKey(name) || value === null || value === undefined) continue;
    args[name] = String(value).slice(0, MAX_NOTIFICATION_ARG_CHARS);
  }
  return args;
}

/**
 * Free text (a return's reason, a validator's note) shortened to what an argument keeps, with "…"
 * when it was cut: the reader knows there is more on the page the notification links to.
 */
export function clippedText(text: string): string {
  return text.length > MAX_NOTIFICATION_ARG_CHARS ? `${text.slice(0, MAX_NOTIFICATION_ARG_CHARS - 1)}…` : text;
}

/** Reads stored arguments back (anything malformed is left out), without a prototype. */
export function parseNotificationArgs(json: string): NotificationArgs {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return dictionary<string>();
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return dictionary<string>();
  const strings: Record<string, string> = dictionary<string>();
  for (const [name, value] of Object.entries(parsed)) if (typeof value === 'string') strings[name] = value;
  return notificationArgs(strings);
}
