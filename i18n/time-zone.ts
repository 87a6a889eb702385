/** The cookie that carries the browser's time zone, so timestamps render the same on the server and in the browser. */
export const TIME_ZONE_COOKIE = 'cw-tz';
const MAX_TIME_ZONE = 64;

/** A time zone the runtime knows, else UTC. */
export function validTimeZone(value: string | null | undefined): string {
  if (!value || value.length > MAX_TIME_ZONE) return 'UTC';
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
}
