import 'server-only';
import type Database from 'better-sqlite3';
import { parsedJson as parsed, verifyChain, type ChainVerdict, type StoredChainRow } from './audit-chain';

type RawRow = Omit<StoredChainRow, 'before' | 'after'> & { before: string | null; after: string | null };

/** Which rows of a chain: ids after `after`, up to `upTo`, at most `limit`. */
export interface ChainRange {
  after?: number;
  upTo?: number;
  limit?: number;
}

/** One chain's stored rows in id order (the compact's, or the instance's for null), read one at a time. */
export function* storedChain(
  sqlite: Database.Database,
  compactId: string | null,
  { after = 0, upTo = Number.MAX_SAFE_INTEGER, limit = -1 }: ChainRange = {},
): Generator<StoredChainRow> {
  const rows = sqlite
    .prepare(
      `SELECT id, compact_id AS compactId, actor_user_id AS actorUserId, actor_party_id AS actorPartyId, action,
              entity_type AS entityType, entity_id AS entityId, before, after, created_at AS createdAt,
              prev_hash AS prevHash, hash
         FROM audit_events WHERE compact_id IS ? AND id > ? AND id <= ? ORDER BY id LIMIT ?`,
    )
    .iterate(compactId, after, upTo, limit) as IterableIterator<RawRow>;
  for (const row of rows) yield { ...row, before: parsed(row.before), after: parsed(row.after) };
}

/** Verifies a chain against the stored rows (see verifyChain), up to event `upTo` when given. */
export function verifyStoredChain(sqlite: Database.Database, compactId: string | null, upTo?: number): ChainVerdict {
  return verifyChain(storedChain(sqlite, compactId, { upTo }));
}
