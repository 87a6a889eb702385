import { sqliteTable, text, integer, blob, index } from 'drizzle-orm/sqlite-core';

/**
 * Every Yjs update a client sent, exactly as received, with who sent it. Never deleted:
 * version history and attribution read from here.
 */
export const docUpdates = sqliteTable(
  'doc_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compactId: text('compact_id').notNull(),
    update: blob('update', { mode: 'buffer' }).notNull(),
    userId: text('user_id'),
    partyId: text('party_id'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('doc_updates_compact_idx').on(t.compactId, t.id)],
);

/** Full document state up to and including update `uptoUpdateId`; only makes loading fast. */
export const docCheckpoints = sqliteTable(
  'doc_checkpoints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compactId: text('compact_id').notNull(),
    uptoUpdateId: integer('upto_update_id').notNull(),
    state: blob('state', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('doc_checkpoints_compact_idx').on(t.compactId, t.uptoUpdateId)],
);
