import 'server-only';
import { and, eq, gt, inArray, isNull, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { accessLinks, memberships } from '@/db/schema/compacts';
import type { AccountReach } from '@/server/policies/account-policy';

/**
 * How far each of these accounts reaches beyond one compact (what the account policy decides on):
 * instance administrators, members of another compact, and people with an unanswered invitation
 * to another compact (whoever could set their password could accept it in their name).
 */
export function accountReachOf(db: DbOrTx, compactId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return new Map<string, AccountReach>();
  const accounts = db
    .select({ id: user.id, email: user.email, isInstanceAdmin: user.isInstanceAdmin })
    .from(user)
    .where(inArray(user.id, [...userIds]))
    .all();
  const inOtherCompact = new Set(
    db
      .selectDistinct({ userId: memberships.userId })
      .from(memberships)
      .where(and(inArray(memberships.userId, [...userIds]), ne(memberships.compactId, compactId)))
      .all()
      .map((row) => row.userId),
  );
  const invitedElsewhere = new Set(
    db
      .selectDistinct({ email: accessLinks.email })
      .from(accessLinks)
      .where(
        and(
          eq(accessLinks.kind, 'invite'),
          inArray(
            accessLinks.email,
            accounts.map((a) => a.email.toLowerCase()),
          ),
          ne(accessLinks.compactId, compactId),
          isNull(accessLinks.usedAt),
          gt(accessLinks.expiresAt, new Date()),
        ),
      )
      .all()
      .map((row) => row.email),
  );
  return new Map<string, AccountReach>(
    accounts.map((account) => [
      account.id,
      {
        isInstanceAdmin: Boolean(account.isInstanceAdmin),
        inOtherCompact: inOtherCompact.has(account.id),
        invitedElsewhere: invitedElsewhere.has(account.email.toLowerCase()),
      },
    ]),
  );
}
