import { hasForbiddenCharacters } from '@/shared/unsafe-characters';
import type { Problem } from '@/i18n/types';
import { z } from 'zod';

// Pure rules for versions of a compact text, shared by the server and the browser forms.

/** `auto`: made by the server while people edit; `named`: made by an admin or negotiator ("Rev.1"). */
export const VERSION_KINDS = ['auto', 'named'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export const VERSION_LIMITS = { name: 120, symbol: 80, note: 2000 } as const;

/** Most versions one page of the history lists. */
export const MAX_VERSIONS_PER_PAGE = 100;
export const DEFAULT_VERSIONS_PER_PAGE = 50;

/** A document symbol as the UN writes them: `S/2027/123/Rev.1`, `A/RES/78/1`, `E/CN.6/2027/L.3`. */
export const VERSION_SYMBOL_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9/.()*\- ]*[A-Za-z0-9.)*])?$/;

/** Length in characters (code points), as limits count them. */
export const characters = (text: string) => [...text].length;

export interface VersionLabel {
  name: string;
  symbol?: string | null;
  note?: string | null;
}

/** The label of a named version as stored: trimmed, NFC, empty symbol and note as null. */
export function normaliseVersionLabel(label: VersionLabel): {
  name: string;
  symbol: string | null;
  note: string | null;
} {
  const clean = (text: string | null | undefined) => {
    const trimmed = (text ?? '').trim().normalize('NFC');
    return trimmed === '' ? null : trimmed;
  };
  return { name: clean(label.name) ?? '', symbol: clean(label.symbol), note: clean(label.note) };
}

/** What is wrong with a named version's label, field by field (empty when it is fine). */
export function versionLabelProblems(label: VersionLabel): (Problem & { field: keyof VersionLabel })[] {
  const { name, symbol, note } = normaliseVersionLabel(label);
  const problems: (Problem & { field: keyof VersionLabel })[] = [];
  if (name === '') problems.push({ field: 'name', key: 'errors.version.giveVersionName' });
  else if (characters(name) > VERSION_LIMITS.name)
    problems.push({ field: 'name', key: 'errors.version.mostCharacters', args: { max: VERSION_LIMITS.name } });
  else if (hasForbiddenCharacters(name, { multiline: false }))
    problems.push({ field: 'name', key: 'errors.version.nameCannotContainControl' });
  if (symbol !== null && characters(symbol) > VERSION_LIMITS.symbol)
    problems.push({ field: 'symbol', key: 'errors.version.mostCharacters', args: { max: VERSION_LIMITS.symbol } });
  else if (symbol !== null && !VERSION_SYMBOL_PATTERN.test(symbol))
    problems.push({ field: 'symbol', key: 'errors.version.documentSymbolUsesLetters' });
  if (note !== null && characters(note) > VERSION_LIMITS.note)
    problems.push({ field: 'note', key: 'errors.version.mostCharacters', args: { max: VERSION_LIMITS.note } });
  else if (note !== null && hasForbiddenCharacters(note, { multiline: true }))
    problems.push({ field: 'note', key: 'errors.version.noteCannotContainControl' });
  return problems;
}

/** The input of "name a version", bounded before any check runs (four bytes a character at most). */
export const versionLabelSchema = z.object({
  name: z.string().max(VERSION_LIMITS.name * 4),
  symbol: z
    .string()
    .max(VERSION_LIMITS.symbol * 4)
    .nullish(),
  note: z
    .string()
    .max(VERSION_LIMITS.note * 4)
    .nullish(),
});
