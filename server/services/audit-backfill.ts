import 'server-only';
import type Database from 'better-sqlite3';
import { CHAIN_GENESIS, chainHash, parsedJson as parsed, type ChainedEvent } from './audit-chain';

/** An event as stored before the chain existed: the chained fields, its JSON columns still text. */
type LegacyRow = Omit<ChainedEvent, 'before' | 'after'> & { id: number; before: string | null; after: string | null };

/**
 * Chains the events written before the audit chain existed, once, in id order (the table's
 * triggers let a row get its hashes only while it has none, and never change its content).
 * Runs when the database opens; a database without such rows costs one indexed query.
 */
export function chainUnchainedAuditEvents(sqlite: Database.Database): number {
  const unchained = sqlite.prepare('SELECT 1 FROM audit_events WHERE hash IS NULL LIMIT 1').get();
  if (!unchained) return 0;
  const chain = sqlite.transaction(() => {
    const rows = sqlite
      .prepare(
        `SELECT id, compact_id AS compactId, actor_user_id AS actorUserId, actor_party_id AS actorPartyId, action,
                entity_type AS entityType, entity_id AS entityId, before, after, created_at AS createdAt, hash
           FROM audit_events ORDER BY id`,
      )
      .all() as (LegacyRow & { hash: string | null })[];
    const set = sqlite.prepare('UPDATE audit_events SET prev_hash = ?, hash = ? WHERE id = ?');
    const heads = new Map<string | null, string>();
    let chained = 0;
    for (const row of rows) {
      const prevHash = heads.get(row.compactId) ?? CHAIN_GENESIS;
      if (row.hash !== null) {
        heads.set(row.compactId, row.hash);
        continue;
      }
      const hash = chainHash(prevHash, { ...row, before: parsed(row.before), after: parsed(row.after) });
      set.run(prevHash, hash, row.id);
      heads.set(row.compactId, hash);
      chained += 1;
    }
    return chained;
  });
  return chain.immediate();
}
