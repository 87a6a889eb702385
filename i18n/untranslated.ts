import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { AppLocale } from './locales';

/**
 * Finds messages of a catalogue still equal to the English one (`npm run i18n:untranslated`).
 * Pure: the script feeds it the catalogues and prints what it returns.
 */

/** Names and file formats that read the same in every language. */
export const SAME_IN_EVERY_LANGUAGE: readonly string[] = [
  'Compact Workspace',
  'CSV',
  'DOCX',
  'PDF',
  'JSON Lines',
  'JSON',
  'Markdown',
  'Word',
  'SHA-256',
  'UTC',
  'SYS',
  'KB',
  'Ctrl+Alt+N',
  'Ctrl+Alt+M',
];

/** Words a language shares with English ("Administration", "Description" in French). */
export const SAME_AS_ENGLISH_IN: Partial<Record<AppLocale, readonly string[]>> = {
  fr: [
    'Administration',
    'Menu',
    'Invitations',
    'Description',
    'Code',
    'Impact',
    'Direction',
    'Version',
    'Note',
    'Option',
    'Parties',
    'Action',
    'Question',
    'Notifications',
    'images',
    'correction',
  ],
};

type Catalogue = { readonly [key: string]: string | Catalogue };

export interface SameMessage {
  key: string;
  message: string;
}

/** Every message of a nested catalogue with its dotted key, in the file's order. */
export function flattenCatalogue(catalogue: Catalogue, prefix = ''): SameMessage[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [{ key: `${prefix}${key}`, message: value }]
      : flattenCatalogue(value, `${prefix}${key}.`),
  );
}

function literalsOf(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((element) => {
    if (element.type === TYPE.literal) return [element.value];
    if (element.type === TYPE.plural || element.type === TYPE.select)
      return Object.values(element.options).flatMap((option) => literalsOf(option.value));
    if (element.type === TYPE.tag) return literalsOf(element.children);
    return [];
  });
}

/** The runs of words a reader sees, without argument names: `"{code}: {status}"` → `[": "]`. */
export function messageLiterals(message: string): string[] {
  try {
    return literalsOf(parse(message));
  } catch {
    return [message.replace(/\{[^{}]*\}/g, ' ')];
  }
}

/** The words a reader sees, without argument names: `"{code}: {status}"` → `": "`. */
export const literalText = (message: string): string => messageLiterals(message).join(' ');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when nothing in the message needs translating: no letters left once the allowed words are taken out. */
export function needsNoTranslation(message: string, allowed: readonly string[]): boolean {
  let text = literalText(message);
  for (const word of [...allowed].sort((a, b) => b.length - a.length)) {
    text = text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'gu'), ' ');
  }
  return !/\p{L}/u.test(text);
}

/** The messages of `translated` identical to English, except those with nothing to translate. */
export function untranslatedMessages(
  english: Catalogue,
  translated: Catalogue,
  allowed: readonly string[] = SAME_IN_EVERY_LANGUAGE,
): SameMessage[] {
  const theirs = new Map(flattenCatalogue(translated).map(({ key, message }) => [key, message]));
  return flattenCatalogue(english).filter(
    ({ key, message }) => theirs.get(key) === message && !needsNoTranslation(message, allowed),
  );
}
