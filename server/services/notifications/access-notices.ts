import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { compacts } from '@/db/schema/compacts';
import { parties } from '@/db/schema/parties';
import type { AppLocale } from '@/i18n/locales';
import type { CompactRole } from '@/shared/roles';
import { notificationArgs } from './notification-args';
import { emailAddress, notify } from './notify';

/**
 * An invitation was issued: someone with an account sees it in the bell (it waits on "My
 * compacts") and is e-mailed the link; someone without one is e-mailed the link only. Call inside
 * the inviting transaction. The link is always shown to the admin as well. The e-mail is in the
 * invitation's language, or in the account's own when it has chosen one. The expiry is stored as
 * ISO and the role as its code: each reader sees them in their own language.
 */
export function noticeInvitation(
  tx: DbOrTx,
  actorUserId: string,
  invitation: {
    email: string;
    userId: string | null;
    compactId: string;
    partyId: string;
    role: CompactRole;
    path: string;
    expiresAt: Date;
    locale: AppLocale;
  },
) {
  const [compact] = tx
    .select({ title: compacts.title })
    .from(compacts)
    .where(eq(compacts.id, invitation.compactId))
    .all();
  const [party] = tx.select({ name: parties.name }).from(parties).where(eq(parties.id, invitation.partyId)).all();
  const [inviter] = tx.select({ name: user.name }).from(user).where(eq(user.id, actorUserId)).all();
  const args = notificationArgs({
    compact: compact?.title,
    party: party?.name,
    role: invitation.role,
    inviter: inviter?.name,
    expires: invitation.expiresAt.toISOString(),
  });
  if (invitation.userId)
    notify(tx, actorUserId, [invitation.userId], {
      kind: 'invitation',
      compactId: invitation.compactId,
      href: '/compacts',
      args,
      emailPath: invitation.path,
      fallbackLocale: invitation.locale,
    });
  else
    emailAddress(tx, invitation.email, {
      kind: 'invitation',
      args,
      emailPath: invitation.path,
      locale: invitation.locale,
    });
}

/**
 * A password-reset link was made for an account (by an administrator, or by its owner through
 * "Forgot password?"): the owner is e-mailed the link and sees in the bell that one was made (the
 * bell never holds the link). Call inside the issuing transaction. The e-mail is in the account's
 * language; for an account that never chose one, in `fallbackLocale` (the language of the page
 * "Forgot password?" was asked from), else English.
 */
export function noticePasswordReset(
  tx: DbOrTx,
  reset: { userId: string; email: string; path: string; expiresAt: Date },
  fallbackLocale?: AppLocale,
) {
  const args = notificationArgs({ email: reset.email, expires: reset.expiresAt.toISOString() });
  const notice = {
    kind: 'password-reset' as const,
    compactId: null,
    href: null,
    args,
    emailPath: reset.path,
    fallbackLocale,
  };
  // Asked for by the owner (signed out, "Forgot password?") or for them by an administrator: the
  // owner is told either way (a deactivated account is not).
  notify(tx, null, [reset.userId], notice);
}
