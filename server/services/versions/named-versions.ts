import 'server-only';
import type { Db } from '@/db/client';
import { normaliseVersionLabel, versionLabelProblems, type VersionLabel } from '@/shared/history/version-rules';
import type { CompactMember } from '../../policies/compact-member';
import { DomainError } from '../domain-error';
import { contributorsBetween, newestUpdateId, snapshotAt } from './text-snapshot';
import {
  furthestVersion,
  insertVersion,
  nameTakenError,
  newestVersion,
  versionNameTaken,
  type StoredVersion,
} from './version-writes';

/** How often a named version is computed again when versions keep being stored meanwhile. */
const ATTEMPTS = 3;

/**
 * Names the stored text as it is now ("Zero draft", "Rev.1", with a document symbol and a note):
 * a version at the newest stored update, rendered and hashed outside the write transaction, then
 * stored with its audit event (actor: the member, with their party). Bad labels are refused with
 * the field named; a name the compact already has is a CONFLICT. The policy (`nameVersion`) is
 * checked by the procedure.
 */
export function createNamedVersion(
  db: Db,
  member: CompactMember,
  input: VersionLabel & { compactId: string },
): StoredVersion {
  const [problem] = versionLabelProblems(input);
  if (problem) throw new DomainError('BAD_REQUEST', problem);
  const { name, symbol, note } = normaliseVersionLabel(input);
  const { compactId } = input;
  if (versionNameTaken(db, compactId, name)) throw nameTakenError(name);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const previous = newestVersion(db, compactId);
    const furthest = furthestVersion(db, compactId);
    const snapshot = snapshotAt(db, compactId, newestUpdateId(db, compactId));
    const stored = insertVersion(
      db,
      { userId: member.userId, partyId: member.partyId },
      {
        compactId,
        kind: 'named',
        name,
        symbol,
        note,
        snapshot,
        contributors: contributorsBetween(db, compactId, furthest?.uptoUpdateId ?? 0, snapshot.uptoUpdateId),
        follows: previous?.number ?? 0,
        createdBy: member.userId,
      },
    );
    if (stored) return stored;
  }
  throw new DomainError('CONFLICT', { key: 'errors.openCycle.otherVersionsWereBeing' });
}
