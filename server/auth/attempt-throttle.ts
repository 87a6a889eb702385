import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { signInFailures } from '@/db/schema/auth';

/**
 * Fixed-window attempt counters kept in SQLite (so every process and restart sees the same
 * counts), one row per key. Sign-in and the public token-link procedures count against keys
 * with their own prefixes.
 */
export interface AttemptLimit {
  max: number;
  windowMs: number;
}

function attemptsIn(db: DbOrTx, key: string, windowMs: number, now: number) {
  const [row] = db.select().from(signInFailures).where(eq(signInFailures.key, key)).all();
  if (!row || now - row.windowStartedAt.getTime() >= windowMs) return { count: 0, retryAt: now };
  return { count: row.failures, retryAt: row.windowStartedAt.getTime() + windowMs };
}

/** The moment (ms) until which `key` is blocked, or 0 when it has attempts left. */
export function blockedUntil(db: DbOrTx, key: string, limit: AttemptLimit, now = Date.now()): number {
  const attempts = attemptsIn(db, key, limit.windowMs, now);
  return attempts.count >= limit.max ? attempts.retryAt : 0;
}

/** Seconds from `now` until the latest of these moments, or 0 when none is in the future. */
export function secondsUntil(moments: number[], now = Date.now()): number {
  const latest = Math.max(0, ...moments);
  return latest > now ? Math.ceil((latest - now) / 1000) : 0;
}

/** Counts one attempt against `key`, starting a new window when the last one has passed. */
export function countAttempt(db: DbOrTx, key: string, windowMs: number, now = Date.now()): void {
  db.insert(signInFailures)
    .values({ key, failures: 1, windowStartedAt: new Date(now) })
    .onConflictDoUpdate({
      target: signInFailures.key,
      set: {
        failures: sql`CASE WHEN ${now} - ${signInFailures.windowStartedAt} >= ${windowMs} THEN 1 ELSE ${signInFailures.failures} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${now} - ${signInFailures.windowStartedAt} >= ${windowMs} THEN ${now} ELSE ${signInFailures.windowStartedAt} END`,
      },
    })
    .run();
}

/** Takes back one counted attempt (it turned out to be a success). */
export function uncountAttempt(db: DbOrTx, key: string): void {
  db.update(signInFailures)
    .set({ failures: sql`max(${signInFailures.failures} - 1, 0)` })
    .where(eq(signInFailures.key, key))
    .run();
}

/** Forgets every attempt counted against `key`. */
export function clearAttempts(db: DbOrTx, key: string): void {
  db.delete(signInFailures).where(eq(signInFailures.key, key)).run();
}
