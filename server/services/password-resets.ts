import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { account, session, user } from '@/db/schema/auth';
import { publishAccessChange } from '../events/access-changes';
import { checkAccessToken, issueLink, markUsed, PASSWORD_RESET_TTL_MS } from './access-links';
import { recordAuditEvent } from './audit';
import { DomainError } from './domain-error';
import { noticePasswordReset } from './notifications/access-notices';
import { insertPasswordCredential } from './credentials';
import { assertManageableAccount, requireMember, type ManagingActor } from './members';
import { assertAcceptablePassword, defaultPasswordHasher, type PasswordHasher } from './password-rules';

/** A one-time link with which a member of the compact sets a new password. */
export function issuePasswordResetLink(db: Db, actor: ManagingActor, compactId: string, userId: string) {
  return db.transaction((tx) => {
    requireMember(tx, compactId, userId);
    assertManageableAccount(tx, actor, compactId, userId);
    const [target] = tx.select({ email: user.email }).from(user).where(eq(user.id, userId)).all();
    if (!target) throw new DomainError('NOT_FOUND', { key: 'errors.passwordResets.noSuchPerson' });
    // A compact admin's link remembers its compact: it is checked again when used.
    const issuedIn = actor.isInstanceAdmin ? null : compactId;
    const link = issueLink(
      tx,
      actor,
      { kind: 'password-reset', email: target.email, userId, compactId: issuedIn },
      PASSWORD_RESET_TTL_MS,
    );
    recordAuditEvent(tx, actor, {
      compactId,
      action: 'password-reset.issued',
      entityType: 'access-link',
      entityId: link.id,
      after: { userId },
    });
    noticePasswordReset(tx, { userId, email: target.email, ...link });
    return { path: link.path, expiresAt: link.expiresAt };
  });
}

export function describePasswordReset(db: DbOrTx, token: string) {
  return { email: checkAccessToken(db, 'password-reset', token).email };
}

/**
 * Sets a new password from a reset link and ends every session of that person. The token is
 * checked before the (deliberately slow) hash, so a bogus token costs one lookup.
 */
export async function completePasswordReset(
  db: Db,
  token: string,
  input: { password: string },
  hasher: PasswordHasher = defaultPasswordHasher,
) {
  checkAccessToken(db, 'password-reset', token);
  const passwordHash = await hasher(assertAcceptablePassword(input.password));
  const result = db.transaction((tx) => {
    const link = checkAccessToken(tx, 'password-reset', token);
    const userId = link.userId!;
    // If the account has since come to reach beyond the compact whose admin issued the link
    // (joined or been invited to another compact), that admin may no longer set its password.
    if (link.compactId)
      assertManageableAccount(
        tx,
        { userId: link.createdBy, partyId: null, isInstanceAdmin: false },
        link.compactId,
        userId,
      );
    markUsed(tx, link.id);
    const now = new Date();
    const updated = tx
      .update(account)
      .set({ password: passwordHash, updatedAt: now })
      .where(and(eq(account.userId, userId), eq(account.providerId, 'credential')))
      .run();
    if (updated.changes === 0) {
      insertPasswordCredential(tx, userId, passwordHash, now);
    }
    tx.delete(session).where(eq(session.userId, userId)).run();
    recordAuditEvent(
      tx,
      { userId, partyId: null },
      { compactId: null, action: 'password.reset', entityType: 'user', entityId: userId },
    );
    return { email: link.email, userId };
  });
  publishAccessChange({ type: 'user-sessions-revoked', userId: result.userId });
  return { email: result.email };
}
