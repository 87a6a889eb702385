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

/** A translator outside React (e-mails, exports, server errors, tests). */
export function translatorFor(locale: AppLocale, timeZone = 'UTC'): Translate {
  return createTranslator({
    locale: INTL_TAG[locale],
    messages: CATALOGUES[locale],
    formats,
    timeZone,
    onError: onIntlError,
    getMessageFallback,
  }) as Translate;
}

export function formatterFor(locale: AppLocale, timeZone = 'UTC') {
  return createFormatter({ locale: INTL_TAG[locale], formats, timeZone, onError: onIntlError });
}
