import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { currentActor } from '@/app/_lib/server-session';
import { CATALOGUES } from './catalogues';
import { formats } from './formats';
import { INTL_TAG } from './locales';
import { LOCALE_COOKIE, resolveLocale } from './resolve-locale';
import { TIME_ZONE_COOKIE, validTimeZone } from './time-zone';

/** The language and time zone of each server render (the next-intl plugin loads this file). */
export default getRequestConfig(async () => {
  const [actor, jar, requestHeaders] = await Promise.all([currentActor(), cookies(), headers()]);
  const locale = resolveLocale({
    account: actor?.locale,
    cookie: jar.get(LOCALE_COOKIE)?.value,
    acceptLanguage: requestHeaders.get('accept-language'),
  });
  return {
    locale: INTL_TAG[locale],
    messages: CATALOGUES[locale],
    formats,
    timeZone: validTimeZone(jar.get(TIME_ZONE_COOKIE)?.value),
  };
});
