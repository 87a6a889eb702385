import type { Problem } from '@/i18n/types';
import {
  progressValueProblem,
  type ValueRulesIndicator,
  type ValueRulesInput,
} from '@/shared/framework/progress-rules';
import { dictionary, reservedKeyProblem } from '@/shared/reserved-keys';
import { parseNumberInput } from '@/shared/framework/number-input';

/** Thrown by parseCategories: the problem a person can act on. */
export class CategoryProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.key);
  }
}

/** Parses "north=4; south=6" into { north: 4, south: 6 } (no prototype); throws a CategoryProblem. */
export function parseCategories(text: string): Record<string, number> {
  const result = dictionary<number>();
  for (const part of text
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, raw] = part.split('=').map((s) => s?.trim() ?? '');
    const parsed = parseNumberInput(raw ?? '');
    if (!parsed.ok) throw new CategoryProblem(parsed.problem);
    const value = parsed.value;
    if (!name || value === null)
      throw new CategoryProblem({ key: 'errors.progressForm.categoryShape', args: { part } });
    const reserved = reservedKeyProblem(name, 'category');
    if (reserved) throw new CategoryProblem(reserved);
    result[name] = value;
  }
  return result;
}

/** The categories stored for one dimension, as "north=4; south=6" (own keys only). */
export function formatCategories(
  values: Record<string, Record<string, number>> | undefined,
  dimension: string,
): string {
  const categories = values && Object.hasOwn(values, dimension) ? values[dimension] : undefined;
  return Object.entries(categories ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}

/** Checks before anything is sent: the number parsed, then the same rules the server enforces. */
export function checkProgress(indicator: ValueRulesIndicator, input: ValueRulesInput): Problem | null {
  if (input.value !== null && !Number.isFinite(input.value)) return { key: 'errors.progressForm.notNumber' };
  return progressValueProblem(indicator, input);
}
