import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { session, user } from '../../db/schema/auth';
import { memberships, type CompactRole } from '../../db/schema/compacts';
import { parties } from '../../db/schema/parties';
import { publishAccessChange } from '../events/access-changes';
import { recordAuditEvent, type AuditActor } from './audit';
import { findMembership } from './compacts';
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
    .innerJoin(parties, eq(parties.id, user.partyId))
    .where(eq(memberships.compactId, compactId))
    .orderBy(asc(parties.name), asc(user.name))
    .all()
    .map(({ deactivated, ...member }) => ({ ...member, deactivated: deactivated !== null }));
}

function requireMember(db: DbOrTx, compactId: string, userId: string) {
  const membership = findMembership(db, compactId, userId);
  if (!membership) throw new DomainError('NOT_FOUND', 'This person is not a member of the compact.');
  return membership;
}

function otherAdminCount(db: DbOrTx, compactId: string, userId: string) {
  return db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(and(eq(memberships.compactId, compactId), eq(memberships.role, 'admin'), ne(memberships.userId, userId), isNull(user.deactivatedAt)))
    .all().length;
}

function assertNotLastAdmin(db: DbOrTx, compactId: string, userId: string) {
  if (otherAdminCount(db, compactId, userId) === 0) {
    throw new DomainError('CONFLICT', 'A compact needs at least one admin: make someone else admin first.');
  }
}

export interface MemberChange {
  role: CompactRole;
  signatory: boolean;
}

export function updateMember(db: Db, actor: AuditActor, compactId: string, userId: string, change: MemberChange) {
  const result = db.transaction((tx) => {
    const before = requireMember(tx, compactId, userId);
    if (before.role === 'admin' && change.role !== 'admin') assertNotLastAdmin(tx, compactId, userId);
    tx.update(memberships)
      .set(change)
      .where(and(eq(memberships.compactId, compactId), eq(memberships.userId, userId)))
      .run();
    recordAuditEvent(tx, actor, { compactId, action: 'membership.updated', entityType: 'membership', entityId: userId, before, after: change });
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
    recordAuditEvent(tx, actor, { compactId, action: 'membership.removed', entityType: 'membership', entityId: userId, before });
  });
  publishAccessChange({ type: 'membership-removed', userId, compactId });
}

/**
 * A compact admin may act on an account (reset its password, deactivate it) only when that
 * cannot reach beyond their compact: not an instance administrator, not an admin elsewhere.
 */
export function assertManageableAccount(db: DbOrTx, compactId: string, userId: string) {
  const [target] = db.select({ isInstanceAdmin: user.isInstanceAdmin }).from(user).where(eq(user.id, userId)).all();
  if (target?.isInstanceAdmin) throw new DomainError('FORBIDDEN', 'Instance administrators manage their own accounts.');
  const adminElsewhere = db
    .select({ compactId: memberships.compactId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.role, 'admin'), ne(memberships.compactId, compactId)))
    .all();
  if (adminElsewhere.length > 0) throw new DomainError('FORBIDDEN', 'This person administers another compact; ask an instance administrator.');
}

/** Deactivates a member's account everywhere: no sign-in, sessions ended, sockets closed. */
export function deactivateMember(db: Db, actor: AuditActor & { userId: string }, compactId: string, userId: string) {
  if (userId === actor.userId) throw new DomainError('BAD_REQUEST', 'You cannot deactivate your own account.');
  db.transaction((tx) => {
    const membership = requireMember(tx, compactId, userId);
    assertManageableAccount(tx, compactId, userId);
    if (membership.role === 'admin') assertNotLastAdmin(tx, compactId, userId);
    const [target] = tx.select({ deactivatedAt: user.deactivatedAt }).from(user).where(eq(user.id, userId)).all();
    if (target?.deactivatedAt) return;
    tx.update(user).set({ deactivatedAt: new Date() }).where(eq(user.id, userId)).run();
    tx.delete(session).where(eq(session.userId, userId)).run();
    recordAuditEvent(tx, actor, { compactId, action: 'user.deactivated', entityType: 'user', entityId: userId });
  });
  publishAccessChange({ type: 'user-sessions-revoked', userId });
}
