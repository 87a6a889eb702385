import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { compacts } from '@/db/schema/compacts';
import { parties } from '@/db/schema/parties';
import type { CompactRole } from '@/shared/roles';
import { notificationArgs } from './notification-args';
import { emailAddress, notify } from './notify';

const day = (date: Date) => date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

/**
 * An invitation was issued: someone with an account sees it in the bell (it waits on "My
 * compacts") and is e-mailed the link; someone without one is e-mailed the link only. Call inside
 * the inviting transaction. The link is always shown to the admin as well.
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
    expires: day(invitation.expiresAt),
  });
  if (invitation.userId)
    notify(tx, actorUserId, [invitation.userId], {
      kind: 'invitation',
      compactId: invitation.compactId,
      href: '/compacts',
      args,
      emailPath: invitation.path,
    });
  else emailAddress(tx, invitation.email, { kind: 'invitation', args, emailPath: invitation.path });
}

/**
 * A password-reset link was made for an account (by an administrator, or by its owner through
 * "Forgot password?"): the owner is e-mailed the link and sees in the bell that one was made (the
 * bell never holds the link). Call inside the issuing transaction.
 */
export function noticePasswordReset(
  tx: DbOrTx,
  reset: { userId: string; email: string; path: string; expiresAt: Date },
) {
  const args = notificationArgs({ email: reset.email, expires: day(reset.expiresAt) });
  const notice = { kind: 'password-reset' as const, compactId: null, href: null, args, emailPath: reset.path };
  // Asked for by the owner (signed out, "Forgot password?") or for them by an administrator: the
  // owner is told either way (a deactivated account is not).
  notify(tx, null, [reset.userId], notice);
}
