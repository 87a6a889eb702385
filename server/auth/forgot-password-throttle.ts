import 'server-only';
import type { DbOrTx } from '@/db/client';
import { blockedUntil, countAttempt, secondsUntil } from './attempt-throttle';

/**
 * "Forgot password?" requests are counted per e-mail address (so nobody floods a person's inbox)
 * and per client address (so nobody sprays addresses), every request alike — known address or
 * not — so the limits reveal nothing about which addresses have accounts.
 */
export const FORGOT_PASSWORD_WINDOW_MS = 60 * 60 * 1000;
export const FORGOT_PASSWORD_MAX_PER_EMAIL = 3;
export const FORGOT_PASSWORD_MAX_PER_ADDRESS = 10;

const keys = (email: string, address: string) => ({
  email: `forgot-password:email:${email}`,
  address: `forgot-password:address:${address}`,
});

/** Seconds until this e-mail may be asked for from this address again, or 0. */
export function forgotPasswordRetryAfterSeconds(db: DbOrTx, email: string, address: string, now = Date.now()) {
  const k = keys(email, address);
  const windowMs = FORGOT_PASSWORD_WINDOW_MS;
  return secondsUntil(
    [
      blockedUntil(db, k.email, { max: FORGOT_PASSWORD_MAX_PER_EMAIL, windowMs }, now),
      blockedUntil(db, k.address, { max: FORGOT_PASSWORD_MAX_PER_ADDRESS, windowMs }, now),
    ],
    now,
  );
}

export function countForgotPasswordRequest(db: DbOrTx, email: string, address: string, now = Date.now()) {
  const k = keys(email, address);
  countAttempt(db, k.email, FORGOT_PASSWORD_WINDOW_MS, now);
  countAttempt(db, k.address, FORGOT_PASSWORD_WINDOW_MS, now);
}
