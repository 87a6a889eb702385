import { z } from 'zod';
import type { Problem } from '@/i18n/types';

// Control characters, line/paragraph separators and bidirectional overrides/isolates, which can
// make one name display as another (or put a line of their own into an e-mail). Zero-width
// joiners stay allowed: several scripts need them.
export const FORBIDDEN_CHARACTERS = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const MULTILINE_CONTROLS_ALLOWED = /[\n\t]/g;

/**
 * Whether free text holds control, line/paragraph-separator or text-direction characters (a text
 * that may run over lines, such as a note, may hold line breaks and tabs).
 */
export function hasForbiddenCharacters(text: string, { multiline }: { multiline: boolean }): boolean {
  return FORBIDDEN_CHARACTERS.test(multiline ? text.replace(MULTILINE_CONTROLS_ALLOWED, ' ') : text);
}

/** A one-line name or title in router inputs: trimmed, bounded, and refused with control or text-direction characters. */
export function singleLineText(min: number, max: number) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((text) => !FORBIDDEN_CHARACTERS.test(text), {
      params: { problem: { key: 'errors.version.nameCannotContainControl' } satisfies Problem },
    });
}

/**
 * Free text that may run over lines in router inputs (a note, a reason, a comment): trimmed,
 * bounded, line breaks and tabs allowed, refused with other control or text-direction characters.
 */
export function multilineText(min: number, max: number) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((text) => !hasForbiddenCharacters(text, { multiline: true }), {
      params: { problem: { key: 'errors.text.cannotContainControl' } satisfies Problem },
    });
}
