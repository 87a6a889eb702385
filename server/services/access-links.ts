import 'server-only';
import type { Problem } from '@/i18n/types';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { accessLinks } from '@/db/schema/compacts';
import type { AccessLinkKind } from '@/shared/enums';
import type { AuditActor } from './audit';
import { DomainError } from './domain-error';
import { hashToken, newId, newSecretToken } from './ids';
import { findMembership } from './compacts';
import { may } from '@/server/policies/role-actions';

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const PASSWORD_RESET_TTL_MS = 24 * 60 * 60 * 1000;

const LINK_PATHS: Record<AccessLinkKind, string> = { invite: '/invite/', 'password-reset': '/reset-password/' };

export type AccessLink = typeof accessLinks.$inferSelect;

export function findUserByEmail(db: DbOrTx, email: string) {
  const [row] = db.select({ id: user.id, name: user.name }).from(user).where(eq(user.email, email)).all();
  return row ?? null;
}

type NewLink = Omit<typeof accessLinks.$inferInsert, 'id' | 'tokenHash' | 'createdBy' | 'createdAt' | 'expiresAt'>;

/** Stores a one-time link (only the SHA-256 of its token) and returns the path to hand out. */
export function issueLink(db: DbOrTx, actor: AuditActor & { userId: string }, values: NewLink, ttlMs: number) {
  const token = newSecretToken();
  const now = Date.now();
  const expiresAt = new Date(now + ttlMs);
  const id = newId();
  db.insert(accessLinks)
    .values({
      ...values,
      id,
      tokenHash: hashToken(token),
      createdBy: actor.userId,
      createdAt: new Date(now),
      expiresAt,
    })
    .run();
  return { id, path: `${LINK_PATHS[values.kind]}${token}`, expiresAt };
}

const INVALID_LINK: Problem = { key: 'errors.accessLinks.linkNotValidMay' };

/**
 * Whoever issued a link must still be allowed to issue it when it is used: an admin who has been
 * demoted, removed or deactivated since (or an instance administrator who no longer is one) leaves
 * no working invitation or reset link behind.
 */
export function issuerStillEntitled(
  db: DbOrTx,
  link: Pick<AccessLink, 'createdBy' | 'compactId'> & { userId?: string | null },
): boolean {
  const [issuer] = db
    .select({ isInstanceAdmin: user.isInstanceAdmin, deactivatedAt: user.deactivatedAt })
    .from(user)
    .where(eq(user.id, link.createdBy))
    .all();
  if (!issuer || issuer.deactivatedAt) return false;
  // A reset link the account asked for itself ("Forgot password?") names no compact either.
  if (link.compactId === null && link.userId === link.createdBy) return true;
  // A reset link issued by an instance administrator names no compact.
  if (link.compactId === null) return issuer.isInstanceAdmin;
  const membership = findMembership(db, link.compactId, link.createdBy);
  // While the compact is archived nobody manages its members: its links wait until it is restored.
  return membership !== null && may(membership, 'manageMembers');
}

function usable(db: DbOrTx, link: AccessLink | undefined): link is AccessLink {
  return (
    link !== undefined && link.usedAt === null && link.expiresAt.getTime() > Date.now() && issuerStillEntitled(db, link)
  );
}

/**
 * The cheap first step of every link-based action: one indexed lookup, no password hashing.
 * Call it before any expensive work, and again inside the transaction that marks the link used.
 */
export function checkAccessToken(db: DbOrTx, kind: AccessLinkKind, token: string): AccessLink {
  const [link] = db
    .select()
    .from(accessLinks)
    .where(and(eq(accessLinks.tokenHash, hashToken(token)), eq(accessLinks.kind, kind), isNull(accessLinks.usedAt)))
    .all();
  if (!usable(db, link)) throw new DomainError('NOT_FOUND', whyUnusable(db, kind, token));
  return link;
}

/**
 * Why a link cannot be used, said plainly to whoever holds its token: withdrawn, used, expired, or
 * issued by someone no longer entitled to issue it. An unknown token gets the general message.
 */
function whyUnusable(db: DbOrTx, kind: AccessLinkKind, token: string): Problem {
  const [link] = db
    .select()
    .from(accessLinks)
    .where(and(eq(accessLinks.tokenHash, hashToken(token)), eq(accessLinks.kind, kind)))
    .all();
  if (!link) return INVALID_LINK;
  if (link.revokedAt) return { key: 'errors.accessLinks.linkHasBeenWithdrawn' };
  if (link.usedAt) return { key: 'errors.accessLinks.linkHasBeenUsed2' };
  if (link.expiresAt.getTime() <= Date.now())
    return { key: 'errors.accessLinks.linkExpiredAskYour', args: { day: link.expiresAt.toISOString().slice(0, 10) } };
  return { key: 'errors.accessLinks.linkNoLongerValid' };
}

/** Withdraws an unused link (it stops working at once); false when it was no longer open. */
export function revokeLink(db: DbOrTx, linkId: string): boolean {
  const now = new Date();
  const result = db
    .update(accessLinks)
    .set({ usedAt: now, revokedAt: now })
    .where(and(eq(accessLinks.id, linkId), isNull(accessLinks.usedAt)))
    .run();
  return result.changes === 1;
}

/** A usable link by id (for people acting on their pending invitations while signed in). */
export function findUsableLinkById(db: DbOrTx, kind: AccessLinkKind, id: string): AccessLink | null {
  const [link] = db
    .select()
    .from(accessLinks)
    .where(and(eq(accessLinks.id, id), eq(accessLinks.kind, kind)))
    .all();
  return usable(db, link) ? link : null;
}

export function markUsed(db: DbOrTx, linkId: string) {
  const result = db
    .update(accessLinks)
    .set({ usedAt: new Date() })
    .where(and(eq(accessLinks.id, linkId), isNull(accessLinks.usedAt)))
    .run();
  if (result.changes !== 1) throw new DomainError('NOT_FOUND', { key: 'errors.accessLinks.linkHasBeenUsed' });
}
