import { cookieIn } from '@/i18n/cookies';
import { TIME_ZONE_COOKIE, validTimeZone } from '@/i18n/time-zone';

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * What to do so that timestamps render in the browser's time zone: nothing when the `cw-tz`
 * cookie already names it; else the cookie to write and whether the page (rendered by the server
 * in the zone the old cookie named, UTC without one) must be reloaded to show the right times.
 */
export function timeZoneCookieUpdate(
  browserZone: string | undefined,
  cookies: string,
  https: boolean,
): { cookie: string; zone: string; reload: boolean } | null {
  const zone = validTimeZone(browserZone);
  const stored = cookieIn(cookies, TIME_ZONE_COOKIE);
  if (stored === zone) return null;
  const cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax${https ? '; Secure' : ''}`;
  return { cookie, zone, reload: validTimeZone(stored) !== zone };
}

/**
 * Sets the time-zone cookie from the browser's own zone, and reloads once when the server rendered
 * timestamps in another zone. A browser that refuses the cookie is never reloaded (no loop).
 */
export function syncTimeZoneCookie(): void {
  const update = timeZoneCookieUpdate(
    Intl.DateTimeFormat().resolvedOptions().timeZone,
    document.cookie,
    window.location.protocol === 'https:',
  );
  if (!update) return;
  document.cookie = update.cookie;
  if (update.reload && cookieIn(document.cookie, TIME_ZONE_COOKIE) === update.zone) window.location.reload();
}
