import { IntlProvider } from 'use-intl';
import { createElement, type ReactElement } from 'react';
import { CATALOGUES, translatorFor } from '@/i18n/catalogues';
import { formats } from '@/i18n/formats';
import { INTL_TAG, type AppLocale } from '@/i18n/locales';

/** The English translator, for helpers that take `t` outside React. */
export const enT = translatorFor('en');

/** A component tree as it renders for a reader of `locale` (UTC), for server-side rendering in tests. */
export function inLocale(element: ReactElement, locale: AppLocale = 'en'): ReactElement {
  return createElement(IntlProvider, {
    locale: INTL_TAG[locale],
    messages: CATALOGUES[locale],
    formats,
    timeZone: 'UTC',
    children: element,
  });
}
