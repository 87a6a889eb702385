import type { ServerKind } from './servers';
import { median, round } from './stats';

/** One line of the results table (and of the JSON file). */
export interface Row {
  measure: string;
  ours: number | string | boolean | null;
  reference: number | string | boolean | null;
  ratio: number | null;
  goal: string;
  met: boolean;
}

export type Goal =
  | { kind: 'ratio-at-most'; value: number }
  | { kind: 'ratio-at-least'; value: number }
  | { kind: 'at-most'; value: number }
  | { kind: 'equals'; value: number | boolean }
  | { kind: 'reported' };

function describe(goal: Goal): string {
  switch (goal.kind) {
    case 'ratio-at-most':
      return `≤ ${goal.value}× ref`;
    case 'ratio-at-least':
      return `≥ ${goal.value}× ref`;
    case 'at-most':
      return `< ${goal.value}`;
    case 'equals':
      return `= ${goal.value}`;
    case 'reported':
      return '(reported)';
  }
}

export function row(measure: string, ours: Row['ours'], reference: Row['reference'], goal: Goal): Row {
  const ratio =
    typeof ours === 'number' && typeof reference === 'number' && reference !== 0 ? round(ours / reference, 2) : null;
  let met = true;
  if (goal.kind === 'ratio-at-most') met = ratio !== null && ratio <= goal.value;
  if (goal.kind === 'ratio-at-least') met = ratio !== null && ratio >= goal.value;
  if (goal.kind === 'at-most') met = typeof ours === 'number' && ours < goal.value;
  if (goal.kind === 'equals') met = ours === goal.value;
  return {
    measure,
    ours: typeof ours === 'number' ? round(ours, 2) : ours,
    reference: typeof reference === 'number' ? round(reference, 2) : reference,
    ratio,
    goal: describe(goal),
    met,
  };
}

/** Runs `measure` `runs` times per server, alternating which server goes first. */
export async function alternate<T>(
  runs: number,
  measure: (kind: ServerKind, run: number) => Promise<T>,
): Promise<Record<ServerKind, T[]>> {
  const results: Record<ServerKind, T[]> = { ours: [], reference: [] };
  for (let run = 0; run < runs; run++) {
    const order: ServerKind[] = run % 2 === 0 ? ['ours', 'reference'] : ['reference', 'ours'];
    for (const kind of order) results[kind].push(await measure(kind, run));
  }
  return results;
}

export function medianOf<T>(values: T[], pick: (value: T) => number): number {
  return median(values.map(pick));
}
