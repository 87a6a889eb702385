import { IntlProvider } from 'use-intl';
import { createElement, type ReactElement } from 'react';
import { CATALOGUES, translatorFor } from '@/i18n/catalogues';
import { formats } from '@/i18n/formats';
import { INTL_TAG, type AppLocale } from '@/i18n/locales';
import { problemLine } from '@/i18n/problem';
import type { Problem } from '@/i18n/types';

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

/** A problem as an English line (`field: text`), or '' for none: what tests assert on. */
export function english(problem: Problem | null | undefined): string {
  return problem ? problemLine(enT, problem) : '';
}

/** CSV errors with their problems as English lines (`reason`), as tests compare them. */
export function englishRows(errors: readonly { row: number; column: string; problem: Problem }[]) {
  return errors.map(({ row, column, problem }) => ({ row, column, reason: english(problem) }));
}
