import 'server-only';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db, DbOrTx, Tx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { accessLinks, compacts, memberships } from '@/db/schema/compacts';
import type { AppLocale } from '@/i18n/locales';
import type { CompactRole } from '@/shared/roles';
import { parties } from '@/db/schema/parties';
import {
  checkAccessToken,
  findUsableLinkById,
  findUserByEmail,
  INVITE_TTL_MS,
  issueLink,
  issuerStillEntitled,
  markUsed,
  type AccessLink,
} from './access-links';
import { recordAuditEvent, type AuditActor } from './audit';
import { assertNoPendingInvitation } from './invitation-admin';
import { assertPartyExists, findMembership } from './compacts';
import { assertNameFreeInPlacements, validDisplayName } from './display-name';
import { DomainError } from './domain-error';
import { insertPasswordCredential } from './credentials';
import { newId } from './ids';
import { noticeInvitation } from './notifications/access-notices';
import { assertAcceptablePassword, defaultPasswordHasher, type PasswordHasher } from './password-rules';

export interface InviteInput {
  email: string;
  partyId: string;
  role: CompactRole;
  signatory: boolean;
  /** The language of the invitation e-mail, and of the new account it creates. */
  locale: AppLocale;
}

/**
 * `link`: a new person, who sets a name and password through the link.
 * `pending`: someone who already has an account; they accept or decline while signed in (on
 * "My compacts", or through the same link), so no admin can add an account to a compact alone.
 */
export type InviteResult = { kind: 'link' | 'pending'; path: string; expiresAt: Date };

/** The signed-in person answering an invitation (the invitation says which party they will represent). */
export interface Invitee {
  userId: string;
  name: string;
}

/**
 * Invites someone to a compact with a one-time link; nobody gains a membership until they accept.
 * The invitation chooses the party the person will represent in this compact, whatever they
 * represent elsewhere.
 */
export function inviteMember(
  db: Db,
  actor: AuditActor & { userId: string },
  compactId: string,
  input: InviteInput,
): InviteResult {
  const email = input.email.trim().toLowerCase();
  return db.transaction((tx): InviteResult => {
    assertPartyExists(tx, input.partyId);
    assertNoPendingInvitation(tx, compactId, email);
    const existing = findUserByEmail(tx, email);
    if (existing) {
      if (findMembership(tx, compactId, existing.id))
        throw new DomainError('CONFLICT', { key: 'errors.invitationAdmin.personAlreadyMemberCompact' });
      assertNameFreeInPlacements(tx, existing.name, [{ compactId, partyId: input.partyId }], existing.id);
    }
    // A new invitation replaces any earlier unused one (expired, or its inviter no longer entitled).
    tx.update(accessLinks)
      .set({ usedAt: new Date(), revokedAt: new Date() })
      .where(
        and(
          eq(accessLinks.kind, 'invite'),
          eq(accessLinks.email, email),
          eq(accessLinks.compactId, compactId),
          isNull(accessLinks.usedAt),
        ),
      )
      .run();
    const link = issueLink(
      tx,
      actor,
      {
        kind: 'invite',
        email,
        userId: existing?.id ?? null,
        compactId,
        partyId: input.partyId,
        role: input.role,
        signatory: input.signatory,
        locale: input.locale,
      },
      INVITE_TTL_MS,
    );
    recordAuditEvent(tx, actor, {
      compactId,
      action: 'invite.issued',
      entityType: 'access-link',
      entityId: link.id,
      after: {
        email,
        partyId: input.partyId,
        role: input.role,
        signatory: input.signatory,
        locale: input.locale,
        existingAccount: existing !== null,
      },
    });
    noticeInvitation(tx, actor.userId, { ...input, email, userId: existing?.id ?? null, compactId, ...link });
    return { kind: existing ? 'pending' : 'link', path: link.path, expiresAt: link.expiresAt };
  });
}

/** What the invitee sees before accepting. */
export function describeInvite(db: DbOrTx, token: string) {
  const link = checkAccessToken(db, 'invite', token);
  const account = findUserByEmail(db, link.email);
  const [compact] = db
    .select({ title: compacts.title })
    .from(compacts)
    .where(eq(compacts.id, link.compactId ?? ''))
    .all();
  const [party] = db
    .select({ name: parties.name })
    .from(parties)
    .where(eq(parties.id, link.partyId ?? ''))
    .all();
  const [invitedBy] = db.select({ name: user.name }).from(user).where(eq(user.id, link.createdBy)).all();
  return {
    email: link.email,
    compactTitle: compact?.title ?? '',
    partyName: party?.name ?? '',
    role: link.role,
    signatory: link.signatory,
    /** Who sent it: their name and the party they represent in this compact. */
    invitedBy: invitedBy?.name ?? '',
    invitedByParty: findMembership(db, link.compactId ?? '', link.createdBy)?.partyName ?? '',
    expiresAt: link.expiresAt,
    hasAccount: account !== null,
    /** Whether it also waits on the account's "My compacts" (only when it was issued to that account). */
    listedForAccount: account !== null && link.userId === account.id,
  };
}

/** Where an invitation places its invitee: its compact, representing its party. */
function placementOf(link: AccessLink) {
  return { compactId: link.compactId!, partyId: link.partyId! };
}

/**
 * Adds the membership an invitation offers, representing the invitation's party (inside the
 * transaction that marks it used). The person's name must be free among that party's members
 * of the compact.
 */
function joinFromInvitation(tx: Tx, link: AccessLink, invitee: { userId: string; name: string }) {
  markUsed(tx, link.id);
  const placement = placementOf(link);
  if (link.compactId && !findMembership(tx, link.compactId, invitee.userId)) {
    assertNameFreeInPlacements(tx, invitee.name, [placement], invitee.userId);
    tx.insert(memberships)
      .values({
        ...placement,
        userId: invitee.userId,
        role: link.role!,
        signatory: link.signatory,
        createdAt: new Date(),
      })
      .run();
  }
  recordAuditEvent(
    tx,
    { userId: invitee.userId, partyId: placement.partyId },
    {
      compactId: link.compactId,
      action: 'invite.accepted',
      entityType: 'membership',
      entityId: invitee.userId,
      after: { partyId: placement.partyId, role: link.role, signatory: link.signatory },
    },
  );
}

/**
 * Accepts an invitation link. A new person sets their name and password here; someone who
 * already has an account must be signed in as that account (the link never sets its password).
 * The token is checked first, outside any transaction: a bogus token costs one lookup, never
 * a password hash. A new account starts in `input.locale` (a language the person chose on this
 * browser) or else in the invitation's language.
 */
export async function acceptInvite(
  db: Db,
  signedIn: Invitee | null,
  token: string,
  input: { name?: string; password?: string; locale?: AppLocale | null },
  hasher: PasswordHasher = defaultPasswordHasher,
) {
  const checked = checkAccessToken(db, 'invite', token);
  const existing = findUserByEmail(db, checked.email);
  if (existing) {
    if (input.password !== undefined) {
      throw new DomainError('BAD_REQUEST', { key: 'errors.invitations.addressAlreadyHasAccount' });
    }
    if (signedIn?.userId !== existing.id)
      throw new DomainError('UNAUTHORIZED', {
        key: 'errors.invitations.signAsAcceptInvitation',
        args: { email: checked.email },
      });
    db.transaction((tx) =>
      joinFromInvitation(tx, checkAccessToken(tx, 'invite', token), { userId: existing.id, name: existing.name }),
    );
    return { email: checked.email, joined: true };
  }
  const name = validDisplayName(input.name ?? '');
  assertNameFreeInPlacements(db, name, [placementOf(checked)]);
  const passwordHash = await hasher(assertAcceptablePassword(input.password));
  db.transaction((tx) => {
    const link = checkAccessToken(tx, 'invite', token);
    if (findUserByEmail(tx, link.email))
      throw new DomainError('CONFLICT', { key: 'errors.invitations.accountAddressWasCreated' });
    const userId = newId();
    const now = new Date();
    const locale = input.locale ?? link.locale;
    tx.insert(user).values({ id: userId, name, email: link.email, locale, createdAt: now, updatedAt: now }).run();
    insertPasswordCredential(tx, userId, passwordHash, now);
    joinFromInvitation(tx, link, { userId, name });
  });
  return { email: checked.email, joined: false };
}

const inviter = alias(user, 'inviter');

/**
 * The open invitations issued to the signed-in person's account. An invitation issued for a new
 * person (before any account had its address) is accepted only through its link: whoever created
 * an account with that address since — possibly another compact's admin, through their own link —
 * never receives it.
 */
export function listPendingInvitations(db: DbOrTx, invitee: Invitee) {
  return db
    .select({
      id: accessLinks.id,
      compactId: accessLinks.compactId,
      compactTitle: compacts.title,
      partyName: parties.name,
      role: accessLinks.role,
      signatory: accessLinks.signatory,
      invitedBy: inviter.name,
      createdBy: accessLinks.createdBy,
      expiresAt: accessLinks.expiresAt,
    })
    .from(accessLinks)
    .innerJoin(compacts, eq(compacts.id, accessLinks.compactId))
    .innerJoin(parties, eq(parties.id, accessLinks.partyId))
    .innerJoin(inviter, eq(inviter.id, accessLinks.createdBy))
    .where(
      and(
        eq(accessLinks.kind, 'invite'),
        eq(accessLinks.userId, invitee.userId),
        isNull(accessLinks.usedAt),
        gt(accessLinks.expiresAt, new Date()),
      ),
    )
    .orderBy(asc(accessLinks.createdAt))
    .all()
    .filter((invitation) => issuerStillEntitled(db, invitation))
    .map(({ createdBy: _issuer, ...invitation }) => invitation);
}

/** Accepts or declines one of the signed-in person's own pending invitations. */
export function respondToInvitation(db: Db, invitee: Invitee, invitationId: string, answer: 'accept' | 'decline') {
  db.transaction((tx) => {
    const link = findUsableLinkById(tx, 'invite', invitationId);
    // Someone else's invitation (or one issued for a new person: see listPendingInvitations) is
    // indistinguishable from none at all.
    if (!link || link.userId !== invitee.userId)
      throw new DomainError('NOT_FOUND', { key: 'errors.invitations.noSuchInvitationMay' });
    if (answer === 'accept') {
      joinFromInvitation(tx, link, invitee);
      return;
    }
    markUsed(tx, link.id);
    // Declining happens outside the compact: the decline is audited with no party.
    recordAuditEvent(
      tx,
      { userId: invitee.userId, partyId: null },
      {
        compactId: link.compactId,
        action: 'invite.declined',
        entityType: 'access-link',
        entityId: link.id,
      },
    );
  });
}
