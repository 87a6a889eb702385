import type { Problem } from '@/i18n/types';
/**
 * Numbers as people type them into forms and CSV cells: a point for decimals, no thousands
 * separators. A comma is refused rather than guessed: "12,5" is twelve and a half to a French
 * reader and "1,500" fifteen hundred to an English one, and a count silently read either way would
 * be wrong data. (Reading numbers in the reader's own locale comes with the interface languages.)
 */
const PLAIN_NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

export type NumberInput = { ok: true; value: number | null } | { ok: false; problem: Problem };

/** An empty cell or field is no value (null); anything else must be a plain number. */
export function parseNumberInput(raw: string): NumberInput {
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  if (text.includes(','))
    return {
      ok: false,
      problem: { key: 'errors.number.comma', args: { text } },
    };
  const value = Number(text);
  if (!PLAIN_NUMBER.test(text) || !Number.isFinite(value))
    return { ok: false, problem: { key: 'errors.number.notNumber', args: { text } } };
  return { ok: true, value };
}
