import { inputIssuesText, isProblem, type InputIssue } from '@/i18n/input-issues';
import { problemText } from '@/i18n/problem';
import type { Translate } from '@/i18n/types';

function dataOf(error: object): Record<string, unknown> | null {
  const data = 'data' in error ? error.data : null;
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : null;
}

/**
 * The message of a failed call in the reader's language: the server's problem rendered with `t`,
 * else its input issues (through `errors.input.<code>`), else its message, else `errors.unknown`.
 */
export function errorMessage(error: unknown, t: Translate): string {
  if (error && typeof error === 'object') {
    const data = dataOf(error);
    if (isProblem(data?.problem)) return problemText(t, data.problem);
    const issues = Array.isArray(data?.zodIssues) ? (data.zodIssues as InputIssue[]) : [];
    if (issues.length > 0) return inputIssuesText(t, issues);
    if ('message' in error && typeof error.message === 'string' && error.message !== '') return error.message;
  }
  return t('errors.unknown');
}
