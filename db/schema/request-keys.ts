import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { user } from './auth';

/**
 * Creations already made for a form submission: a create form sends a fresh key with each
 * submission, and the same key again (a double click, a retried request) answers the first
 * result instead of creating a twin. Kept a day.
 */
export const requestKeys = sqliteTable(
  'request_keys',
  {
    userId: text('user_id')
      .notNull()
      .references(() => user.id),
    key: text('key').notNull(),
    action: text('action').notNull(),
    /** Null while the creation runs (a second submission meanwhile is told so). */
    result: text('result', { mode: 'json' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('request_keys_created').on(t.createdAt)],
);
