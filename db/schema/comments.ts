import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { user } from './auth';
import { compacts } from './compacts';
import { parties } from './parties';

import { COMMENT_VISIBILITIES } from '@/shared/comments/comment-rules';

/** Who wrote it, for which party (the membership's party in this compact), and when. */
const authorship = () => ({
  authorId: text('author_id')
    .notNull()
    .references(() => user.id),
  partyId: text('party_id')
    .notNull()
    .references(() => parties.id),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * A discussion anchored to a range of the compact text. The anchor is two Yjs relative positions
 * (base64 of `Y.encodeRelativePosition`), so it follows the text through concurrent edits; the
 * provision it was made in is the fallback when the text is re-created (cut and paste). The quote
 * is the text between them when the thread was made, computed by the server from the stored
 * document. `delegation` threads are seen only by members of the author's party in this compact.
 */
export const commentThreads = sqliteTable(
  'comment_threads',
  {
    id: text('id').primaryKey(),
    compactId: text('compact_id')
      .notNull()
      .references(() => compacts.id),
    /** The provision holding the quoted text; null for text in a section heading. */
    provisionId: text('provision_id'),
    anchorStart: text('anchor_start').notNull(),
    anchorEnd: text('anchor_end').notNull(),
    quote: text('quote').notNull(),
    visibility: text('visibility', { enum: COMMENT_VISIBILITIES }).notNull(),
    ...authorship(),
    resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
    resolvedBy: text('resolved_by').references(() => user.id),
    /** Set when its last comment was deleted: the thread is then no longer listed. */
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('comment_threads_compact_idx').on(t.compactId, t.createdAt)],
);

/** One comment of a thread (the first one opens it). A deleted comment keeps its place, not its words. */
export const comments = sqliteTable(
  'comments',
  {
    id: text('id').primaryKey(),
    threadId: text('thread_id')
      .notNull()
      .references(() => commentThreads.id),
    ...authorship(),
    body: text('body').notNull(),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('comments_thread_idx').on(t.threadId, t.createdAt)],
);
