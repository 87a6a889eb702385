import 'server-only';
import type { AppLocale } from '@/i18n/locales';
import { LOCALE_COOKIE, resolveLocale } from '@/i18n/resolve-locale';
import type { Actor } from '../auth/actor';

const MAX_COOKIE_HEADER = 8192;

/** One cookie's value from a request's Cookie header (null when absent). */
export function cookieValue(headers: Headers, name: string): string | null {
  const header = headers.get('cookie');
  if (!header) return null;
  for (const part of header.slice(0, MAX_COOKIE_HEADER).split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return null;
}

/** The language a request is answered in: the account's choice, the `cw-locale` cookie, Accept-Language, English. */
export function localeOfRequest(actor: Pick<Actor, 'locale'> | null, headers: Headers): AppLocale {
  return resolveLocale({
    account: actor?.locale,
    cookie: cookieValue(headers, LOCALE_COOKIE),
    acceptLanguage: headers.get('accept-language'),
  });
}
