import 'server-only';
import type { AppLocale } from '@/i18n/locales';
import { LOCALE_COOKIE } from '@/i18n/resolve-locale';
import { secureCookie } from '../auth/auth-route';
import { isHttpsRequest } from '../auth/request-origin';
import type { HttpExchange } from '../trpc/init';

/** A chosen language is remembered by the browser for a year (signed in or not; sign-out keeps it). */
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** The `Set-Cookie` value remembering a language: readable by the page, `Secure` exactly when served over https. */
export function localeCookie(locale: AppLocale, https: boolean): string {
  const cookie = `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${LOCALE_COOKIE_MAX_AGE_SECONDS}; SameSite=Lax`;
  return https ? secureCookie(cookie) : cookie;
}

/** Puts the language cookie on the response of this request (server callers discard it). */
export function rememberLocale(http: HttpExchange, locale: AppLocale): void {
  http.resHeaders.append('set-cookie', localeCookie(locale, isHttpsRequest(http.headers, http.url)));
}
