import 'server-only';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db, DbOrTx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { accessLinks, memberships } from '@/db/schema/compacts';
import { parties } from '@/db/schema/parties';
import {
  findUserByEmail,
  INVITE_TTL_MS,
  issueLink,
  issuerStillEntitled,
  revokeLink,
  type AccessLink,
} from './access-links';
import { recordAuditEvent, type AuditActor } from './audit';
import { findMembership } from './compacts';
import { assertNameFreeInPlacements } from './display-name';
import { DomainError } from './domain-error';
import type { InviteResult } from './invitations';
import { noticeInvitation } from './notifications/access-notices';

/** At most this many unused invitations are listed per compact (newest first). */
export const MAX_LISTED_INVITATIONS = 200;

export type InvitationState = 'open' | 'expired' | 'inviter-not-entitled';

const inviter = alias(user, 'inviter');
const inviterMembership = alias(memberships, 'inviter_membership');
const inviterParty = alias(parties, 'inviter_party');

/**
 * The compact's invitations nobody has answered yet, newest first: whom (address, party, role),
 * who invited them (name and party), when it was sent and when it expires. Expired ones and those
 * whose inviter may no longer invite are listed too, marked, so an admin can re-issue them.
 */
export function listCompactInvitations(db: DbOrTx, compactId: string, now = new Date()) {
  // Whether each inviter may still invite, asked once per inviter (not per invitation).
  const entitled = new Map<string, boolean>();
  const inviterEntitled = (createdBy: string) => {
    if (!entitled.has(createdBy)) entitled.set(createdBy, issuerStillEntitled(db, { createdBy, compactId }));
    return entitled.get(createdBy)!;
  };
  return db
    .select({
      id: accessLinks.id,
      email: accessLinks.email,
      partyName: parties.name,
      role: accessLinks.role,
      signatory: accessLinks.signatory,
      existingAccount: accessLinks.userId,
      invitedBy: inviter.name,
      invitedByParty: inviterParty.name,
      createdBy: accessLinks.createdBy,
      sentAt: accessLinks.createdAt,
      expiresAt: accessLinks.expiresAt,
    })
    .from(accessLinks)
    .innerJoin(parties, eq(parties.id, accessLinks.partyId))
    .innerJoin(inviter, eq(inviter.id, accessLinks.createdBy))
    .leftJoin(
      inviterMembership,
      and(eq(inviterMembership.compactId, accessLinks.compactId), eq(inviterMembership.userId, accessLinks.createdBy)),
    )
    .leftJoin(inviterParty, eq(inviterParty.id, inviterMembership.partyId))
    .where(and(eq(accessLinks.kind, 'invite'), eq(accessLinks.compactId, compactId), isNull(accessLinks.usedAt)))
    .orderBy(desc(accessLinks.createdAt))
    .limit(MAX_LISTED_INVITATIONS)
    .all()
    .map(({ createdBy, existingAccount, ...row }) => ({
      ...row,
      existingAccount: existingAccount !== null,
      state: invitationState(row.expiresAt, now, () => inviterEntitled(createdBy)),
    }));
}

function invitationState(expiresAt: Date, now: Date, inviterEntitled: () => boolean): InvitationState {
  if (expiresAt.getTime() <= now.getTime()) return 'expired';
  return inviterEntitled() ? 'open' : 'inviter-not-entitled';
}

/**
 * Refuses a second invitation while one for the same address and compact is still open (unused,
 * unexpired, its inviter still entitled): the admin re-issues that one instead.
 */
export function assertNoPendingInvitation(db: DbOrTx, compactId: string, email: string) {
  const open = db
    .select({ createdBy: accessLinks.createdBy, compactId: accessLinks.compactId })
    .from(accessLinks)
    .where(
      and(
        eq(accessLinks.kind, 'invite'),
        eq(accessLinks.compactId, compactId),
        eq(accessLinks.email, email),
        isNull(accessLinks.usedAt),
        gt(accessLinks.expiresAt, new Date()),
      ),
    )
    .all();
  if (open.some((link) => issuerStillEntitled(db, link)))
    throw new DomainError('CONFLICT', {
      key: 'errors.invitationAdmin.pendingInvitationAlreadyExists',
      args: { email },
    });
}

/** An unused invitation of this compact, or NOT_FOUND. */
function unusedInvitation(db: DbOrTx, compactId: string, invitationId: string): AccessLink {
  const [link] = db
    .select()
    .from(accessLinks)
    .where(
      and(
        eq(accessLinks.id, invitationId),
        eq(accessLinks.kind, 'invite'),
        eq(accessLinks.compactId, compactId),
        isNull(accessLinks.usedAt),
      ),
    )
    .all();
  if (!link) throw new DomainError('NOT_FOUND', { key: 'errors.invitationAdmin.noSuchInvitationMay' });
  return link;
}

/** Withdraws an invitation: its link stops working at once (audited). */
export function revokeInvitation(db: Db, actor: AuditActor, compactId: string, invitationId: string) {
  db.transaction((tx) => {
    const link = unusedInvitation(tx, compactId, invitationId);
    revokeLink(tx, link.id);
    recordAuditEvent(tx, actor, {
      compactId,
      action: 'invite.revoked',
      entityType: 'access-link',
      entityId: link.id,
      before: { email: link.email, partyId: link.partyId, role: link.role, expiresAt: link.expiresAt.toISOString() },
    });
  });
}

/**
 * Replaces an invitation with a fresh link (new token, new expiry, issued by this admin): the old
 * link stops working. The address, party, role, signatory flag and language are the old invitation's; the
 * invitee is notified and e-mailed the new link like any invitation.
 */
export function reissueInvitation(
  db: Db,
  actor: AuditActor & { userId: string },
  compactId: string,
  invitationId: string,
): InviteResult {
  return db.transaction((tx): InviteResult => {
    const old = unusedInvitation(tx, compactId, invitationId);
    const account = findUserByEmail(tx, old.email);
    if (account) {
      if (findMembership(tx, compactId, account.id))
        throw new DomainError('CONFLICT', { key: 'errors.invitationAdmin.personAlreadyMemberCompact' });
      assertNameFreeInPlacements(tx, account.name, [{ compactId, partyId: old.partyId! }], account.id);
    }
    revokeLink(tx, old.id);
    const fresh = issueLink(
      tx,
      actor,
      {
        kind: 'invite',
        email: old.email,
        userId: account?.id ?? null,
        compactId,
        partyId: old.partyId,
        role: old.role,
        signatory: old.signatory,
        locale: old.locale,
      },
      INVITE_TTL_MS,
    );
    recordAuditEvent(tx, actor, {
      compactId,
      action: 'invite.reissued',
      entityType: 'access-link',
      entityId: fresh.id,
      before: { invitationId: old.id, expiresAt: old.expiresAt.toISOString() },
      after: { email: old.email, partyId: old.partyId, role: old.role, expiresAt: fresh.expiresAt.toISOString() },
    });
    // The invitee is told of the fresh link as of any invitation (bell and e-mail): the one they had no longer works.
    noticeInvitation(tx, actor.userId, {
      email: old.email,
      userId: account?.id ?? null,
      compactId,
      partyId: old.partyId!,
      role: old.role!,
      locale: old.locale,
      ...fresh,
    });
    return { kind: account ? 'pending' : 'link', path: fresh.path, expiresAt: fresh.expiresAt };
  });
}
