import { sqliteTable, text, integer, primaryKey, index } from 'drizzle-orm/sqlite-core';
import { user } from './auth';
import { parties } from './parties';

import { ACCESS_LINK_KINDS } from '@/shared/enums';
import { COMPACT_ROLES } from '@/shared/roles';
import { TEXT_LANGUAGES } from '@/shared/text-languages';
import { LOCALES } from '@/i18n/locales';

/** See `compacts.textFormat`. */
export const CURRENT_TEXT_FORMAT = 2;

export const compacts = sqliteTable('compacts', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  createdBy: text('created_by').references(() => user.id),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  /**
   * The form its text is stored in: 1 = free rich text (before negotiation), 2 = sections and
   * provisions. Texts in form 1 are migrated once when the collaboration server starts; new
   * compacts start in the current form.
   */
  textFormat: integer('text_format')
    .notNull()
    .$defaultFn(() => CURRENT_TEXT_FORMAT),
  /**
   * When an instance administrator archived the compact (null while it is active): an archived
   * compact is read only everywhere and left out of the default compacts list; restoring clears it.
   */
  archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
  archivedBy: text('archived_by').references(() => user.id),
  /** The reason given when archiving (at most 500 characters; '' when none was given). */
  archiveReason: text('archive_reason'),
  /** The language the text is written in (one of the six UN languages); sets the editor's direction. */
  textLanguage: text('text_language', { enum: TEXT_LANGUAGES }).notNull().default('en'),
});

export const memberships = sqliteTable(
  'memberships',
  {
    compactId: text('compact_id')
      .notNull()
      .references(() => compacts.id),
    userId: text('user_id')
      .notNull()
      .references(() => user.id),
    /** The party this person represents in this compact; it never changes (remove and re-invite instead). */
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    role: text('role', { enum: COMPACT_ROLES }).notNull(),
    signatory: integer('signatory', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.compactId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

/**
 * One-time links an admin copies: invitations to a compact and password resets.
 * Only the SHA-256 of the token is stored.
 */
export const accessLinks = sqliteTable('access_links', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ACCESS_LINK_KINDS }).notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  email: text('email').notNull(),
  userId: text('user_id').references(() => user.id),
  compactId: text('compact_id').references(() => compacts.id),
  partyId: text('party_id').references(() => parties.id),
  role: text('role', { enum: COMPACT_ROLES }),
  signatory: integer('signatory', { mode: 'boolean' }).notNull().default(false),
  createdBy: text('created_by')
    .notNull()
    .references(() => user.id),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  /** Set (with usedAt) when an administrator withdrew the link or re-issued it as a new one. */
  revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  /** The language of the e-mail and of the new account, chosen by whoever issued the link. */
  locale: text('locale', { enum: LOCALES }).notNull().default('en'),
});
