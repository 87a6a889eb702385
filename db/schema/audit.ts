import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Append-only, hash-chained record of changes that matter: one chain per compact (`compactId`)
 * and one for the instance (`compactId` null). `hash` = SHA-256 of `prevHash` and the event's
 * canonical JSON (server/services/audit-chain.ts); the first event of a chain has `prevHash` ''.
 * Triggers refuse UPDATE and DELETE (a row written before the chain existed gets its hashes once).
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compactId: text('compact_id'),
    actorUserId: text('actor_user_id'),
    actorPartyId: text('actor_party_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_compact_idx').on(t.compactId, t.id),
    // One entity's history (a provision's decisions), newest first, without scanning the compact's whole log.
    index('audit_entity_idx').on(t.compactId, t.entityType, t.entityId, t.id),
    // Two writers can never fork a chain: one successor per event.
    uniqueIndex('audit_chain_link').on(sql`coalesce(${t.compactId}, '')`, t.prevHash),
  ],
);
