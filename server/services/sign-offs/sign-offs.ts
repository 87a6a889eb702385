import 'server-only';
import { atField } from '@/i18n/problem';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { signOffs } from '@/db/schema/sign-offs';
import { versions } from '@/db/schema/versions';
import {
  cleanFreeText,
  statementProblem,
  withdrawalReasonProblem,
  type StatementKind,
} from '@/shared/history/sign-off-rules';
import { authorize } from '../../policies/authorize';
import { signRefusal, withdrawSignOffRefusal, type SigningMember } from '../../policies/sign-off-policy';
import { DomainError } from '../domain-error';
import { newId } from '../ids';
import { activeSignOff, insertSignOff, markWithdrawn, type SignOffRecord } from './sign-off-writes';

export interface SignInput {
  compactId: string;
  versionId: string;
  statementKind: StatementKind;
  statement?: string | null;
}

export interface WithdrawInput {
  compactId: string;
  signOffId: string;
  reason?: string | null;
}

function namedVersion(db: Db, compactId: string, versionId: string) {
  const [version] = db
    .select({
      id: versions.id,
      kind: versions.kind,
      number: versions.number,
      name: versions.name,
      contentHash: versions.contentHash,
      canonicalVersion: versions.canonicalVersion,
    })
    .from(versions)
    .where(and(eq(versions.compactId, compactId), eq(versions.id, versionId)))
    .all();
  if (!version) throw new DomainError('NOT_FOUND', { key: 'errors.signOffs.noSuchVersionCompact' });
  if (version.kind !== 'named') throw new DomainError('BAD_REQUEST', { key: 'errors.signOffs.onlyNamedVersionCan' });
  return { ...version, name: version.name ?? `#${version.number}` };
}

/**
 * A signatory signs a named version on behalf of their membership's party, copying the version's
 * content hash (and canonical-form rule), with an optional reservation or interpretive statement.
 * The party's active sign-off of another version is superseded: withdrawn by the signer at the
 * instant of the new one, in the same immediate transaction, both audited. Signing the version the party has
 * already signed is a CONFLICT (withdraw it first to sign with another statement).
 */
export function signVersion(db: Db, member: SigningMember, input: SignInput): SignOffRecord {
  authorize(signRefusal(member));
  const statement = cleanFreeText(input.statement);
  const problem = statementProblem(input.statementKind, statement);
  if (problem) throw new DomainError('BAD_REQUEST', atField(problem, 'statement'));
  const version = namedVersion(db, input.compactId, input.versionId);
  const record: SignOffRecord = {
    id: newId(),
    compactId: input.compactId,
    versionId: version.id,
    versionNumber: version.number,
    partyId: member.partyId,
    contentHash: version.contentHash,
    canonicalVersion: version.canonicalVersion,
    statementKind: input.statementKind,
    statement,
  };
  const actor = { userId: member.userId, partyId: member.partyId };
  const at = new Date();
  db.transaction(
    (tx) => {
      const active = activeSignOff(tx, input.compactId, member.partyId);
      if (active?.versionId === version.id)
        throw new DomainError('CONFLICT', { key: 'errors.signOffs.yourPartyHasAlready', args: { name: version.name } });
      if (active) markWithdrawn(tx, actor, active, null, at, record.id);
      insertSignOff(tx, actor, record, at);
    },
    { behavior: 'immediate' },
  );
  return record;
}

/**
 * A signatory of the party that gave a sign-off withdraws it, with an optional reason: the row is
 * kept with who withdrew it, when and why, and the withdrawal is audited.
 */
export function withdrawSignOff(db: Db, member: SigningMember, input: WithdrawInput): { id: string } {
  const [signOff] = db
    .select({ partyId: signOffs.partyId })
    .from(signOffs)
    .where(and(eq(signOffs.compactId, input.compactId), eq(signOffs.id, input.signOffId)))
    .all();
  if (!signOff) throw new DomainError('NOT_FOUND', { key: 'errors.signOffs.noSuchSignOff' });
  authorize(withdrawSignOffRefusal(member, signOff));
  const reason = cleanFreeText(input.reason);
  const problem = withdrawalReasonProblem(reason);
  if (problem) throw new DomainError('BAD_REQUEST', atField(problem, 'reason'));
  const actor = { userId: member.userId, partyId: member.partyId };
  db.transaction(
    (tx) => {
      const active = activeSignOff(tx, input.compactId, signOff.partyId);
      if (active?.id !== input.signOffId)
        throw new DomainError('CONFLICT', { key: 'errors.signOffWrites.signOffHasAlready' });
      markWithdrawn(tx, actor, active, reason, new Date());
    },
    { behavior: 'immediate' },
  );
  return { id: input.signOffId };
}
