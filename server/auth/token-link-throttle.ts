import 'server-only';
import type { DbOrTx } from '@/db/client';
import { config } from '../config';
import { blockedUntil, countAttempt, secondsUntil, uncountAttempt } from './attempt-throttle';

/**
 * Invitation and password-reset links are used without signing in, so their procedures are
 * counted per client address like sign-in: every use counts when it starts (parallel requests
 * cannot slip past the limit) and is taken back when it succeeds, so only failures add up.
 */
export const TOKEN_LINK_WINDOW_MS = 15 * 60 * 1000;

const key = (address: string) => `token-link:${address}`;

/** Seconds until this address may use a link again, or 0. */
export function tokenLinkRetryAfterSeconds(db: DbOrTx, address: string, now = Date.now()): number {
  return secondsUntil(
    [blockedUntil(db, key(address), { max: config.tokenLinkMaxFailures, windowMs: TOKEN_LINK_WINDOW_MS }, now)],
    now,
  );
}

export function countTokenLinkAttempt(db: DbOrTx, address: string, now = Date.now()): void {
  countAttempt(db, key(address), TOKEN_LINK_WINDOW_MS, now);
}

export function forgiveTokenLinkAttempt(db: DbOrTx, address: string): void {
  uncountAttempt(db, key(address));
}
