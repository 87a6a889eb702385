import type { Problem } from '@/i18n/types';
// The rules of the targets table (many periods' and years' targets saved at once). Pure: the form
// checks each row as the person types and the server applies the same rules to the whole batch.
import { targetValueProblem } from './indicator-rules';
import { parseNumberInput } from './number-input';

/** The most rows one save of the targets table carries (every period of a long compact, and its years). */
export const MAX_TARGET_TABLE_ROWS = 400;

/** The longest text accepted in one target cell. */
export const MAX_TARGET_TEXT_LENGTH = 40;

/**
 * One changed row: a period's or a year's target, set to the number typed (as typed) or cleared.
 * Clearing is said explicitly: an empty cell is never a clear.
 */
export type TargetTableRow = ({ periodId: string; year?: undefined } | { periodId?: undefined; year: number }) &
  ({ value: string; clear?: undefined } | { value?: undefined; clear: true });

export type TargetRowReading = { ok: true; value: number | null } | { ok: false; problem: Problem };

/**
 * What one row sets (null: the target is cleared), or its problem, naming the row by `label`: a
 * comma or anything else than a plain number, an empty cell (clear it explicitly instead), or a
 * value the indicator's measure refuses (a percentage outside 0–100).
 */
export function readTargetRow(label: string, measure: string, row: TargetTableRow): TargetRowReading {
  if (row.clear) return { ok: true, value: null };
  const parsed = parseNumberInput(row.value);
  if (!parsed.ok) return { ok: false, problem: { ...parsed.problem, field: label } };
  if (parsed.value === null) return { ok: false, problem: { key: 'errors.targetTable.enterNumber', field: label } };
  const problem = targetValueProblem({ measure }, parsed.value);
  return problem ? { ok: false, problem: { ...problem, field: label } } : { ok: true, value: parsed.value };
}
