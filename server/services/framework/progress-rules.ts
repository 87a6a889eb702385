// The rules a progress value must meet, shared by the server (which enforces them) and the
// progress form (which shows them before anything is sent). Pure: no server imports.

export interface ValueRulesIndicator {
  measure: string;
  disaggregation: string[];
}

export interface ValueRulesInput {
  value: number | null;
  rating: string | null;
  disaggregated: Record<string, Record<string, number>>;
}

const TOLERANCE = 1e-9;

/** What is wrong with a value for this indicator, or null when nothing is. */
export function progressValueProblem(indicator: ValueRulesIndicator, input: ValueRulesInput): string | null {
  const { value } = input;
  if (indicator.measure === 'qualitative' && value !== null) return 'A qualitative indicator takes a rating and a narrative, not a number.';
  if (indicator.measure !== 'qualitative' && input.rating !== null) return 'Only qualitative indicators take a rating.';
  if (indicator.measure === 'percentage' && value !== null && (value < 0 || value > 100)) return 'A percentage lies between 0 and 100.';
  for (const [dimension, categories] of Object.entries(input.disaggregated)) {
    if (!indicator.disaggregation.includes(dimension)) return `“${dimension}” is not a disaggregation of this indicator.`;
    const sum = Object.values(categories).reduce((a, b) => a + b, 0);
    if (value === null) return `The values by ${dimension} add up to ${sum}, but the total is empty.`;
    if (Math.abs(sum - value) > TOLERANCE * Math.max(1, Math.abs(value))) return `The values by ${dimension} add up to ${sum}, not to ${value} (the total).`;
  }
  return null;
}
