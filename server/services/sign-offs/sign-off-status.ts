import 'server-only';
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { memberships } from '@/db/schema/compacts';
import { parties } from '@/db/schema/parties';
import { signOffs } from '@/db/schema/sign-offs';
import { versions } from '@/db/schema/versions';
import { CANONICAL_FORM_VERSION, contentHash } from '@/shared/history/canonical-form';
import type { SignOffState, StatementKind } from '@/shared/history/sign-off-rules';
import { currentTextHash } from './current-text-hash';

/** How many of a party's withdrawn sign-offs the status lists (newest first; the count says how many there are). */
export const WITHDRAWN_SHOWN = 20;

export interface ShownSignOff {
  id: string;
  versionId: string;
  versionNumber: number;
  versionName: string | null;
  contentHash: string;
  canonicalVersion: number;
  statementKind: StatementKind;
  statement: string | null;
  signedAt: Date;
  signedBy: { userId: string; name: string | null };
  withdrawnAt: Date | null;
  withdrawnBy: { userId: string; name: string | null } | null;
  withdrawalReason: string | null;
  /** Withdrawn by the party signing another version (the sign-off made at the instant of the withdrawal). */
  supersededBy: { versionNumber: number; versionName: string | null } | null;
}

export interface PartySignOffStatus {
  partyId: string;
  partyCode: string;
  partyName: string;
  state: SignOffState;
  /** The party's active sign-off (null when not signed). */
  active: ShownSignOff | null;
  /** Its withdrawn sign-offs, newest first (at most WITHDRAWN_SHOWN). */
  withdrawn: ShownSignOff[];
  withdrawnCount: number;
}

const columns = {
  id: signOffs.id,
  partyId: signOffs.partyId,
  versionId: signOffs.versionId,
  versionNumber: versions.number,
  versionName: versions.name,
  contentHash: signOffs.contentHash,
  canonicalVersion: signOffs.canonicalVersion,
  statementKind: signOffs.statementKind,
  statement: signOffs.statement,
  signedAt: signOffs.signedAt,
  signedBy: signOffs.signedBy,
  withdrawnAt: signOffs.withdrawnAt,
  withdrawnBy: signOffs.withdrawnBy,
  withdrawalReason: signOffs.withdrawalReason,
};

function signOffRows(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(columns)
    .from(signOffs)
    .innerJoin(versions, eq(versions.id, signOffs.versionId))
    .where(where)
    .orderBy(desc(signOffs.signedAt), desc(signOffs.id))
    .all();
}

/** Each party's newest WITHDRAWN_SHOWN withdrawn sign-offs in the compact, in one query (newest first). */
function newestWithdrawn(db: DbOrTx, compactId: string): SignOffRow[] {
  const ranked = db
    .select({
      ...columns,
      rank: sql<number>`row_number() over (partition by ${signOffs.partyId} order by ${signOffs.signedAt} desc, ${signOffs.id} desc)`.as(
        'rank',
      ),
    })
    .from(signOffs)
    .innerJoin(versions, eq(versions.id, signOffs.versionId))
    .where(and(eq(signOffs.compactId, compactId), isNotNull(signOffs.withdrawnAt)))
    .as('ranked');
  return db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, WITHDRAWN_SHOWN))
    .orderBy(desc(ranked.signedAt), desc(ranked.id))
    .all()
    .map(({ rank: _rank, ...row }) => row);
}

type SignOffRow = ReturnType<typeof signOffRows>[number];

/** The parties represented in a compact: those of its memberships, and those that signed before and left. */
function representedParties(db: DbOrTx, compactId: string) {
  const members = db
    .selectDistinct({ partyId: memberships.partyId })
    .from(memberships)
    .where(eq(memberships.compactId, compactId));
  const signers = db
    .selectDistinct({ partyId: signOffs.partyId })
    .from(signOffs)
    .where(eq(signOffs.compactId, compactId));
  return db
    .select({ id: parties.id, code: parties.shortCode, name: parties.name })
    .from(parties)
    .where(or(inArray(parties.id, members), inArray(parties.id, signers)))
    .orderBy(asc(parties.shortCode))
    .all();
}

/**
 * The hash the signed version has under the current canonical-form rule: the stored one when it
 * was signed under this rule, else recomputed from the version's stored JSON (so a change of the
 * rule never makes every sign-off look stale).
 */
function signedHashUnderCurrentRule(
  db: DbOrTx,
  signOff: Pick<ShownSignOff, 'versionId' | 'contentHash' | 'canonicalVersion'>,
): string {
  if (signOff.canonicalVersion === CANONICAL_FORM_VERSION) return signOff.contentHash;
  const [version] = db
    .select({ contentJson: versions.contentJson })
    .from(versions)
    .where(eq(versions.id, signOff.versionId))
    .all();
  return version ? contentHash(version.contentJson) : signOff.contentHash;
}

function namesOf(db: DbOrTx, rows: SignOffRow[]): Map<string, string> {
  const ids = new Set(rows.flatMap((row) => (row.withdrawnBy ? [row.signedBy, row.withdrawnBy] : [row.signedBy])));
  if (ids.size === 0) return new Map();
  const people = db
    .select({ id: user.id, name: user.name })
    .from(user)
    .where(inArray(user.id, [...ids]))
    .all();
  return new Map(people.map((person) => [person.id, person.name]));
}

/** The party's sign-off made at the instant this one was withdrawn: the one that superseded it (signVersion). */
function supersedingOf(row: SignOffRow, partyRows: SignOffRow[]): ShownSignOff['supersededBy'] {
  const at = row.withdrawnAt?.getTime();
  const next = at === undefined ? undefined : partyRows.find((other) => other.signedAt.getTime() === at);
  return next ? { versionNumber: next.versionNumber, versionName: next.versionName } : null;
}

/**
 * Sign-offs superseded before the fact was derived kept the English sentence "superseded by <name>"
 * as their reason (withdrawn rows never change): that sentence is not shown again beside the fact.
 */
function legacySupersededReason(row: SignOffRow, supersededBy: ShownSignOff['supersededBy']): boolean {
  if (!supersededBy) return false;
  return row.withdrawalReason === `superseded by ${supersededBy.versionName ?? `#${supersededBy.versionNumber}`}`;
}

function shown(row: SignOffRow, names: Map<string, string>, partyRows: SignOffRow[]): ShownSignOff {
  const { partyId: _party, signedBy, withdrawnBy, ...rest } = row;
  const supersededBy = supersedingOf(row, partyRows);
  return {
    ...rest,
    signedBy: { userId: signedBy, name: names.get(signedBy) ?? null },
    withdrawnBy: withdrawnBy ? { userId: withdrawnBy, name: names.get(withdrawnBy) ?? null } : null,
    withdrawalReason: legacySupersededReason(row, supersededBy) ? null : row.withdrawalReason,
    supersededBy,
  };
}

/**
 * Per party represented in the compact, its active sign-off and its newest withdrawn ones (with
 * how many there are), without its standing against the text now: what the review pack tables.
 */
export function partySignOffs(db: DbOrTx, compactId: string): Omit<PartySignOffStatus, 'state'>[] {
  const active = signOffRows(db, and(eq(signOffs.compactId, compactId), isNull(signOffs.withdrawnAt)));
  const withdrawnCounts = new Map(
    db
      .select({ partyId: signOffs.partyId, n: count() })
      .from(signOffs)
      .where(and(eq(signOffs.compactId, compactId), isNotNull(signOffs.withdrawnAt)))
      .groupBy(signOffs.partyId)
      .all()
      .map((row) => [row.partyId, row.n]),
  );
  const withdrawnRows = newestWithdrawn(db, compactId);
  const names = namesOf(db, [...active, ...withdrawnRows]);
  return representedParties(db, compactId).map((party) => {
    const mine = active.find((row) => row.partyId === party.id);
    const withdrawn = withdrawnRows.filter((row) => row.partyId === party.id);
    // A superseding sign-off is newer than the one it replaced: it is the active one or among the newest withdrawn.
    const partyRows = mine ? [mine, ...withdrawn] : withdrawn;
    return {
      partyId: party.id,
      partyCode: party.code,
      partyName: party.name,
      active: mine ? shown(mine, names, partyRows) : null,
      withdrawn: withdrawn.map((row) => shown(row, names, partyRows)),
      withdrawnCount: withdrawnCounts.get(party.id) ?? 0,
    };
  });
}

/**
 * Per party represented in the compact, its standing against the text as stored now: signed the
 * current text (its active sign-off's hash equals the current text's, whichever version carried
 * it), signed an earlier text (stale: the version it signed is named, to compare from), or not
 * signed; with its withdrawn sign-offs for the record. The current text's hash is cached per
 * compact under its newest update (current-text-hash.ts).
 */
export function signOffStatus(db: DbOrTx, compactId: string) {
  const current = currentTextHash(db, compactId);
  return {
    currentContentHash: current.contentHash,
    parties: partySignOffs(db, compactId).map((party): PartySignOffStatus => ({
      ...party,
      state: !party.active
        ? 'not-signed'
        : signedHashUnderCurrentRule(db, party.active) === current.contentHash
          ? 'signed-current'
          : 'signed-earlier',
    })),
  };
}
