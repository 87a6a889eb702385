import { customType, sqliteTable, text, integer, real, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { withoutReservedKeys } from '@/shared/reserved-keys';
import { user } from './auth';
import { compacts } from './compacts';
import { parties } from './parties';
import {
  CONFIDENCE_LEVELS,
  INDICATOR_AGGREGATIONS,
  INDICATOR_DIRECTIONS,
  INDICATOR_LEVELS,
  INDICATOR_MEASURES,
  INDICATOR_STATES,
  PROGRESS_STATES,
  RATINGS,
  REPORTING_FREQUENCIES,
} from '@/shared/enums';

/** Per-compact settings of the accountability framework. */
export const frameworkSettings = sqliteTable('framework_settings', {
  compactId: text('compact_id')
    .primaryKey()
    .references(() => compacts.id),
  frequency: text('frequency', { enum: REPORTING_FREQUENCIES }).notNull().default('quarterly'),
  startDate: text('start_date').notNull(),
  onTrackThreshold: real('on_track_threshold').notNull().default(0.9),
  atRiskThreshold: real('at_risk_threshold').notNull().default(0.6),
  requireEvidence: integer('require_evidence', { mode: 'boolean' }).notNull().default(false),
  /** Days after a period ends by which its values are due (shared/framework/deadline.ts). */
  reportingDeadlineDays: integer('reporting_deadline_days').notNull().default(30),
});

/** Generated reporting periods, e.g. "2027-Q1" (dates are ISO YYYY-MM-DD, end inclusive). */
export const reportingPeriods = sqliteTable(
  'reporting_periods',
  {
    id: text('id').primaryKey(),
    compactId: text('compact_id')
      .notNull()
      .references(() => compacts.id),
    label: text('label').notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
  },
  (t) => [
    uniqueIndex('periods_compact_label').on(t.compactId, t.label),
    index('periods_compact_start').on(t.compactId, t.startsOn),
  ],
);

/**
 * Values by dimension and category, stored as JSON text. Read back without reserved keys
 * (`__proto__`, `constructor`, `prototype`): rows stored before such names were refused would
 * otherwise break every answer that carries them.
 */
const disaggregatedJson = customType<{ data: Record<string, Record<string, number>>; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => JSON.parse(value, withoutReservedKeys) as Record<string, Record<string, number>>,
});

export const commitments = sqliteTable('commitments', {
  id: text('id').primaryKey(),
  compactId: text('compact_id')
    .notNull()
    .references(() => compacts.id),
  /** The part of the compact it implements: a section or provision reference (later a provision's stable id). */
  reference: text('reference').notNull(),
  provisionId: text('provision_id'),
  leadPartyId: text('lead_party_id')
    .notNull()
    .references(() => parties.id),
  supportingPartyIds: text('supporting_party_ids', { mode: 'json' }).$type<string[]>().notNull().default([]),
  deliverable: text('deliverable').notNull(),
  dueDate: text('due_date'),
  narrativeStatus: text('narrative_status').notNull().default(''),
  retiredAt: integer('retired_at', { mode: 'timestamp_ms' }),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

export const indicators = sqliteTable(
  'indicators',
  {
    id: text('id').primaryKey(),
    compactId: text('compact_id')
      .notNull()
      .references(() => compacts.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    level: text('level', { enum: INDICATOR_LEVELS }).notNull(),
    measure: text('measure', { enum: INDICATOR_MEASURES }).notNull(),
    unit: text('unit').notNull().default(''),
    direction: text('direction', { enum: INDICATOR_DIRECTIONS }).notNull(),
    aggregation: text('aggregation', { enum: INDICATOR_AGGREGATIONS }).notNull().default('per-period'),
    baselineValue: real('baseline_value'),
    baselineDate: text('baseline_date'),
    reportingFrequency: text('reporting_frequency', { enum: REPORTING_FREQUENCIES }).notNull().default('quarterly'),
    meansOfVerification: text('means_of_verification').notNull().default(''),
    responsiblePartyId: text('responsible_party_id')
      .notNull()
      .references(() => parties.id),
    commitmentId: text('commitment_id').references(() => commitments.id),
    /** The section or provision of the compact text it belongs to. */
    sectionRef: text('section_ref').notNull().default(''),
    provisionId: text('provision_id'),
    disaggregation: text('disaggregation', { mode: 'json' }).$type<string[]>().notNull().default([]),
    state: text('state', { enum: INDICATOR_STATES }).notNull(),
    proposedBy: text('proposed_by').references(() => user.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('indicators_compact_code').on(t.compactId, t.code)],
);

/** Every target ever set, with who and when; the newest row per (indicator, period | year) counts. */
export const indicatorTargets = sqliteTable(
  'indicator_targets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    indicatorId: text('indicator_id')
      .notNull()
      .references(() => indicators.id),
    periodId: text('period_id').references(() => reportingPeriods.id),
    /** A yearly target (interpolated over the year's periods) when periodId is null. */
    year: integer('year'),
    value: real('value'),
    setBy: text('set_by').references(() => user.id),
    setAt: integer('set_at', { mode: 'timestamp_ms' }).notNull(),
  },
  // Covers the framework view's read of every target (no table lookups).
  (t) => [index('targets_indicator').on(t.indicatorId, t.id, t.periodId, t.year, t.value)],
);

export const progressUpdates = sqliteTable(
  'progress_updates',
  {
    id: text('id').primaryKey(),
    compactId: text('compact_id')
      .notNull()
      .references(() => compacts.id),
    indicatorId: text('indicator_id')
      .notNull()
      .references(() => indicators.id),
    periodId: text('period_id')
      .notNull()
      .references(() => reportingPeriods.id),
    value: real('value'),
    rating: text('rating', { enum: RATINGS }),
    narrative: text('narrative').notNull().default(''),
    disaggregated: disaggregatedJson('disaggregated').notNull().default({}),
    evidenceLinks: text('evidence_links', { mode: 'json' }).$type<string[]>().notNull().default([]),
    confidence: text('confidence', { enum: CONFIDENCE_LEVELS }).notNull().default('medium'),
    comment: text('comment').notNull().default(''),
    state: text('state', { enum: PROGRESS_STATES }).notNull(),
    /** A correction of a validated update points at it; both stay. */
    supersedesId: text('supersedes_id'),
    validatedRating: text('validated_rating', { enum: RATINGS }),
    returnedReason: text('returned_reason'),
    createdBy: text('created_by')
      .notNull()
      .references(() => user.id),
    createdByPartyId: text('created_by_party_id').notNull(),
    submittedBy: text('submitted_by'),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    decidedBy: text('decided_by'),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('progress_indicator_period').on(t.indicatorId, t.periodId),
    // Covers the framework view's read of every validated value (no table lookups).
    index('progress_compact_state').on(
      t.compactId,
      t.state,
      t.decidedAt,
      t.indicatorId,
      t.periodId,
      t.value,
      t.validatedRating,
    ),
  ],
);

/** The discussion between monitor and validator on a returned update. */
export const progressComments = sqliteTable('progress_comments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  updateId: text('update_id')
    .notNull()
    .references(() => progressUpdates.id),
  authorId: text('author_id')
    .notNull()
    .references(() => user.id),
  body: text('body').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Uploaded evidence files, stored under the data folder and served only to members. */
export const evidenceFiles = sqliteTable('evidence_files', {
  id: text('id').primaryKey(),
  compactId: text('compact_id')
    .notNull()
    .references(() => compacts.id),
  updateId: text('update_id')
    .notNull()
    .references(() => progressUpdates.id),
  filename: text('filename').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  storedName: text('stored_name').notNull(),
  uploadedBy: text('uploaded_by')
    .notNull()
    .references(() => user.id),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});
