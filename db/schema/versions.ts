import { sql } from 'drizzle-orm';
import type { JSONContent } from '@tiptap/core';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { user } from './auth';
import { compacts } from './compacts';

import { VERSION_KINDS } from '@/shared/history/version-rules';

/** Who sent the updates a version covers (since the previous version): the server's own record, never a client's claim. */
export interface VersionContributor {
  /** null: the system (seeding, the server's repairs and migrations). */
  userId: string | null;
  partyId: string | null;
  /** How many stored updates they sent in that span. */
  updates: number;
}

/**
 * A version of a compact's text: the text as stored once update `uptoUpdateId` was (0: before any),
 * rebuildable from the update log, with its rendered JSON and plain text, the SHA-256 of its
 * canonical form (shared/history/canonical-form.ts, rule `canonicalVersion`) and who contributed
 * since the previous version. Numbered 1, 2, 3… per compact; named versions carry a name (unique
 * in the compact, case-insensitively), an optional document symbol and note.
 */
export const versions = sqliteTable(
  'versions',
  {
    id: text('id').primaryKey(),
    compactId: text('compact_id')
      .notNull()
      .references(() => compacts.id),
    number: integer('number').notNull(),
    kind: text('kind', { enum: VERSION_KINDS }).notNull(),
    name: text('name'),
    symbol: text('symbol'),
    note: text('note'),
    uptoUpdateId: integer('upto_update_id').notNull(),
    contentJson: text('content_json', { mode: 'json' }).$type<JSONContent>().notNull(),
    plainText: text('plain_text').notNull(),
    contentHash: text('content_hash').notNull(),
    canonicalVersion: integer('canonical_version').notNull(),
    contributors: text('contributors', { mode: 'json' }).$type<VersionContributor[]>().notNull(),
    /** null for an automatic version. */
    createdBy: text('created_by').references(() => user.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    // Newest first per compact (keyset on number), and the next number.
    uniqueIndex('versions_compact_number').on(t.compactId, t.number),
    // Only named, or only automatic, newest first.
    index('versions_compact_kind_number').on(t.compactId, t.kind, t.number),
    // A name once per compact (automatic versions have none: NULLs never collide).
    uniqueIndex('versions_compact_name').on(t.compactId, sql`${t.name} collate nocase`),
    // The version reaching furthest in the log (furthestVersion: a review baseline may freeze an older text).
    index('versions_compact_upto').on(t.compactId, t.uptoUpdateId, t.number),
  ],
);
