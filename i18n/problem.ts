import type { MessageKey, Problem, Translate } from './types';

/** A problem in the language of `t` (without its field: forms show it beside the field). */
export function problemText(t: Translate, problem: Omit<Problem, 'field'>): string {
  const details = problem.details?.map((detail) => problemLine(t, detail)).join(' ');
  const args = details === undefined ? problem.args : { ...problem.args, details };
  return t(problem.key as MessageKey, args as never);
}

/** A problem as one line for API callers and logs: `field: text` when it is about a field. */
export function problemLine(t: Translate, problem: Problem): string {
  const text = problemText(t, problem);
  return problem.field ? `${problem.field}: ${text}` : text;
}

/** The problem without its field (where the field is said otherwise: an item's field, a CSV column). */
export const withoutField = ({ key, args, details }: Problem): Problem => ({
  key,
  ...(args ? { args } : {}),
  ...(details ? { details } : {}),
});

/** The same problem about another field (a rule's problem reported under the input's field name). */
export const atField = (problem: Problem, field: string): Problem => ({ ...problem, field });
