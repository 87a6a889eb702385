import { appLocaleOf, DEFAULT_LOCALE, isAppLocale, type AppLocale } from './locales';

/** The cookie that keeps a chosen language in a browser, signed in or not. */
export const LOCALE_COOKIE = 'cw-locale';
const MAX_ACCEPT_LANGUAGE = 512;

/**
 * The first of our languages in an `Accept-Language` header, by quality then order
 * ("fr-CA,fr;q=0.9,en;q=0.8" → fr). Null when none matches.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): AppLocale | null {
  if (!acceptLanguage) return null;
  const ranges = acceptLanguage
    .slice(0, MAX_ACCEPT_LANGUAGE)
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { locale: appLocaleOf(tag), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((range) => range.locale !== null && range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranges[0]?.locale ?? null;
}

/** The language of a request: the account's choice, then the cookie, then the browser's languages, then English. */
export function resolveLocale(input: {
  account?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
}): AppLocale {
  if (isAppLocale(input.account)) return input.account;
  if (isAppLocale(input.cookie)) return input.cookie;
  return negotiateLocale(input.acceptLanguage) ?? DEFAULT_LOCALE;
}
