import { progressValueProblem, type ValueRulesIndicator, type ValueRulesInput } from '../../../server/services/framework/progress-rules';

/** Parses "north=4; south=6" into { north: 4, south: 6 }; throws with a message a person can act on. */
export function parseCategories(text: string): Record<string, number> {
  const result: Record<string, number> = {};
  for (const part of text.split(/[;\n]/).map((p) => p.trim()).filter(Boolean)) {
    const [name, raw] = part.split('=').map((s) => s?.trim() ?? '');
    const value = Number((raw ?? '').replace(',', '.'));
    if (!name || raw === '' || !Number.isFinite(value)) throw new Error(`“${part}” should look like north=4`);
    result[name] = value;
  }
  return result;
}

export function formatCategories(values: Record<string, number> | undefined): string {
  return Object.entries(values ?? {}).map(([k, v]) => `${k}=${v}`).join('; ');
}

/** Checks before anything is sent: the number parsed, then the same rules the server enforces. */
export function checkProgress(indicator: ValueRulesIndicator, input: ValueRulesInput): string | null {
  if (input.value !== null && !Number.isFinite(input.value)) return 'The value must be a number.';
  return progressValueProblem(indicator, input);
}
