/**
 * The interface languages. Adding one: add its code here with its Intl tag and direction, then
 * add `messages/<code>.json` with every key of `messages/en.json` (the catalogue test lists what
 * is missing).
 */
export const LOCALES = ['en', 'fr', 'ar'] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = 'en';

/** The tag given to `Intl`: British English dates ("12 October 2026"), Arabic with Latin digits as in UN documents. */
export const INTL_TAG: Record<AppLocale, string> = { en: 'en-GB', fr: 'fr', ar: 'ar-u-nu-latn' };

export const DIRECTION: Record<AppLocale, 'ltr' | 'rtl'> = { en: 'ltr', fr: 'ltr', ar: 'rtl' };

/** Each language under its own name, for the switcher. */
export const NATIVE_NAME: Record<AppLocale, string> = { en: 'English', fr: 'Français', ar: 'العربية' };

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The app's code for an Intl tag or a browser language tag ("fr-CA" → fr); null when it is none of ours. */
export function appLocaleOf(tag: string | null | undefined): AppLocale | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/, 1)[0];
  return isAppLocale(primary) ? primary : null;
}
