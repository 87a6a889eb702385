import 'server-only';
import type { CompactRole } from '@/shared/roles';

/**
 * A person acting inside one compact, as every policy sees them: who they are, the role they
 * hold there and the party they represent there. Policies answer from this and the entity alone.
 */
export interface CompactMember {
  userId: string;
  partyId: string;
  role: CompactRole;
  /** Whether the compact is archived (read only for every role); absent means active. */
  compactArchived?: boolean;
}

/** The member as policies see them: the account's id, the membership's party and role, and whether the compact is archived. */
export function compactMember(
  actor: { userId: string },
  // Required: a caller that forgot it would treat an archived compact as writable.
  membership: { partyId: string; role: CompactRole; compactArchived: boolean },
) {
  return {
    userId: actor.userId,
    partyId: membership.partyId,
    role: membership.role,
    compactArchived: membership.compactArchived,
  } satisfies CompactMember;
}
