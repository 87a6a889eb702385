import { getRequestConfig } from 'next-intl/server';
import { cookies } from 'next/headers';
import { requestLocale } from '@/server/trpc/server-caller';
import { CATALOGUES } from './catalogues';
import { formats } from './formats';
import { getMessageFallback, onIntlError } from './intl-errors';
import { INTL_TAG } from './locales';
import { TIME_ZONE_COOKIE, validTimeZone } from './time-zone';

/**
 * The language and time zone of each server render (the next-intl plugin loads this file). The
 * language is the tRPC context's (its session lookup is shared with the page's procedures), so
 * server components and procedures answer alike, and no procedure runs just to find it.
 */
export default getRequestConfig(async () => {
  const [locale, jar] = await Promise.all([requestLocale(), cookies()]);
  return {
    locale: INTL_TAG[locale],
    messages: CATALOGUES[locale],
    formats,
    timeZone: validTimeZone(jar.get(TIME_ZONE_COOKIE)?.value),
    onError: onIntlError,
    getMessageFallback,
  };
});
