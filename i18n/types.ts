import type { _Translator, MessageKeys, NestedKeyOf } from 'use-intl/core';
import type en from '@/messages/en.json';

type Messages = typeof en;

/** `t` from `useTranslations()`, `getTranslations()` or `translatorFor()`, passed to helpers outside components. */
export type Translate = _Translator<Messages, never>;

/** Any message key, e.g. `'signIn.title'`. */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;

/** A key of the `errors` namespace: what went wrong, as the reader's language says it. */
export type ErrorKey = Extract<MessageKey, `errors.${string}`>;

/** Values a problem's message is formatted with: dates of a calendar day as ISO strings, moments as Dates. */
export type ProblemArgs = Record<string, string | number | Date>;

/**
 * Something refused, as a message key with its ICU arguments (rendered in the reader's language),
 * and the input field it is about when there is one.
 */
export interface Problem {
  key: ErrorKey;
  args?: ProblemArgs;
  field?: string;
  /** Problems of parts (rows, items), each rendered as `field: text` and joined into the `{details}` argument. */
  details?: Problem[];
}
