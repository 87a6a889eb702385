import 'server-only';
import type { DbOrTx } from '@/db/client';
import { account } from '@/db/schema/auth';
import { newId } from './ids';

/** Stores a person's password (already hashed) as their email-and-password credential. */
export function insertPasswordCredential(db: DbOrTx, userId: string, passwordHash: string, now: Date): void {
  db.insert(account)
    .values({
      id: newId(),
      accountId: userId,
      providerId: 'credential',
      userId,
      password: passwordHash,
      createdAt: now,
      updatedAt: now,
    })
    .run();
}
