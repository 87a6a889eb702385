import 'server-only';
import { translatorFor } from '@/i18n/catalogues';
import { problemLine } from '@/i18n/problem';
import type { Problem } from '@/i18n/types';

export type DomainErrorCode = 'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';

const english = translatorFor('en');

/** A problem as English, for logs, API callers and tests (the tRPC layer renders it in the reader's language). */
export const englishLine = (problem: Problem) => problemLine(english, problem);

/** An error that carries a Problem: its message is the English rendering. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(englishLine(problem));
    this.name = 'ProblemError';
  }
}

/** Thrown by services; the tRPC layer maps `code` to the matching TRPCError. */
export class DomainError extends ProblemError {
  constructor(
    readonly code: DomainErrorCode,
    problem: Problem,
  ) {
    super(problem);
    this.name = 'DomainError';
  }
}
