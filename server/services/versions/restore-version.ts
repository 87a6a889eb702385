import 'server-only';
import type { DbHandle } from '@/db/client';
import type { CompactMember } from '../../policies/compact-member';
import { recordAuditEvent } from '../audit';
import { writeAsMember } from '../member-writes';
import { restoreEdit } from './restore-edit';
import { newestUpdateId, snapshotAt } from './text-snapshot';
import { getVersion } from './version-list';

export interface RestoreOutcome {
  /** The update that restored the text (null: the text already was the version's). */
  updateId: number | null;
  /** Whether the text right after the restore is the version's text (false: edits made meanwhile are in it too). */
  exact: boolean;
}

/**
 * Restores a version (admins): every change made since it is undone (restoreEdit), as one forward
 * edit through the server write path by the person restoring — recorded and attributed to them
 * like any edit; history is never rewritten. Text untouched since keeps its authors; restored
 * brackets and options carry the party (and person) they had. Audited with the version's content
 * hash and whether the result matches it (edits made meanwhile in the live text may remain).
 */
export async function restoreVersion(
  { db, sqlite }: DbHandle,
  member: CompactMember,
  input: { compactId: string; versionId: string },
): Promise<RestoreOutcome> {
  const version = getVersion(db, input.compactId, input.versionId);
  const update = restoreEdit(db, sqlite, input.compactId, version);
  const updateId = update === null ? null : await writeAsMember(member, input.compactId, update);
  const after = snapshotAt(db, input.compactId, updateId ?? newestUpdateId(db, input.compactId));
  const exact = after.contentHash === version.contentHash;
  recordAuditEvent(
    db,
    { userId: member.userId, partyId: member.partyId },
    {
      compactId: input.compactId,
      action: 'version.restored',
      entityType: 'version',
      entityId: version.id,
      after: {
        number: version.number,
        name: version.name,
        contentHash: version.contentHash,
        canonicalVersion: version.canonicalVersion,
        updateId,
        resultHash: after.contentHash,
        exact,
      },
    },
  );
  return { updateId, exact };
}
