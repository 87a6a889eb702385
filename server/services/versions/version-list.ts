import 'server-only';
import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { parties } from '@/db/schema/parties';
import { versions, type VersionContributor } from '@/db/schema/versions';
import { DEFAULT_VERSIONS_PER_PAGE, MAX_VERSIONS_PER_PAGE, type VersionKind } from '@/shared/history/version-rules';
import { DomainError } from '../domain-error';

/** A contributor as the history shows them: null name and party for the system. */
export interface ShownContributor {
  userId: string | null;
  name: string | null;
  partyId: string | null;
  partyCode: string | null;
  partyName: string | null;
  updates: number;
}

const summaryColumns = {
  id: versions.id,
  number: versions.number,
  kind: versions.kind,
  name: versions.name,
  symbol: versions.symbol,
  note: versions.note,
  uptoUpdateId: versions.uptoUpdateId,
  contentHash: versions.contentHash,
  canonicalVersion: versions.canonicalVersion,
  contributors: versions.contributors,
  createdBy: versions.createdBy,
  createdAt: versions.createdAt,
};

type SummaryRow = { contributors: VersionContributor[]; createdBy: string | null };

/** Resolves every person and party the rows name in two lookups (never one per row). */
function withNames<T extends SummaryRow>(db: DbOrTx, rows: T[]) {
  const userIds = new Set<string>();
  const partyIds = new Set<string>();
  for (const row of rows) {
    if (row.createdBy) userIds.add(row.createdBy);
    for (const contributor of row.contributors) {
      if (contributor.userId) userIds.add(contributor.userId);
      if (contributor.partyId) partyIds.add(contributor.partyId);
    }
  }
  const people = new Map(
    userIds.size === 0
      ? []
      : db
          .select({ id: user.id, name: user.name })
          .from(user)
          .where(inArray(user.id, [...userIds]))
          .all()
          .map((person) => [person.id, person.name]),
  );
  const partiesById = new Map(
    partyIds.size === 0
      ? []
      : db
          .select({ id: parties.id, name: parties.name, shortCode: parties.shortCode })
          .from(parties)
          .where(inArray(parties.id, [...partyIds]))
          .all()
          .map((party) => [party.id, party]),
  );
  return rows.map(({ contributors, createdBy, ...row }) => ({
    ...row,
    createdBy: createdBy ? { userId: createdBy, name: people.get(createdBy) ?? null } : null,
    contributors: contributors.map((contributor): ShownContributor => ({
      userId: contributor.userId,
      name: contributor.userId ? (people.get(contributor.userId) ?? null) : null,
      partyId: contributor.partyId,
      partyCode: contributor.partyId ? (partiesById.get(contributor.partyId)?.shortCode ?? null) : null,
      partyName: contributor.partyId ? (partiesById.get(contributor.partyId)?.name ?? null) : null,
      updates: contributor.updates,
    })),
  }));
}

export interface VersionPageQuery {
  /** Versions numbered below this (the previous page's `nextBefore`); the newest when absent. */
  before?: number;
  kind?: VersionKind;
  limit?: number;
}

/**
 * One page of a compact's versions, newest first (keyset on the number), without their text;
 * contributors and makers with their names and party codes. `nextBefore` continues the list (null
 * at its end).
 */
export function listVersions(db: DbOrTx, compactId: string, query: VersionPageQuery = {}) {
  const limit = Math.min(Math.max(1, query.limit ?? DEFAULT_VERSIONS_PER_PAGE), MAX_VERSIONS_PER_PAGE);
  const conditions: SQL[] = [eq(versions.compactId, compactId)];
  if (query.before !== undefined) conditions.push(lt(versions.number, query.before));
  if (query.kind) conditions.push(eq(versions.kind, query.kind));
  const rows = db
    .select(summaryColumns)
    .from(versions)
    .where(and(...conditions))
    .orderBy(desc(versions.number))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  return {
    versions: withNames(db, page),
    nextBefore: rows.length > limit ? page[page.length - 1]!.number : null,
  };
}

/** One version of a compact with its text (rendered JSON and plain text); NOT_FOUND for any other id. */
export function getVersion(db: DbOrTx, compactId: string, versionId: string) {
  const [row] = db
    .select({ ...summaryColumns, contentJson: versions.contentJson, plainText: versions.plainText })
    .from(versions)
    .where(and(eq(versions.compactId, compactId), eq(versions.id, versionId)))
    .all();
  if (!row) throw new DomainError('NOT_FOUND', { key: 'errors.compareVersions.noSuchVersionCompact' });
  return withNames(db, [row])[0]!;
}
