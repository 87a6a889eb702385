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
}

export function compactMember(actor: { userId: string; partyId: string }, membership: { role: CompactRole }) {
  return { userId: actor.userId, partyId: actor.partyId, role: membership.role } satisfies CompactMember;
}
