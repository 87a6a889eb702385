import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { session, user } from '@/db/schema/auth';
import { memberships } from '@/db/schema/compacts';
import type { CompactRole } from '@/shared/roles';
import { parties } from '@/db/schema/parties';
import { publishAccessChange } from '../events/access-changes';
import { recordAuditEvent, type AuditActor } from './audit';
import { findMembership } from './compacts';
import { assertNameFreeInPlacements, placementsOf, validDisplayName } from './display-name';
import { DomainError } from './domain-error';
import { accountReachOf } from './account-reach';
import { membersWhoMay } from './notifications/recipients';
import { manageAccountRefusal, type AccountReach } from '@/server/policies/account-policy';
import type { CompactMember } from '@/server/policies/compact-member';
import { may } from '@/server/policies/role-actions';
import { authorize } from '@/server/policies/authorize';

export function listMembers(db: DbOrTx, compactId: string) {
  return db
    .select({
      userId: user.id,
      name: user.name,
      email: user.email,
      deactivated: user.deactivatedAt,
      partyId: parties.id,
      partyName: parties.name,
      partyShortCode: parties.shortCode,
      role: memberships.role,
      signatory: memberships.signatory,
    })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .innerJoin(parties, eq(parties.id, memberships.partyId))
    .where(eq(memberships.compactId, compactId))
    .orderBy(asc(parties.name), asc(user.name))
    .all()
    .map(({ deactivated, ...member }) => ({ ...member, deactivated: deactivated !== null }));
}

/**
 * The member list as this viewer sees it: each member with what the viewer may do to them (the
 * membership: role, signatory, removal; the account itself: name, reset link, deactivation).
 */
export function listMembersFor(db: DbOrTx, viewer: CompactMember & { isInstanceAdmin: boolean }, compactId: string) {
  const members = listMembers(db, compactId);
  const manages = may(viewer, 'manageMembers');
  const reach = manages
    ? accountReachOf(
        db,
        compactId,
        members.map((m) => m.userId),
      )
    : new Map<string, AccountReach>();
  return members.map((member) => {
    const memberReach = reach.get(member.userId);
    const manageAccount =
      manages &&
      memberReach !== undefined &&
      manageAccountRefusal(viewer, { userId: member.userId, reach: memberReach }) === null;
    return { ...member, can: { manage: manages, manageAccount } };
  });
}

export function requireMember(db: DbOrTx, compactId: string, userId: string) {
  const membership = findMembership(db, compactId, userId);
  if (!membership) throw new DomainError('NOT_FOUND', { key: 'errors.members.personNotMemberCompact' });
  return membership;
}

/** Someone else active in the compact must still manage its members (the policy's administrators). */
function assertNotLastAdmin(db: DbOrTx, compactId: string, userId: string) {
  if (!membersWhoMay(db, compactId, 'manageMembers').some((id) => id !== userId)) {
    throw new DomainError('CONFLICT', { key: 'errors.members.compactNeedsLeastOne' });
  }
}

/** What an update may change: never the party (remove and re-invite to represent another). */
export interface MemberChange {
  role: CompactRole;
  signatory: boolean;
}

export function updateMember(db: Db, actor: AuditActor, compactId: string, userId: string, change: MemberChange) {
  const result = db.transaction((tx) => {
    const before = requireMember(tx, compactId, userId);
    if (before.role === 'admin' && change.role !== 'admin') assertNotLastAdmin(tx, compactId, userId);
    tx.update(memberships)
      .set({ role: change.role, signatory: change.signatory })
      .where(and(eq(memberships.compactId, compactId), eq(memberships.userId, userId)))
      .run();
    recordAuditEvent(tx, actor, {
      compactId,
      action: 'membership.updated',
      entityType: 'membership',
      entityId: userId,
      before,
      after: change,
    });
    return { before, after: change };
  });
  if (result.before.role !== change.role) publishAccessChange({ type: 'membership-changed', userId, compactId });
  return result.after;
}

export function removeMember(db: Db, actor: AuditActor, compactId: string, userId: string) {
  db.transaction((tx) => {
    const before = requireMember(tx, compactId, userId);
    if (before.role === 'admin') assertNotLastAdmin(tx, compactId, userId);
    tx.delete(memberships)
      .where(and(eq(memberships.compactId, compactId), eq(memberships.userId, userId)))
      .run();
    recordAuditEvent(tx, actor, {
      compactId,
      action: 'membership.removed',
      entityType: 'membership',
      entityId: userId,
      before,
    });
  });
  publishAccessChange({ type: 'membership-removed', userId, compactId });
}

/** Who manages members: a compact admin, who may also be an instance administrator. */
export type ManagingActor = AuditActor & { userId: string; isInstanceAdmin: boolean };

/** Throws FORBIDDEN unless the account policy lets this administrator act on the account itself. */
export function assertManageableAccount(db: DbOrTx, actor: ManagingActor, compactId: string, userId: string) {
  const reach = accountReachOf(db, compactId, [userId]).get(userId);
  if (reach) authorize(manageAccountRefusal(actor, { userId, reach }));
}

/** Sets a member's display name (names are set by administrators, never by the person). */
export function renameMember(db: Db, actor: ManagingActor, compactId: string, userId: string, rawName: string) {
  const name = validDisplayName(rawName);
  const renamed = db.transaction((tx) => {
    requireMember(tx, compactId, userId);
    assertManageableAccount(tx, actor, compactId, userId);
    const [target] = tx.select({ name: user.name }).from(user).where(eq(user.id, userId)).all();
    if (!target) throw new DomainError('NOT_FOUND', { key: 'errors.passwordResets.noSuchPerson' });
    if (target.name === name) return false;
    // The name shows in every compact the person belongs to: it must be free in each of them.
    assertNameFreeInPlacements(tx, name, placementsOf(tx, userId), userId);
    tx.update(user).set({ name, updatedAt: new Date() }).where(eq(user.id, userId)).run();
    recordAuditEvent(tx, actor, {
      compactId,
      action: 'user.renamed',
      entityType: 'user',
      entityId: userId,
      before: { name: target.name },
      after: { name },
    });
    return true;
  });
  // Open editors show the name in presence: they reconnect under the new one.
  if (renamed) publishAccessChange({ type: 'user-renamed', userId });
  return { name };
}

/** Deactivates a member's account everywhere: no sign-in, sessions ended, sockets closed. */
export function deactivateMember(db: Db, actor: ManagingActor, compactId: string, userId: string) {
  db.transaction((tx) => {
    requireMember(tx, compactId, userId);
    assertManageableAccount(tx, actor, compactId, userId);
    // Deactivation reaches every compact of the account (an instance admin may deactivate someone
    // who is admin elsewhere too): none of them may be left without an active admin.
    const adminOf = tx
      .select({ compactId: memberships.compactId })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.role, 'admin')))
      .all();
    for (const admin of adminOf) assertNotLastAdmin(tx, admin.compactId, userId);
    const [target] = tx.select({ deactivatedAt: user.deactivatedAt }).from(user).where(eq(user.id, userId)).all();
    if (target?.deactivatedAt) return;
    tx.update(user).set({ deactivatedAt: new Date() }).where(eq(user.id, userId)).run();
    tx.delete(session).where(eq(session.userId, userId)).run();
    recordAuditEvent(tx, actor, { compactId, action: 'user.deactivated', entityType: 'user', entityId: userId });
  });
  publishAccessChange({ type: 'user-sessions-revoked', userId });
}
