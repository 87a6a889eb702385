import 'server-only';
import { z } from 'zod';
import { translatorFor } from '@/i18n/catalogues';
import type { AppLocale } from '@/i18n/locales';
import { problemLine } from '@/i18n/problem';
import { inputIssuesText, isProblem, type InputIssue } from '@/i18n/input-issues';
import type { Problem } from '@/i18n/types';
import { englishLine, ProblemError } from '../services/domain-error';

// A shared rule's problem reported as a zod issue (shared/problem-issue.ts) carries no message: on
// the server it reads in English for API callers, logs and tests; the formatter sends the problem.
z.config({
  customError: (issue) => {
    const problem = (issue as { params?: { problem?: unknown } }).params?.problem;
    return isProblem(problem) ? englishLine(problem) : undefined;
  },
});

const bound = (value: unknown) => (typeof value === 'number' || typeof value === 'bigint' ? Number(value) : undefined);

export function zodIssueShape(issue: z.core.$ZodIssue): InputIssue {
  const params = 'params' in issue ? (issue.params as { problem?: unknown } | undefined) : undefined;
  return {
    path: issue.path.join('.'),
    code: issue.code,
    ...('minimum' in issue && bound(issue.minimum) !== undefined ? { minimum: bound(issue.minimum) } : {}),
    ...('maximum' in issue && bound(issue.maximum) !== undefined ? { maximum: bound(issue.maximum) } : {}),
    ...(isProblem(params?.problem) ? { problem: params.problem } : {}),
  };
}

/** A problem as a client is answered it: its text in the reader's language, and the problem itself to render. */
export function problemAnswer(problem: Problem, locale: AppLocale): { message: string; problem: Problem } {
  return { message: problemLine(translatorFor(locale), problem), problem };
}

/**
 * What an error answers, in the reader's language: `message` rendered from the problem (a
 * DomainError's, a ProblemError cause's, `errors.internal`, or the input issues) and the problem
 * itself, so the client renders it with its own translator.
 */
export function localisedError(
  error: { code: string; cause?: unknown },
  fallbackMessage: string,
  locale: AppLocale,
): { message: string; problem?: Problem; zodIssues?: InputIssue[] } {
  // An unexpected failure is logged on the server (fetch-handler.ts); its message never reaches a client.
  if (error.code === 'INTERNAL_SERVER_ERROR') return problemAnswer({ key: 'errors.internal' }, locale);
  if (error.cause instanceof ProblemError) return problemAnswer(error.cause.problem, locale);
  if (error.cause instanceof z.ZodError) {
    const zodIssues = error.cause.issues.map(zodIssueShape);
    return { message: inputIssuesText(translatorFor(locale), zodIssues), zodIssues };
  }
  return { message: fallbackMessage };
}
