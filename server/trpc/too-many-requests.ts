import 'server-only';
import { TRPCError } from '@trpc/server';

/** The cause of a TOO_MANY_REQUESTS error: when the caller may try again. */
export class RetryLater extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Retry after ${retryAfterSeconds} s.`);
  }
}

export function tooManyRequests(message: string, retryAfterSeconds: number): TRPCError {
  return new TRPCError({ code: 'TOO_MANY_REQUESTS', message, cause: new RetryLater(retryAfterSeconds) });
}

/** The longest wait any of these errors asks for, in seconds (0 when none does). */
export function retryAfterSecondsOf(errors: readonly TRPCError[]): number {
  return Math.max(0, ...errors.map((error) => (error.cause instanceof RetryLater ? error.cause.retryAfterSeconds : 0)));
}

/** "in 3 minutes" / "in a few seconds", for messages. */
export function waitInWords(seconds: number): string {
  return seconds >= 60 ? `in ${Math.ceil(seconds / 60)} minutes` : 'in a few seconds';
}
