import 'server-only';
import type Database from 'better-sqlite3';
import { parsedJson as parsed, verifyChain, type ChainVerdict, type StoredChainRow } from './audit-chain';

type RawRow = Omit<StoredChainRow, 'before' | 'after'> & { before: string | null; after: string | null };

/** One chain's stored rows in id order (the compact's, or the instance's for null), read one at a time. */
export function* storedChain(sqlite: Database.Database, compactId: string | null): Generator<StoredChainRow> {
  const rows = sqlite
    .prepare(
      `SELECT id, compact_id AS compactId, actor_user_id AS actorUserId, actor_party_id AS actorPartyId, action,
              entity_type AS entityType, entity_id AS entityId, before, after, created_at AS createdAt,
              prev_hash AS prevHash, hash
         FROM audit_events WHERE compact_id IS ? ORDER BY id`,
    )
    .iterate(compactId) as IterableIterator<RawRow>;
  for (const row of rows) yield { ...row, before: parsed(row.before), after: parsed(row.after) };
}

/** Verifies a chain against the stored rows (see verifyChain). */
export function verifyStoredChain(sqlite: Database.Database, compactId: string | null): ChainVerdict {
  return verifyChain(storedChain(sqlite, compactId));
}
