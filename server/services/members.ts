import { and, asc, eq, gt, isNull, ne } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { session, user } from '@/db/schema/auth';
import { accessLinks, memberships, type CompactRole } from '@/db/schema/compacts';
import { parties } from '@/db/schema/parties';
import { publishAccessChange } from '../events/access-changes';
import { recordAuditEvent, type AuditActor } from './audit';
import { findMembership } from './compacts';
import { assertNameFreeInPlacements, placementsOf, validDisplayName } from './display-name';
import { DomainError } from './domain-error';

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

export function requireMember(db: DbOrTx, compactId: string, userId: string) {
  const membership = findMembership(db, compactId, userId);
  if (!membership) throw new DomainError('NOT_FOUND', 'This person is not a member of the compact.');
  return membership;
}

function otherAdminCount(db: DbOrTx, compactId: string, userId: string) {
  return db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(
      and(
        eq(memberships.compactId, compactId),
        eq(memberships.role, 'admin'),
        ne(memberships.userId, userId),
        isNull(user.deactivatedAt),
      ),
    )
    .all().length;
}

function assertNotLastAdmin(db: DbOrTx, compactId: string, userId: string) {
  if (otherAdminCount(db, compactId, userId) === 0) {
    throw new DomainError('CONFLICT', 'A compact needs at least one admin: make someone else admin first.');
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

/**
 * A compact admin may act on a person's account itself (reset its password, deactivate it,
 * rename it) only when that account reaches no further than their compact: it is not an
 * instance administrator and belongs to no other compact, in any role. Anything else is for an
 * instance administrator.
 */
export function assertManageableAccount(db: DbOrTx, actor: ManagingActor, compactId: string, userId: string) {
  if (actor.isInstanceAdmin) return;
  const [target] = db
    .select({ isInstanceAdmin: user.isInstanceAdmin, email: user.email })
    .from(user)
    .where(eq(user.id, userId))
    .all();
  const [elsewhere] = db
    .select({ compactId: memberships.compactId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), ne(memberships.compactId, compactId)))
    .limit(1)
    .all();
  // An invitation to another compact that the person has not answered yet reaches beyond too:
  // whoever could set their password could accept it in their name.
  const [invitedElsewhere] = target
    ? db
        .select({ id: accessLinks.id })
        .from(accessLinks)
        .where(
          and(
            eq(accessLinks.kind, 'invite'),
            eq(accessLinks.email, target.email.toLowerCase()),
            ne(accessLinks.compactId, compactId),
            isNull(accessLinks.usedAt),
            gt(accessLinks.expiresAt, new Date()),
          ),
        )
        .limit(1)
        .all()
    : [];
  if (target?.isInstanceAdmin || elsewhere || invitedElsewhere) {
    throw new DomainError(
      'FORBIDDEN',
      'This account reaches beyond this compact (an instance administrator, a member of another compact, or invited to one): ask an instance administrator.',
    );
  }
}

/** Sets a member's display name (names are set by administrators, never by the person). */
export function renameMember(db: Db, actor: ManagingActor, compactId: string, userId: string, rawName: string) {
  const name = validDisplayName(rawName);
  return db.transaction((tx) => {
    requireMember(tx, compactId, userId);
    assertManageableAccount(tx, actor, compactId, userId);
    const [target] = tx.select({ name: user.name }).from(user).where(eq(user.id, userId)).all();
    if (!target) throw new DomainError('NOT_FOUND', 'No such person.');
    if (target.name === name) return { name };
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
    return { name };
  });
}

/** Deactivates a member's account everywhere: no sign-in, sessions ended, sockets closed. */
export function deactivateMember(db: Db, actor: ManagingActor, compactId: string, userId: string) {
  if (userId === actor.userId) throw new DomainError('BAD_REQUEST', 'You cannot deactivate your own account.');
  db.transaction((tx) => {
    const membership = requireMember(tx, compactId, userId);
    assertManageableAccount(tx, actor, compactId, userId);
    if (membership.role === 'admin') assertNotLastAdmin(tx, compactId, userId);
    const [target] = tx.select({ deactivatedAt: user.deactivatedAt }).from(user).where(eq(user.id, userId)).all();
    if (target?.deactivatedAt) return;
    tx.update(user).set({ deactivatedAt: new Date() }).where(eq(user.id, userId)).run();
    tx.delete(session).where(eq(session.userId, userId)).run();
    recordAuditEvent(tx, actor, { compactId, action: 'user.deactivated', entityType: 'user', entityId: userId });
  });
  publishAccessChange({ type: 'user-sessions-revoked', userId });
}
