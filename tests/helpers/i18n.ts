import { translatorFor } from '@/i18n/catalogues';
import { problemLine } from '@/i18n/problem';
import type { Problem } from '@/i18n/types';

/** The English translator, for helpers that take `t` outside React. */
export const enT = translatorFor('en');

/** A problem as an English line (`field: text`), or '' for none: what tests assert on. */
export function english(problem: Problem | null | undefined): string {
  return problem ? problemLine(enT, problem) : '';
}

/** CSV errors with their problems as English lines (`reason`), as tests compare them. */
export function englishRows(errors: readonly { row: number; column: string; problem: Problem }[]) {
  return errors.map(({ row, column, problem }) => ({ row, column, reason: english(problem) }));
}
