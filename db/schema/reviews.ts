import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { user } from './auth';
import { compacts } from './compacts';
import { versions } from './versions';

import { FINDING_KINDS, FINDING_STATUSES, FINDING_SUBJECTS } from '@/shared/reviews/review-rules';
import type { IndicatorSnapshot } from '@/shared/reviews/indicator-snapshot';

/**
 * An annual review cycle ("Annual review 2027"): what the compact said and what its indicators
 * showed at a cut-off date (up to the end of that day, UTC). The text is frozen as a version (the
 * baseline), the validated indicator data as a JSON snapshot; both are hashed into the
 * `review-cycle.opened` audit event and never rewritten. A name once per compact (case-insensitively).
 */
export const reviewCycles = sqliteTable(
  'review_cycles',
  {
    id: text('id').primaryKey(),
    compactId: text('compact_id')
      .notNull()
      .references(() => compacts.id),
    name: text('name').notNull(),
    /** YYYY-MM-DD: the cycle covers everything up to the end of that day, UTC. */
    cutOffDate: text('cut_off_date').notNull(),
    /** The instant the frozen data is as of: the end of the cut-off day, or the opening if that came first. */
    dataAsOf: integer('data_as_of', { mode: 'timestamp_ms' }).notNull(),
    baselineVersionId: text('baseline_version_id')
      .notNull()
      .references(() => versions.id),
    indicatorSnapshot: text('indicator_snapshot', { mode: 'json' }).$type<IndicatorSnapshot>().notNull(),
    /** SHA-256 of the snapshot's RFC 8785 canonical JSON (as in the audit event). */
    snapshotHash: text('snapshot_hash').notNull(),
    openedBy: text('opened_by')
      .notNull()
      .references(() => user.id),
    openedAt: integer('opened_at', { mode: 'timestamp_ms' }).notNull(),
    closedBy: text('closed_by').references(() => user.id),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('review_cycles_compact_name').on(t.compactId, sql`${t.name} collate nocase`),
    // The list, latest cut-off first; and "the previous cycle".
    index('review_cycles_compact_cut_off').on(t.compactId, t.cutOffDate, t.openedAt),
  ],
);

/**
 * A reviewer's finding or question in a cycle, about a provision (by its stable id), an indicator,
 * or the compact in general. Never deleted: closing (or answering) is a recorded status change.
 */
export const reviewFindings = sqliteTable(
  'review_findings',
  {
    id: text('id').primaryKey(),
    cycleId: text('cycle_id')
      .notNull()
      .references(() => reviewCycles.id),
    compactId: text('compact_id')
      .notNull()
      .references(() => compacts.id),
    subjectType: text('subject_type', { enum: FINDING_SUBJECTS }).notNull(),
    /** The provision's or indicator's id; null for a general finding. */
    subjectId: text('subject_id'),
    /** How the subject was cited when the finding was recorded ("OP 3", an indicator's code). */
    subjectLabel: text('subject_label').notNull().default(''),
    kind: text('kind', { enum: FINDING_KINDS }).notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: FINDING_STATUSES }).notNull(),
    /** The answer to a question, or why a finding was closed. */
    resolution: text('resolution'),
    createdBy: text('created_by')
      .notNull()
      .references(() => user.id),
    createdByPartyId: text('created_by_party_id'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    statusChangedBy: text('status_changed_by').references(() => user.id),
    statusChangedAt: integer('status_changed_at', { mode: 'timestamp_ms' }),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('review_findings_cycle').on(t.cycleId, t.createdAt)],
);
