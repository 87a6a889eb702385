import { useLocale } from 'next-intl';
import { DEFAULT_LOCALE, DIRECTION, appLocaleOf } from '@/i18n/locales';

/** The direction of the page (its interface language's), for what CSS cannot mirror, such as charts' axes. */
export function usePageDirection(): 'ltr' | 'rtl' {
  return DIRECTION[appLocaleOf(useLocale()) ?? DEFAULT_LOCALE];
}

/**
 * "before → after" for a reader of this direction: the arrow points the way the line reads, and
 * each side is isolated (FSI … PDI) so Latin labels in an Arabic line keep their order.
 */
export function beforeAfter(before: string, after: string, direction: 'ltr' | 'rtl'): string {
  return `\u2068${before}\u2069 ${direction === 'rtl' ? '←' : '→'} \u2068${after}\u2069`;
}
