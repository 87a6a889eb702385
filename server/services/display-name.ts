import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { displayNameProblem, normaliseDisplayName } from '@/shared/display-name-rules';
import { DomainError } from './domain-error';

/** Checks and normalises a name in a service; bad input is a BAD_REQUEST. */
export function validDisplayName(raw: string): string {
  const problem = displayNameProblem(raw);
  if (problem) throw new DomainError('BAD_REQUEST', problem);
  return normaliseDisplayName(raw);
}

function comparable(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** Two people of one party never share a display name, so nobody can pass as a colleague. */
export function assertNameFreeInParty(db: DbOrTx, partyId: string, name: string, exceptUserId?: string) {
  const wanted = comparable(name);
  const clash = db
    .select({ id: user.id, name: user.name })
    .from(user)
    .where(eq(user.partyId, partyId))
    .all()
    .some((other) => other.id !== exceptUserId && comparable(other.name) === wanted);
  if (clash) {
    throw new DomainError(
      'CONFLICT',
      'Someone in this party already uses this name: add something that tells you apart, e.g. a middle initial.',
    );
  }
}
