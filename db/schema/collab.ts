import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Every Yjs update the server integrated, with who sent it: only what was new to the server
 * (deletions it already had are stripped). Never deleted: version history and attribution read from here.
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

/**
 * Full document state up to and including update `uptoUpdateId`; only makes loading fast.
 * Milestones are kept at regular intervals of the update log (history rebuilds start there);
 * other checkpoints are pruned once a newer one exists.
 */
export const docCheckpoints = sqliteTable(
  'doc_checkpoints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compactId: text('compact_id').notNull(),
    uptoUpdateId: integer('upto_update_id').notNull(),
    state: blob('state', { mode: 'buffer' }).notNull(),
    milestone: integer('milestone', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('doc_checkpoints_compact_idx').on(t.compactId, t.uptoUpdateId)],
);

/**
 * Which membership owns each Yjs client id of a document: bound at the first stored struct
 * of that id, never changed. Only that person (in that party) may write under the id again;
 * a null user is the system (seeded or server-written content).
 */
export const docClients = sqliteTable(
  'doc_clients',
  {
    compactId: text('compact_id').notNull(),
    clientId: integer('client_id').notNull(),
    userId: text('user_id'),
    partyId: text('party_id'),
    firstUpdateId: integer('first_update_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.compactId, t.clientId] })],
);

/**
 * The collaboration process that serves documents from this database: one at a time, so two
 * processes never hold (and checkpoint) the same document. It renews its claim while it runs.
 */
export const collabOwner = sqliteTable('collab_owner', {
  id: integer('id').primaryKey(),
  pid: integer('pid').notNull(),
  renewedAt: integer('renewed_at', { mode: 'timestamp_ms' }).notNull(),
});
