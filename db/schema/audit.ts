import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/**
 * Append-only record of changes that matter. `prevHash` / `hash` are filled in by the
 * audit-chain work; rows are never updated or deleted.
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
  ],
);
