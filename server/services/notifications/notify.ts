import 'server-only';
import type { DbOrTx } from '@/db/client';
import { notifications } from '@/db/schema/notifications';
import type { NotificationArgs, NotificationKind } from '@/shared/notifications/kinds';
import { newId } from '../ids';
import { emailText } from '../mail/email-text';
import { enqueueEmail } from '../mail/outbox';
import { wantsEmail } from './email-preferences';
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
}

/**
 * Tells people about a change, inside the transaction that makes it (so a change that rolls back
 * tells no one): a notification in each one's bell and, when e-mail is configured and they want
 * this kind, an e-mail queued in the outbox. The person who acted is never told of their own
 * action; deactivated accounts are not told. Returns how many people were told.
 */
export function notify(tx: DbOrTx, actorUserId: string | null, recipients: Iterable<string>, notice: Notice): number {
  const ids = [...new Set(recipients)].filter((id) => id !== actorUserId);
  const now = new Date();
  let told = 0;
  for (const account of activeAccounts(tx, ids)) {
    const inserted = tx
      .insert(notifications)
      .values({
        id: newId(),
        userId: account.id,
        kind: notice.kind,
        compactId: notice.compactId,
        href: notice.href,
        args: JSON.stringify(notice.args),
        dedupeKey: notice.dedupeKey ?? null,
        createdAt: now,
      })
      .onConflictDoNothing()
      .run();
    if (inserted.changes === 0) continue;
    told++;
    if (wantsEmail(tx, account.id, notice.kind))
      enqueueEmail(
        tx,
        {
          kind: notice.kind,
          to: account.email,
          ...emailText(notice.kind, notice.args, notice.emailPath ?? notice.href),
        },
        now,
      );
  }
  return told;
}

/** E-mails someone who has no account yet (an invitation): no bell, the e-mail only. */
export function emailAddress(
  tx: DbOrTx,
  to: string,
  notice: Pick<Notice, 'kind' | 'args'> & { emailPath: string },
): void {
  enqueueEmail(tx, { kind: notice.kind, to, ...emailText(notice.kind, notice.args, notice.emailPath) });
}
