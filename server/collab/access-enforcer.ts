import 'server-only';
import { and, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { session, user } from '@/db/schema/auth';
import { onAccessChange, type AccessChange } from '../events/access-changes';
import { findMembership } from '../services/compacts';
import { connectionReadOnly } from './upgrade-auth';
import { CLOSE, type CloseReason } from '@/shared/collab/close-codes';
import type { CollabConnection } from './connection';

function reasonToClose(change: AccessChange, connection: CollabConnection): CloseReason | null {
  const { actor } = connection.access;
  switch (change.type) {
    case 'session-ended':
      return change.sessionToken === actor.sessionToken ? CLOSE.unauthenticated : null;
    case 'user-sessions-revoked':
      return change.userId === actor.userId ? CLOSE.unauthenticated : null;
    case 'user-renamed':
      return change.userId === actor.userId ? CLOSE.accessChanged : null;
    case 'membership-removed':
      return change.userId === actor.userId && change.compactId === connection.room.compactId ? CLOSE.forbidden : null;
    case 'membership-changed':
      return change.userId === actor.userId && change.compactId === connection.room.compactId
        ? CLOSE.accessChanged
        : null;
    case 'compact-archive-changed':
      return change.compactId === connection.room.compactId ? CLOSE.archiveChanged : null;
  }
}

/** Re-reads a connection's session, name and membership (role and party); the close reason when they no longer hold. */
export function recheckAccess(db: DbOrTx, connection: CollabConnection): CloseReason | null {
  const { actor, member } = connection.access;
  const [live] = db
    .select({ deactivatedAt: user.deactivatedAt, name: user.name })
    .from(session)
    .innerJoin(user, eq(user.id, session.userId))
    .where(and(eq(session.token, actor.sessionToken), gt(session.expiresAt, new Date())))
    .all();
  if (!live || live.deactivatedAt) return CLOSE.unauthenticated;
  if (live.name !== actor.name) return CLOSE.accessChanged; // presence shows the name: reconnect under the new one
  const membership = findMembership(db, connection.room.compactId, actor.userId);
  if (!membership) return CLOSE.forbidden;
  // Updates and presence are stamped with the party decided at connection: a membership re-made for another party reconnects.
  if (membership.role !== member.role || membership.partyId !== member.partyId) return CLOSE.accessChanged;
  // Archived or restored by another process: reconnect read only (or editable again).
  return connectionReadOnly(membership) === connection.access.readOnly ? null : CLOSE.archiveChanged;
}

/**
 * Closes sockets whose access ended or changed: at once on published changes (sign-out,
 * removal, role change, deactivation), and by periodic re-checks (session expiry, changes
 * made by another process).
 */
export function enforceAccess(
  db: DbOrTx,
  connections: () => Iterable<CollabConnection>,
  recheckMs: number,
): () => void {
  const unsubscribe = onAccessChange((change) => {
    for (const connection of connections()) {
      const reason = reasonToClose(change, connection);
      if (reason) connection.close(reason);
    }
  });
  const timer = setInterval(() => {
    for (const connection of connections()) {
      const reason = recheckAccess(db, connection);
      if (reason) connection.close(reason);
    }
  }, recheckMs);
  timer.unref();
  return () => {
    unsubscribe();
    clearInterval(timer);
  };
}
