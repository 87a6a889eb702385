import { problemLine } from './problem';
import type { ErrorKey, Problem, Translate } from './types';

/** One input problem as the API answers it (`data.zodIssues`): where, Zod's code and bounds, and a shared rule's problem. */
export interface InputIssue {
  path: string;
  code: string;
  minimum?: number;
  maximum?: number;
  problem?: Problem;
}

/** The Zod issue codes with their own message under `errors.input` (any other reads as `invalid`). */
export const INPUT_ISSUE_CODES = ['invalid_type', 'too_small', 'too_big', 'invalid_format', 'invalid_value'] as const;

/** An input issue as a Problem: a shared rule's own, or `errors.input.<code>` with its bound. */
export function inputIssueProblem(issue: InputIssue): Problem {
  const field = issue.path || undefined;
  if (issue.problem) return { ...issue.problem, field };
  const known = (INPUT_ISSUE_CODES as readonly string[]).includes(issue.code);
  const bound = issue.code === 'too_small' ? issue.minimum : issue.code === 'too_big' ? issue.maximum : 0;
  const code = known && bound !== undefined ? issue.code : 'invalid';
  const args = {
    ...(issue.minimum !== undefined ? { minimum: issue.minimum } : {}),
    ...(issue.maximum !== undefined ? { maximum: issue.maximum } : {}),
  };
  return { key: `errors.input.${code}` as ErrorKey, args, field };
}

/** Input issues as one text in the language of `t`: each with its field, in order. */
export function inputIssuesText(t: Translate, issues: readonly InputIssue[]): string {
  return issues.map((issue) => problemLine(t, inputIssueProblem(issue))).join(' ');
}

/** Whether a value received from the server is a Problem. */
export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).key === 'string';
}
