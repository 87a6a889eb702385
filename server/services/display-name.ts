import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { memberships } from '@/db/schema/compacts';
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

/** Where a person represents a party: one compact and their party in it. */
export interface Placement {
  compactId: string;
  partyId: string;
}

/**
 * Two members of one compact who represent the same party never share a display name, so nobody
 * can pass as a colleague where it matters: in the compact's presence, carets and attribution.
 * Checked for every placement the name will be shown in (joining a compact: that one; a rename:
 * every compact the person belongs to).
 */
export function assertNameFreeInPlacements(
  db: DbOrTx,
  name: string,
  placements: readonly Placement[],
  exceptUserId?: string,
) {
  const wanted = comparable(name);
  const clash = placements.some((placement) =>
    db
      .select({ id: user.id, name: user.name })
      .from(memberships)
      .innerJoin(user, eq(user.id, memberships.userId))
      .where(
        and(
          eq(memberships.compactId, placement.compactId),
          eq(memberships.partyId, placement.partyId),
          ne(memberships.userId, exceptUserId ?? ''),
        ),
      )
      .all()
      .some((other) => comparable(other.name) === wanted),
  );
  if (clash) {
    throw new DomainError('CONFLICT', { key: 'errors.displayName.someoneSamePartyCompact' });
  }
}

/** Every compact a person belongs to, with the party they represent there. */
export function placementsOf(db: DbOrTx, userId: string): Placement[] {
  return db
    .select({ compactId: memberships.compactId, partyId: memberships.partyId })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .all();
}
