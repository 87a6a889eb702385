import 'server-only';
import { z } from 'zod';
import type { Db, DbOrTx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { findUserByEmail } from './access-links';
import { recordAuditEvent } from './audit';
import { validDisplayName } from './display-name';
import { DomainError } from './domain-error';
import { insertPasswordCredential } from './credentials';
import { newId } from './ids';
import { assertAcceptablePassword, defaultPasswordHasher, type PasswordHasher } from './password-rules';

const NO_ACTOR = { userId: null, partyId: null };

export interface NewInstanceAdmin {
  email: string;
  name: string;
}

/**
 * Creates an instance administrator (for the first real administrator of a deployment, from the
 * command line). The account has no party: a person represents a party only as a member of a
 * compact, chosen when they create the compact or are invited to it. Everything is checked
 * before the password is hashed.
 */
export async function createInstanceAdmin(
  db: Db,
  input: NewInstanceAdmin,
  password: string,
  hasher: PasswordHasher = defaultPasswordHasher,
) {
  const email = input.email.trim().toLowerCase();
  if (!z.email().max(320).safeParse(email).success)
    throw new DomainError('BAD_REQUEST', { key: 'errors.instanceAdmins.giveValidEMail' });
  const name = validDisplayName(input.name);
  assertAcceptablePassword(password);
  if (findUserByEmail(db, email))
    throw new DomainError('CONFLICT', { key: 'errors.instanceAdmins.accountExistsAlready', args: { email } });
  const passwordHash = await hasher(password);
  return db.transaction((tx) => {
    if (findUserByEmail(tx, email))
      throw new DomainError('CONFLICT', { key: 'errors.instanceAdmins.accountExistsAlready', args: { email } });
    const userId = newId();
    const now = new Date();
    tx.insert(user)
      .values({ id: userId, name, email, emailVerified: true, isInstanceAdmin: true, createdAt: now, updatedAt: now })
      .run();
    insertPasswordCredential(tx, userId, passwordHash, now);
    recordAuditEvent(tx, NO_ACTOR, {
      compactId: null,
      action: 'instance-admin.created',
      entityType: 'user',
      entityId: userId,
      after: { email, name },
    });
    return { userId, email, name };
  });
}

/** Whether any account at all exists (an empty database is a fresh install). */
export function hasAnyAccount(db: DbOrTx): boolean {
  return db.select({ id: user.id }).from(user).limit(1).all().length > 0;
}
