import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { emailPreferences, notifications } from '@/db/schema/notifications';
import { DEFAULT_LOCALE, type AppLocale } from '@/i18n/locales';
import { ALWAYS_EMAILED, type NotificationArgs, type NotificationKind } from '@/shared/notifications/kinds';
import { readInSlices } from '../batch-writes';
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

/** A notice and the people it is for. */
export interface Addressed {
  recipients: Iterable<string>;
  notice: Notice;
}

/** Notifications one statement inserts (8 values each, far below SQLite's limit on bound values). */
const ROWS_PER_INSERT = 500;

/** Of these (person, kind) pairs, those switched off by e-mail, as `person kind`. */
function optedOut(tx: DbOrTx, told: readonly { userId: string; kind: NotificationKind }[]): Set<string> {
  const optional = told.filter((row) => !ALWAYS_EMAILED.includes(row.kind));
  if (optional.length === 0) return new Set();
  const kinds = [...new Set(optional.map((row) => row.kind))];
  return new Set(
    readInSlices([...new Set(optional.map((row) => row.userId))], (slice) =>
      tx
        .select({ userId: emailPreferences.userId, kind: emailPreferences.kind })
        .from(emailPreferences)
        .where(
          and(
            inArray(emailPreferences.userId, slice),
            inArray(emailPreferences.kind, kinds),
            eq(emailPreferences.enabled, false),
          ),
        )
        .all(),
    ).map((row) => `${row.userId} ${row.kind}`),
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
  return notifyAll(tx, actorUserId, [{ recipients, notice }]);
}

/**
 * `notify` for many notices at once (a bulk decision, a deadline sweep): the accounts, their
 * e-mail choices, the notifications and the e-mails are each read or written with one statement
 * for all the notices, not one per notice.
 */
export function notifyAll(tx: DbOrTx, actorUserId: string | null, addressed: readonly Addressed[]): number {
  const wanted = addressed.map(({ recipients }) => [...new Set(recipients)].filter((id) => id !== actorUserId));
  const accounts = new Map(activeAccounts(tx, [...new Set(wanted.flat())]).map((account) => [account.id, account]));
  if (accounts.size === 0) return 0;
  const now = new Date();
  const noticeOf = new Map<string, Notice>();
  const rows = addressed.flatMap(({ notice }, index) => {
    const args = JSON.stringify(notice.args);
    return wanted[index]!.filter((userId) => accounts.has(userId)).map((userId) => {
      const id = newId();
      noticeOf.set(id, notice);
      return {
        id,
        userId,
        kind: notice.kind,
        compactId: notice.compactId,
        href: notice.href,
        args,
        dedupeKey: notice.dedupeKey ?? null,
        createdAt: now,
      };
    });
  });
  const told: { id: string; userId: string; kind: NotificationKind }[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT)
    told.push(
      ...tx
        .insert(notifications)
        .values(rows.slice(start, start + ROWS_PER_INSERT))
        .onConflictDoNothing()
        .returning({ id: notifications.id, userId: notifications.userId, kind: notifications.kind })
        .all(),
    );
  if (told.length > 0 && mailConfigured()) {
    const off = optedOut(tx, told);
    // Each e-mail in its recipient's language: rendered once per notice and language, not once per person.
    const texts = new Map<Notice, Map<AppLocale, ReturnType<typeof emailText>>>();
    const textOf = (notice: Notice, locale: AppLocale) => {
      const inLocales = texts.get(notice) ?? new Map<AppLocale, ReturnType<typeof emailText>>();
      texts.set(notice, inLocales);
      if (!inLocales.has(locale))
        inLocales.set(locale, emailText(notice.kind, notice.args, notice.emailPath ?? notice.href, locale));
      return inLocales.get(locale)!;
    };
    enqueueEmails(
      tx,
      told
        .filter((row) => !off.has(`${row.userId} ${row.kind}`))
        .map((row) => {
          const notice = noticeOf.get(row.id)!;
          const account = accounts.get(row.userId)!;
          return {
            kind: notice.kind,
            to: account.email,
            ...textOf(notice, account.locale ?? notice.fallbackLocale ?? DEFAULT_LOCALE),
          };
        }),
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
