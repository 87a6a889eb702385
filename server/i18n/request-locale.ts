import 'server-only';
import { cookieIn } from '@/i18n/cookies';
import type { AppLocale } from '@/i18n/locales';
import { LOCALE_COOKIE, resolveLocale } from '@/i18n/resolve-locale';
import type { Actor } from '../auth/actor';

const MAX_COOKIE_HEADER = 8192;

/** One cookie's value from a request's Cookie header (null when absent). */
export function cookieValue(headers: Headers, name: string): string | null {
  return cookieIn(headers.get('cookie')?.slice(0, MAX_COOKIE_HEADER) ?? '', name);
}

/** The language a request is answered in: the account's choice, the `cw-locale` cookie, Accept-Language, English. */
export function localeOfRequest(actor: Pick<Actor, 'locale'> | null, headers: Headers): AppLocale {
  return resolveLocale({
    account: actor?.locale,
    cookie: cookieValue(headers, LOCALE_COOKIE),
    acceptLanguage: headers.get('accept-language'),
  });
}
