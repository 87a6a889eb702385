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
