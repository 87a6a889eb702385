import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { signInFailures } from '../../db/schema/auth';

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

function failuresIn(db: DbOrTx, key: string, now: number) {
  const [row] = db.select().from(signInFailures).where(eq(signInFailures.key, key)).all();
  if (!row || now - row.windowStartedAt.getTime() >= SIGN_IN_WINDOW_MS) return { count: 0, retryAt: now };
  return { count: row.failures, retryAt: row.windowStartedAt.getTime() + SIGN_IN_WINDOW_MS };
}

/** Seconds until another attempt is allowed, or 0 when the attempt may go ahead. */
export function signInRetryAfterSeconds(db: DbOrTx, email: string, address: string, now = Date.now()): number {
  const k = keys(email, address);
  const perAccount = failuresIn(db, k.account, now);
  const perAddress = failuresIn(db, k.address, now);
  const blockedUntil = Math.max(
    perAccount.count >= MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS ? perAccount.retryAt : 0,
    perAddress.count >= MAX_FAILURES_PER_ADDRESS ? perAddress.retryAt : 0,
  );
  return blockedUntil > now ? Math.ceil((blockedUntil - now) / 1000) : 0;
}

function bump(db: DbOrTx, key: string, now: number) {
  const windowStart = new Date(now);
  db.insert(signInFailures)
    .values({ key, failures: 1, windowStartedAt: windowStart })
    .onConflictDoUpdate({
      target: signInFailures.key,
      set: {
        failures: sql`CASE WHEN ${now} - ${signInFailures.windowStartedAt} >= ${SIGN_IN_WINDOW_MS} THEN 1 ELSE ${signInFailures.failures} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${now} - ${signInFailures.windowStartedAt} >= ${SIGN_IN_WINDOW_MS} THEN ${now} ELSE ${signInFailures.windowStartedAt} END`,
      },
    })
    .run();
}

export function recordSignInFailure(db: DbOrTx, email: string, address: string, now = Date.now()): void {
  const k = keys(email, address);
  bump(db, k.account, now);
  bump(db, k.address, now);
}

/** After a successful sign-in: that account's count from that address starts over, and this attempt no longer counts against the address. */
export function clearSignInFailures(db: DbOrTx, email: string, address: string): void {
  const k = keys(email, address);
  db.delete(signInFailures).where(eq(signInFailures.key, k.account)).run();
  db.update(signInFailures).set({ failures: sql`max(${signInFailures.failures} - 1, 0)` }).where(eq(signInFailures.key, k.address)).run();
}
