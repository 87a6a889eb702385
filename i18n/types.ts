import type { _Translator, MessageKeys, NestedKeyOf } from 'use-intl/core';
import type en from '@/messages/en.json';

type Messages = typeof en;

/** `t` from `useTranslations()`, `getTranslations()` or `translatorFor()`, passed to helpers outside components. */
export type Translate = _Translator<Messages, never>;

/** Any message key, e.g. `'signIn.title'`. */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;
