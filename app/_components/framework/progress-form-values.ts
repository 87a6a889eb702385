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

/** Client-side checks mirrored from the server, so mistakes show before anything is sent. */
export function checkProgress(measure: string, value: number | null, disaggregated: Record<string, Record<string, number>>): string | null {
  if (value !== null && !Number.isFinite(value)) return 'The value must be a number.';
  if (measure === 'percentage' && value !== null && (value < 0 || value > 100)) return 'A percentage lies between 0 and 100.';
  for (const [dimension, categories] of Object.entries(disaggregated)) {
    const sum = Object.values(categories).reduce((a, b) => a + b, 0);
    if (value === null || Math.abs(sum - value) > 1e-9) return `The values by ${dimension} add up to ${sum}, not to ${value ?? '(empty)'}.`;
  }
  return null;
}
