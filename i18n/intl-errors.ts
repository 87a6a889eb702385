import { IntlErrorCode, type IntlError } from 'use-intl/core';

/**
 * What the translators do with a broken message, on the server and in the browser (no catalogue
 * is imported here, so the browser bundle stays free of them). A message a translation lacks never
 * gets here: the catalogues carry the English one beneath (see `overEnglish` in catalogues.ts).
 */

/** A message no catalogue has (not even English) reads as its dotted key. */
export function getMessageFallback({ key, namespace }: { key: string; namespace?: string }): string {
  return namespace ? `${namespace}.${key}` : key;
}

/** Missing or broken messages are logged outside production. */
export function onIntlError(error: IntlError): void {
  if (process.env.NODE_ENV === 'production') return;
  if (error.code === IntlErrorCode.MISSING_MESSAGE || error.code === IntlErrorCode.FORMATTING_ERROR) {
    console.error(`[i18n] ${error.code}: ${error.originalMessage ?? error.message}`);
  }
}
