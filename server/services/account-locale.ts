import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { user } from '@/db/schema/auth';
import type { AppLocale } from '@/i18n/locales';
import { blockedUntil, countAttempt, secondsUntil } from '../auth/attempt-throttle';
import { accountLevel, recordAuditEvent } from './audit';

/**
 * Each change is an event in the instance's audit chain: an account changes its language at most
 * this many times an hour (a person trying the languages stays far below), so a script cannot
 * flood the chain with them.
 */
export const LOCALE_CHANGES_PER_WINDOW = 20;
export const LOCALE_CHANGE_WINDOW_MS = 60 * 60 * 1000;

/**
 * Saves the interface language of an account (used on every later request, on any browser, and
 * for its e-mails). A change is audited in the instance's chain, like the account's password
 * reset; choosing the language it already has changes nothing and records nothing. Past the
 * hourly limit nothing changes, and `retryAfterSeconds` says when it may.
 */
export function setAccountLocale(
  db: Db,
  actor: { userId: string },
  locale: AppLocale,
  now = Date.now(),
): { changed: boolean; retryAfterSeconds?: number } {
  const key = `locale-change:${actor.userId}`;
  return db.transaction((tx) => {
    const [row] = tx.select({ locale: user.locale }).from(user).where(eq(user.id, actor.userId)).all();
    if (!row || row.locale === locale) return { changed: false };
    const retryAfterSeconds = secondsUntil(
      [blockedUntil(tx, key, { max: LOCALE_CHANGES_PER_WINDOW, windowMs: LOCALE_CHANGE_WINDOW_MS }, now)],
      now,
    );
    if (retryAfterSeconds > 0) return { changed: false, retryAfterSeconds };
    countAttempt(tx, key, LOCALE_CHANGE_WINDOW_MS, now);
    tx.update(user)
      .set({ locale, updatedAt: new Date(now) })
      .where(eq(user.id, actor.userId))
      .run();
    recordAuditEvent(tx, accountLevel(actor), {
      compactId: null,
      action: 'account.locale-changed',
      entityType: 'user',
      entityId: actor.userId,
      before: { locale: row.locale },
      after: { locale },
    });
    return { changed: true };
  });
}
