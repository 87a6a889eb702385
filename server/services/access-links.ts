import { and, eq, isNull } from 'drizzle-orm';
import { hashPassword } from 'better-auth/crypto';
import type { Db, DbOrTx } from '../../db/client';
import { account, session, user } from '../../db/schema/auth';
import { accessLinks, compacts, memberships, type AccessLinkKind, type CompactRole } from '../../db/schema/compacts';
import { parties } from '../../db/schema/parties';
import { publishAccessChange } from '../events/access-changes';
import { recordAuditEvent, type AuditActor } from './audit';
import { findMembership } from './compacts';
import { assertManageableAccount } from './members';
import { DomainError } from './domain-error';
import { hashToken, newId, newSecretToken } from './ids';

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const PASSWORD_RESET_TTL_MS = 24 * 60 * 60 * 1000;

const LINK_PATHS: Record<AccessLinkKind, string> = { invite: '/invite/', 'password-reset': '/reset-password/' };

export interface InviteInput {
  email: string;
  partyId: string;
  role: CompactRole;
  signatory: boolean;
}

export type InviteResult =
  | { kind: 'added'; userId: string }
  | { kind: 'link'; path: string; expiresAt: Date };

function findUserByEmail(db: DbOrTx, email: string) {
  const [row] = db.select({ id: user.id, partyId: user.partyId }).from(user).where(eq(user.email, email)).all();
  return row ?? null;
}

function issueLink(db: DbOrTx, actor: AuditActor & { userId: string }, values: Omit<typeof accessLinks.$inferInsert, 'id' | 'tokenHash' | 'createdBy' | 'createdAt' | 'expiresAt'>, ttlMs: number) {
  const token = newSecretToken();
  const now = Date.now();
  const expiresAt = new Date(now + ttlMs);
  const id = newId();
  db.insert(accessLinks).values({ ...values, id, tokenHash: hashToken(token), createdBy: actor.userId, createdAt: new Date(now), expiresAt }).run();
  return { id, path: `${LINK_PATHS[values.kind]}${token}`, expiresAt };
}

/**
 * Invites someone to a compact. A person who already has an account simply gains the
 * membership; anyone else gets a one-time link for the admin to pass on.
 */
export function inviteMember(db: Db, actor: AuditActor & { userId: string }, compactId: string, input: InviteInput): InviteResult {
  const email = input.email.trim().toLowerCase();
  return db.transaction((tx): InviteResult => {
    const [party] = tx.select({ id: parties.id, name: parties.name }).from(parties).where(eq(parties.id, input.partyId)).all();
    if (!party) throw new DomainError('BAD_REQUEST', 'Choose one of the listed parties.');
    const existing = findUserByEmail(tx, email);
    if (existing) {
      if (existing.partyId !== input.partyId) {
        throw new DomainError('CONFLICT', 'This person already has an account with another party; invite them with that party.');
      }
      if (findMembership(tx, compactId, existing.id)) throw new DomainError('CONFLICT', 'This person is already a member of the compact.');
      tx.insert(memberships).values({ compactId, userId: existing.id, role: input.role, signatory: input.signatory, createdAt: new Date() }).run();
      recordAuditEvent(tx, actor, { compactId, action: 'membership.added', entityType: 'membership', entityId: existing.id, after: { role: input.role, signatory: input.signatory } });
      return { kind: 'added', userId: existing.id };
    }
    const link = issueLink(tx, actor, { kind: 'invite', email, compactId, partyId: party.id, role: input.role, signatory: input.signatory }, INVITE_TTL_MS);
    recordAuditEvent(tx, actor, { compactId, action: 'invite.issued', entityType: 'access-link', entityId: link.id, after: { email, partyId: party.id, role: input.role, signatory: input.signatory } });
    return { kind: 'link', path: link.path, expiresAt: link.expiresAt };
  });
}

/** A one-time link with which a member of the compact sets a new password. */
export function issuePasswordResetLink(db: Db, actor: AuditActor & { userId: string }, compactId: string, userId: string) {
  return db.transaction((tx) => {
    if (!findMembership(tx, compactId, userId)) throw new DomainError('NOT_FOUND', 'This person is not a member of the compact.');
    assertManageableAccount(tx, compactId, userId);
    const [target] = tx.select({ email: user.email }).from(user).where(eq(user.id, userId)).all();
    if (!target) throw new DomainError('NOT_FOUND', 'No such person.');
    const link = issueLink(tx, actor, { kind: 'password-reset', email: target.email, userId }, PASSWORD_RESET_TTL_MS);
    recordAuditEvent(tx, actor, { compactId, action: 'password-reset.issued', entityType: 'access-link', entityId: link.id, after: { userId } });
    return { path: link.path, expiresAt: link.expiresAt };
  });
}

function usableLink(db: DbOrTx, kind: AccessLinkKind, token: string) {
  const [link] = db
    .select()
    .from(accessLinks)
    .where(and(eq(accessLinks.tokenHash, hashToken(token)), eq(accessLinks.kind, kind), isNull(accessLinks.usedAt)))
    .all();
  if (!link || link.expiresAt.getTime() <= Date.now()) {
    throw new DomainError('NOT_FOUND', 'This link is not valid: it may have expired or been used already. Ask your administrator for a new one.');
  }
  return link;
}

/** What the invitee sees before accepting. */
export function describeInvite(db: DbOrTx, token: string) {
  const link = usableLink(db, 'invite', token);
  const [compact] = db.select({ title: compacts.title }).from(compacts).where(eq(compacts.id, link.compactId ?? '')).all();
  const [party] = db.select({ name: parties.name }).from(parties).where(eq(parties.id, link.partyId ?? '')).all();
  return { email: link.email, compactTitle: compact?.title ?? '', partyName: party?.name ?? '', role: link.role, hasAccount: findUserByEmail(db, link.email) !== null };
}

export function describePasswordReset(db: DbOrTx, token: string) {
  return { email: usableLink(db, 'password-reset', token).email };
}

function markUsed(db: DbOrTx, linkId: string) {
  const result = db.update(accessLinks).set({ usedAt: new Date() }).where(and(eq(accessLinks.id, linkId), isNull(accessLinks.usedAt))).run();
  if (result.changes !== 1) throw new DomainError('NOT_FOUND', 'This link has been used already.');
}

/** Accepts an invitation: creates the account (or reuses it) and the membership. */
export async function acceptInvite(db: Db, token: string, input: { name?: string; password?: string }) {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.transaction((tx) => {
    const link = usableLink(tx, 'invite', token);
    markUsed(tx, link.id);
    const now = new Date();
    const existing = findUserByEmail(tx, link.email);
    if (existing && existing.partyId !== link.partyId) throw new DomainError('CONFLICT', 'Your account belongs to another party than this invitation; ask your administrator for a new one.');
    let userId = existing?.id;
    if (!userId) {
      if (!input.name || !passwordHash) throw new DomainError('BAD_REQUEST', 'Enter your name and choose a password.');
      userId = newId();
      tx.insert(user).values({ id: userId, name: input.name.trim(), email: link.email, partyId: link.partyId!, createdAt: now, updatedAt: now }).run();
      tx.insert(account).values({ id: newId(), accountId: userId, providerId: 'credential', userId, password: passwordHash, createdAt: now, updatedAt: now }).run();
    }
    if (link.compactId && !findMembership(tx, link.compactId, userId)) {
      tx.insert(memberships).values({ compactId: link.compactId, userId, role: link.role!, signatory: link.signatory, createdAt: now }).run();
    }
    recordAuditEvent(tx, { userId, partyId: link.partyId }, { compactId: link.compactId, action: 'invite.accepted', entityType: 'membership', entityId: userId, after: { role: link.role, signatory: link.signatory } });
    return { email: link.email };
  });
}

/** Sets a new password from a reset link and ends every session of that person. */
export async function completePasswordReset(db: Db, token: string, input: { password: string }) {
  const passwordHash = await hashPassword(input.password);
  const result = db.transaction((tx) => {
    const link = usableLink(tx, 'password-reset', token);
    markUsed(tx, link.id);
    const userId = link.userId!;
    const now = new Date();
    const updated = tx.update(account).set({ password: passwordHash, updatedAt: now }).where(and(eq(account.userId, userId), eq(account.providerId, 'credential'))).run();
    if (updated.changes === 0) {
      tx.insert(account).values({ id: newId(), accountId: userId, providerId: 'credential', userId, password: passwordHash, createdAt: now, updatedAt: now }).run();
    }
    tx.delete(session).where(eq(session.userId, userId)).run();
    recordAuditEvent(tx, { userId, partyId: null }, { compactId: null, action: 'password.reset', entityType: 'user', entityId: userId });
    return { email: link.email, userId };
  });
  publishAccessChange({ type: 'user-sessions-revoked', userId: result.userId });
  return { email: result.email };
}
