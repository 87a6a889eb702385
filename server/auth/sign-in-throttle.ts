import 'server-only';
import type { DbOrTx } from '@/db/client';
import { blockedUntil, clearAttempts, countAttempt, secondsUntil, uncountAttempt } from './attempt-throttle';

/**
 * Failed sign-ins are counted per (account, address), so one person's typos do not lock out
 * a whole office behind one NAT address, and per address, to slow password spraying.
 */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
export const MAX_FAILURES_PER_ADDRESS = 50;

function keys(email: string, address: string) {
  return {
    account: `account:${email.trim().toLowerCase()}|${address}`,
    address: `address:${address}`,
  };
}

/** Seconds until another attempt is allowed, or 0 when the attempt may go ahead. */
export function signInRetryAfterSeconds(db: DbOrTx, email: string, address: string, now = Date.now()): number {
  const k = keys(email, address);
  return secondsUntil(
    [
      blockedUntil(db, k.account, { max: MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS, windowMs: SIGN_IN_WINDOW_MS }, now),
      blockedUntil(db, k.address, { max: MAX_FAILURES_PER_ADDRESS, windowMs: SIGN_IN_WINDOW_MS }, now),
    ],
    now,
  );
}

export function recordSignInFailure(db: DbOrTx, email: string, address: string, now = Date.now()): void {
  const k = keys(email, address);
  countAttempt(db, k.account, SIGN_IN_WINDOW_MS, now);
  countAttempt(db, k.address, SIGN_IN_WINDOW_MS, now);
}

/** After a successful sign-in: that account's count from that address starts over, and this attempt no longer counts against the address. */
export function clearSignInFailures(db: DbOrTx, email: string, address: string): void {
  const k = keys(email, address);
  clearAttempts(db, k.account);
  uncountAttempt(db, k.address);
}
