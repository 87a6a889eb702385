import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { emailPreferences, notifications } from '@/db/schema/notifications';
import { DEFAULT_LOCALE, type AppLocale } from '@/i18n/locales';
import { ALWAYS_EMAILED, type NotificationArgs, type NotificationKind } from '@/shared/notifications/kinds';
import { newId } from '../ids';
import { emailText } from '../mail/email-text';
import { enqueueEmails } from '../mail/outbox';
import { mailConfigured } from '../mail/transport';
import { activeAccounts } from './recipients';

export interface Notice {
  kind: NotificationKind;
  compactId: string | null;
  /** The app page it is about ("/compacts/…"); shown in the bell and linked from the e-mail. */
  href: string | null;
  args: NotificationArgs;
  /** The same key reaches each person once (e.g. one deadline alert per period, indicator, party and kind). */
  dedupeKey?: string;
  /** The link the e-mail carries instead of `href` (a one-time link: never stored in the bell). */
  emailPath?: string;
  /**
   * The language of the e-mail to an account that never chose one (the language of an invitation,
   * or of the page a signed-out person asked from); English when not given.
   */
  fallbackLocale?: AppLocale;
}

/** Of these people, those who switched this kind of e-mail off. */
function optedOut(tx: DbOrTx, userIds: string[], kind: NotificationKind): Set<string> {
  if (ALWAYS_EMAILED.includes(kind) || userIds.length === 0) return new Set();
  return new Set(
    tx
      .select({ userId: emailPreferences.userId })
      .from(emailPreferences)
      .where(
        and(
          inArray(emailPreferences.userId, userIds),
          eq(emailPreferences.kind, kind),
          eq(emailPreferences.enabled, false),
        ),
      )
      .all()
      .map((row) => row.userId),
  );
}

/**
 * Tells people about a change, inside the transaction that makes it (so a change that rolls back
 * tells no one): a notification in each one's bell and, when e-mail is configured and they want
 * this kind, an e-mail queued in the outbox. The person who acted is never told of their own
 * action; deactivated accounts are not told; with a `dedupeKey`, nobody is told twice. Returns
 * how many people were told.
 */
export function notify(tx: DbOrTx, actorUserId: string | null, recipients: Iterable<string>, notice: Notice): number {
  const accounts = activeAccounts(
    tx,
    [...new Set(recipients)].filter((id) => id !== actorUserId),
  );
  if (accounts.length === 0) return 0;
  const now = new Date();
  const args = JSON.stringify(notice.args);
  const told = tx
    .insert(notifications)
    .values(
      accounts.map((account) => ({
        id: newId(),
        userId: account.id,
        kind: notice.kind,
        compactId: notice.compactId,
        href: notice.href,
        args,
        dedupeKey: notice.dedupeKey ?? null,
        createdAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ userId: notifications.userId })
    .all()
    .map((row) => row.userId);
  if (told.length > 0 && mailConfigured()) {
    const off = optedOut(tx, told, notice.kind);
    const byId = new Map(accounts.map((account) => [account.id, account]));
    const wanted = told.filter((id) => !off.has(id)).map((id) => byId.get(id)!);
    // Each e-mail in its recipient's language: rendered once per language, not once per person.
    const texts = new Map<AppLocale, ReturnType<typeof emailText>>();
    const textIn = (locale: AppLocale) => {
      if (!texts.has(locale))
        texts.set(locale, emailText(notice.kind, notice.args, notice.emailPath ?? notice.href, locale));
      return texts.get(locale)!;
    };
    enqueueEmails(
      tx,
      wanted.map((account) => ({
        kind: notice.kind,
        to: account.email,
        ...textIn(account.locale ?? notice.fallbackLocale ?? DEFAULT_LOCALE),
      })),
      now,
    );
  }
  return told.length;
}

/** E-mails someone who has no account yet (an invitation), in the language chosen for them: no bell, the e-mail only. */
export function emailAddress(
  tx: DbOrTx,
  to: string,
  notice: Pick<Notice, 'kind' | 'args'> & { emailPath: string; locale: AppLocale },
): void {
  if (!mailConfigured()) return;
  enqueueEmails(tx, [
    { kind: notice.kind, to, ...emailText(notice.kind, notice.args, notice.emailPath, notice.locale) },
  ]);
}
