import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { user } from '@/db/schema/auth';
import type { AppLocale } from '@/i18n/locales';
import { accountLevel, recordAuditEvent } from './audit';

/**
 * Saves the interface language of an account (used on every later request, on any browser, and
 * for its e-mails). A change is audited in the instance's chain, like the account's password
 * reset; choosing the language it already has changes nothing and records nothing.
 */
export function setAccountLocale(db: Db, actor: { userId: string }, locale: AppLocale): { changed: boolean } {
  return db.transaction((tx) => {
    const [row] = tx.select({ locale: user.locale }).from(user).where(eq(user.id, actor.userId)).all();
    if (!row || row.locale === locale) return { changed: false };
    tx.update(user).set({ locale, updatedAt: new Date() }).where(eq(user.id, actor.userId)).run();
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
