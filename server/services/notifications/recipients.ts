import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { memberships } from '@/db/schema/compacts';
import { readInSlices } from '../batch-writes';
import { ROLE_ACTIONS, type CompactAction } from '@/server/policies/role-actions';

/**
 * The active members of a compact whose role lets them take `action` (as the policy says), of
 * one party when `partyId` is given.
 */
export function membersWhoMay(tx: DbOrTx, compactId: string, action: CompactAction, partyId?: string): string[] {
  return tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(
      and(
        eq(memberships.compactId, compactId),
        inArray(memberships.role, [...ROLE_ACTIONS[action]]),
        partyId === undefined ? undefined : eq(memberships.partyId, partyId),
        isNull(user.deactivatedAt),
      ),
    )
    .all()
    .map((row) => row.userId);
}

/** The active accounts among `userIds`, with their e-mail addresses and chosen languages (null: never chosen). */
export function activeAccounts(tx: DbOrTx, userIds: string[]) {
  return readInSlices(userIds, (slice) =>
    tx
      .select({ id: user.id, email: user.email, locale: user.locale })
      .from(user)
      .where(and(inArray(user.id, slice), isNull(user.deactivatedAt)))
      .all(),
  );
}
