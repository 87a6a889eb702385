import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { parties } from '@/db/schema/parties';
import { PARTY_KINDS, type PartyKind } from '@/shared/enums';
import { findUserByEmail } from './access-links';
import { recordAuditEvent } from './audit';
import { assertNameFreeInParty, validDisplayName } from './display-name';
import { DomainError } from './domain-error';
import { insertPasswordCredential } from './credentials';
import { newId } from './ids';
import { insertParty } from './parties';
import { assertAcceptablePassword, defaultPasswordHasher, type PasswordHasher } from './password-rules';

export interface NewInstanceAdmin {
  email: string;
  name: string;
  /** The party's name (or short code) if it exists; otherwise it is created with the fields below. */
  party: string;
  partyCode?: string;
  partyKind?: string;
}

const NO_ACTOR = { userId: null, partyId: null };

function findParty(db: DbOrTx, nameOrCode: string) {
  const wanted = nameOrCode.trim().toLowerCase();
  const [party] = db
    .select({ id: parties.id, name: parties.name })
    .from(parties)
    .where(sql`lower(${parties.name}) = ${wanted} or lower(${parties.shortCode}) = ${wanted}`)
    .all();
  return party ?? null;
}

/** The party to create when none matches: a short code from the initials unless given. */
function newPartyFields(input: NewInstanceAdmin) {
  const name = input.party.trim();
  if (name.length < 2 || name.length > 160)
    throw new DomainError('BAD_REQUEST', 'The party name must be 2 to 160 characters.');
  const initials = name
    .split(/\s+/)
    .map((word) => word.replace(/[^A-Za-z0-9]/g, '').slice(0, 1))
    .join('')
    .toUpperCase();
  const shortCode = (input.partyCode ?? initials).trim();
  if (!/^[A-Za-z0-9-]{2,16}$/.test(shortCode))
    throw new DomainError('BAD_REQUEST', 'The party code must be 2 to 16 letters, digits or dashes (--party-code).');
  const kind = (input.partyKind ?? 'other') as PartyKind;
  if (!PARTY_KINDS.includes(kind))
    throw new DomainError('BAD_REQUEST', `The party kind must be one of: ${PARTY_KINDS.join(', ')} (--party-kind).`);
  return { name, shortCode, kind };
}

/**
 * Creates an instance administrator (for the first real administrator of a deployment, from the
 * command line). Everything is checked before the password is hashed; party and account are
 * created in one transaction.
 */
export async function createInstanceAdmin(
  db: Db,
  input: NewInstanceAdmin,
  password: string,
  hasher: PasswordHasher = defaultPasswordHasher,
) {
  const email = input.email.trim().toLowerCase();
  if (!z.email().max(320).safeParse(email).success)
    throw new DomainError('BAD_REQUEST', 'Give a valid e-mail address (--email).');
  const name = validDisplayName(input.name);
  assertAcceptablePassword(password);
  if (findUserByEmail(db, email)) throw new DomainError('CONFLICT', `An account with ${email} exists already.`);
  const existingParty = findParty(db, input.party);
  const partyToCreate = existingParty ? null : newPartyFields(input);
  if (existingParty) assertNameFreeInParty(db, existingParty.id, name);
  const passwordHash = await hasher(password);
  return db.transaction((tx) => {
    if (findUserByEmail(tx, email)) throw new DomainError('CONFLICT', `An account with ${email} exists already.`);
    const party = existingParty ?? insertParty(tx, NO_ACTOR, partyToCreate!);
    const userId = newId();
    const now = new Date();
    tx.insert(user)
      .values({
        id: userId,
        name,
        email,
        emailVerified: true,
        partyId: party.id,
        isInstanceAdmin: true,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    insertPasswordCredential(tx, userId, passwordHash, now);
    recordAuditEvent(tx, NO_ACTOR, {
      compactId: null,
      action: 'instance-admin.created',
      entityType: 'user',
      entityId: userId,
      after: { email, name, partyId: party.id },
    });
    return { userId, email, name, partyName: party.name, partyCreated: existingParty === null };
  });
}

/** Whether any account at all exists (an empty database is a fresh install). */
export function hasAnyAccount(db: DbOrTx): boolean {
  return db.select({ id: user.id }).from(user).limit(1).all().length > 0;
}
