import 'server-only';
import { TRPCError } from '@trpc/server';
import type { ErrorKey } from '@/i18n/types';
import { ProblemError } from '../services/domain-error';

/** The cause of a TOO_MANY_REQUESTS error: when the caller may try again, and what to tell them. */
export class RetryLater extends ProblemError {
  constructor(
    key: ErrorKey,
    readonly retryAfterSeconds: number,
  ) {
    // The wait in whole minutes (0: a few seconds), for the message's plural.
    super({ key, args: { minutes: minutesOf(retryAfterSeconds) } });
  }
}

const minutesOf = (seconds: number) => (seconds >= 60 ? Math.ceil(seconds / 60) : 0);

/** A TOO_MANY_REQUESTS error whose message (`key`, with the `{minutes}` wait) says when to try again. */
export function tooManyRequests(key: ErrorKey, retryAfterSeconds: number): TRPCError {
  const cause = new RetryLater(key, retryAfterSeconds);
  return new TRPCError({ code: 'TOO_MANY_REQUESTS', message: cause.message, cause });
}

/** The longest wait any of these errors asks for, in seconds (0 when none does). */
export function retryAfterSecondsOf(errors: readonly TRPCError[]): number {
  return Math.max(0, ...errors.map((error) => (error.cause instanceof RetryLater ? error.cause.retryAfterSeconds : 0)));
}
