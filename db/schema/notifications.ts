import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { NOTIFICATION_KINDS } from '@/shared/notifications/kinds';
import { user } from './auth';

/**
 * What a person is told in the app (the bell), newest first. `args` is JSON text of string values
 * only, read back into an object without a prototype. `dedupeKey` (e.g. a deadline's period,
 * indicator, party and kind) makes the same alert reach a person once.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    /** Not a foreign key: a notification never stands in the way of removing what it was about. */
    compactId: text('compact_id'),
    /** The page it points to, an app path ("/compacts/…"), or null. */
    href: text('href'),
    args: text('args').notNull().default('{}'),
    dedupeKey: text('dedupe_key'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('notifications_user_created').on(t.userId, t.createdAt, t.id),
    uniqueIndex('notifications_user_dedupe').on(t.userId, t.dedupeKey),
    // The retention sweep deletes by age across everyone's notifications.
    index('notifications_created').on(t.createdAt),
  ],
);

/**
 * E-mails waiting to be sent, written in the transaction of the change they tell about and sent
 * afterwards by the outbox worker (server/services/mail/outbox.ts). The body is cleared once the
 * message is sent or given up on (it may hold a one-time link).
 */
export const emailOutbox = sqliteTable(
  'email_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    failedAt: integer('failed_at', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('email_outbox_due').on(t.sentAt, t.failedAt, t.nextAttemptAt)],
);

/** A person's choice for one kind of e-mail (no row: the default, on). */
export const emailPreferences = sqliteTable(
  'email_preferences',
  {
    userId: text('user_id')
      .notNull()
      .references(() => user.id),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
