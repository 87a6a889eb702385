import 'server-only';
import { serverWriter } from '../collab/collab-endpoint-registry';
import { ServerWriteRefused, ServerWriteUnconfirmed } from '../collab/server-writes';
import type { CompactMember } from '../policies/compact-member';
import { DomainError } from './domain-error';

/**
 * Writes an edit built on the server (buildServerUpdate) into a compact's live text through the
 * server write path, attributed to the member (and the party they represent there). A refusal or
 * an unconfirmed commit becomes a CONFLICT the person can act on.
 */
export async function writeAsMember(
  member: Pick<CompactMember, 'userId' | 'partyId'>,
  compactId: string,
  update: Uint8Array,
): Promise<number | null> {
  try {
    return await serverWriter().writeUpdate(compactId, update, { userId: member.userId, partyId: member.partyId });
  } catch (error) {
    if (error instanceof ServerWriteUnconfirmed)
      throw new DomainError('CONFLICT', { key: 'errors.memberWrites.textDidNotConfirm' });
    if (error instanceof ServerWriteRefused)
      throw new DomainError('CONFLICT', { key: 'errors.memberWrites.textRefusedChangeReload' });
    throw error;
  }
}
