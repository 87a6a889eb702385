import { createFormatter, createTranslator } from 'use-intl/core';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';
import { formats } from './formats';
import { getMessageFallback, onIntlError } from './intl-errors';
import { INTL_TAG, type AppLocale } from './locales';
import type { Translate } from './types';

export type Messages = typeof en;

type Catalogue = { readonly [key: string]: string | Catalogue };

/**
 * A translation with the English message wherever it has none, so a key not yet translated reads
 * in English (never as a raw key) on the server and in the browser alike, and the browser needs no
 * other catalogue than the reader's. Keys English does not have are left out.
 */
export function overEnglish<T extends Catalogue>(english: T, translated: Catalogue): T {
  const entries = Object.entries(english).map(([key, message]) => {
    const theirs = Object.hasOwn(translated, key) ? translated[key] : undefined;
    if (typeof message === 'string') return [key, typeof theirs === 'string' ? theirs : message];
    return [key, overEnglish(message, typeof theirs === 'object' ? theirs : {})];
  });
  return Object.fromEntries(entries) as T;
}

export const CATALOGUES: Record<AppLocale, Messages> = { en, fr: overEnglish(en, fr), ar: overEnglish(en, ar) };

/**
 * One per locale and time zone, made once: a translator keeps the messages it has parsed and a
 * formatter its Intl formats, and these are used on hot paths (every error answer, every e-mail).
 * Time zones are a finite set (IANA); the bound only keeps odd input from growing the map.
 */
function memoised<T>(make: (locale: AppLocale, timeZone: string) => T) {
  const made = new Map<string, T>();
  return (locale: AppLocale, timeZone = 'UTC'): T => {
    const key = `${locale} ${timeZone}`;
    let value = made.get(key);
    if (value === undefined) {
      if (made.size >= 1000) made.clear();
      value = make(locale, timeZone);
      made.set(key, value);
    }
    return value;
  };
}

/** A translator outside React (e-mails, exports, server errors, tests). */
export const translatorFor = memoised(
  (locale, timeZone): Translate =>
    createTranslator({
      locale: INTL_TAG[locale],
      messages: CATALOGUES[locale],
      formats,
      timeZone,
      onError: onIntlError,
      getMessageFallback,
    }) as Translate,
);

/** A formatter outside React (e-mails, exports, tests). */
export const formatterFor = memoised((locale, timeZone) =>
  createFormatter({ locale: INTL_TAG[locale], formats, timeZone, onError: onIntlError }),
);
