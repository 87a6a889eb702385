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
