import 'server-only';
import type Database from 'better-sqlite3';
import { CHAIN_GENESIS, chainHash } from './audit-chain';
import { storedChain } from './audit-verify';

/**
 * Chains the events written before the audit chain existed, once, in id order (the table's
 * triggers let a row get its hashes only while it has none, and never change its content).
 * Runs when the database opens; a database without such rows costs one query.
 */
export function chainUnchainedAuditEvents(sqlite: Database.Database): number {
  const unchained = sqlite.prepare('SELECT 1 FROM audit_events WHERE hash IS NULL LIMIT 1').get();
  if (!unchained) return 0;
  const chain = sqlite.transaction(() => {
    const chains = sqlite
      .prepare('SELECT DISTINCT compact_id AS compactId FROM audit_events WHERE hash IS NULL')
      .all() as {
      compactId: string | null;
    }[];
    const set = sqlite.prepare('UPDATE audit_events SET prev_hash = ?, hash = ? WHERE id = ?');
    let chained = 0;
    for (const { compactId } of chains) {
      let prevHash = CHAIN_GENESIS;
      // Read first: the connection cannot write while a statement is still iterating.
      for (const row of [...storedChain(sqlite, compactId)]) {
        if (row.hash === null) {
          row.hash = chainHash(prevHash, row);
          set.run(prevHash, row.hash, row.id);
          chained += 1;
        }
        prevHash = row.hash;
      }
    }
    return chained;
  });
  return chain.immediate();
}
