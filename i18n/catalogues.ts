import { createFormatter, createTranslator, IntlErrorCode, type IntlError } from 'use-intl/core';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';
import { formats } from './formats';
import { INTL_TAG, type AppLocale } from './locales';
import type { Translate } from './types';

export type Messages = typeof en;

export const CATALOGUES: Record<AppLocale, Messages> = { en, fr, ar };

function englishAt(path: string): string | undefined {
  let node: unknown = en;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** A missing or broken message reads as the English one (never as a raw key), and is logged outside production. */
export function getMessageFallback({ key, namespace }: { key: string; namespace?: string }): string {
  const path = namespace ? `${namespace}.${key}` : key;
  return englishAt(path) ?? path;
}

export function onIntlError(error: IntlError): void {
  if (process.env.NODE_ENV === 'production') return;
  if (error.code === IntlErrorCode.MISSING_MESSAGE || error.code === IntlErrorCode.FORMATTING_ERROR) {
    console.error(`[i18n] ${error.code}: ${error.originalMessage ?? error.message}`);
  }
}

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
