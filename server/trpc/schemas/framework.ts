import 'server-only';
import type { Problem } from '@/i18n/types';
import { addProblemIssue } from '@/shared/problem-issue';
import { provisionIdSchema } from './provision';
import { z } from 'zod';
import { multilineText } from '@/shared/unsafe-characters';
import {
  CONFIDENCE_LEVELS,
  INDICATOR_AGGREGATIONS,
  INDICATOR_DIRECTIONS,
  INDICATOR_LEVELS,
  INDICATOR_MEASURES,
  RATINGS,
  REPORTING_FREQUENCIES,
} from '@/shared/enums';
import {
  DISAGGREGATION_DIMENSION_MAX_LENGTH,
  INDICATOR_TEXT_MAX,
  INDICATOR_TITLE_MAX_LENGTH,
  MAX_DISAGGREGATION_DIMENSIONS,
  TARGET_YEAR_MAX,
  TARGET_YEAR_MIN,
  indicatorCodeProblem,
} from '@/shared/framework/indicator-rules';
import { COMMITMENT_TEXT_MAX, MAX_SUPPORTING_PARTIES } from '@/shared/framework/commitment-rules';
import { MAX_TARGET_TEXT_LENGTH } from '@/shared/framework/target-table';
import { evidenceLinksProblem, PROGRESS_TEXT_MAX } from '@/shared/framework/progress-rules';
import { reservedKeyProblem } from '@/shared/reserved-keys';
import { deadlineDaysProblem } from '@/shared/framework/deadline';

export const id = z.string().min(1).max(64);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2027-03-31.');
const finite = z.number().finite();

/** A name a person chooses (e.g. a disaggregation dimension) becomes an object key: never a reserved one. */
const notReserved =
  (what: 'disaggregation' | 'category') =>
  (key: string, ctx: z.RefinementCtx, path: PropertyKey[] = []) => {
    const problem = reservedKeyProblem(key, what);
    if (problem) addProblemIssue(ctx, problem, path);
  };

/**
 * A record keyed by names people choose. Zod drops an own `__proto__` key silently; this refuses
 * every reserved key with a message instead, before the record is built.
 */
function keyedRecord<V extends z.ZodType>(what: 'disaggregation' | 'category', maxKey: number, value: V) {
  return z.preprocess(
    (input, ctx) => {
      if (input !== null && typeof input === 'object')
        for (const key of Object.keys(input)) notReserved(what)(key, ctx, [key]);
      return input;
    },
    z.record(z.string().max(maxKey), value),
  );
}

/** A refinement from a shared rule: its problem, if any, is the issue's message. */
const refineWith =
  <T>(problemOf: (value: T) => Problem | null) =>
  (value: T, ctx: z.RefinementCtx) => {
    const problem = problemOf(value);
    if (problem) addProblemIssue(ctx, problem);
  };

const evidenceLink = z.string().superRefine(refineWith((link) => evidenceLinksProblem([link])));

export const frameworkConfiguration = z.object({
  frequency: z.enum(REPORTING_FREQUENCIES),
  startDate: isoDate,
  periods: z.number().int().min(1).max(120),
  onTrackThreshold: z.number().min(0).max(2),
  atRiskThreshold: z.number().min(0).max(2),
  requireEvidence: z.boolean(),
  reportingDeadlineDays: z.number().superRefine(refineWith(deadlineDaysProblem)).optional(),
});

export const commitmentInput = z.object({
  reference: z.string().trim().min(1).max(COMMITMENT_TEXT_MAX.reference),
  leadPartyId: id,
  supportingPartyIds: z.array(id).max(MAX_SUPPORTING_PARTIES),
  deliverable: z.string().trim().min(1).max(COMMITMENT_TEXT_MAX.deliverable),
  dueDate: isoDate.nullable(),
  narrativeStatus: z.string().trim().max(COMMITMENT_TEXT_MAX.narrativeStatus),
  provisionId: provisionIdSchema.nullable().optional(),
});

export const indicatorDefinition = z.object({
  code: z.string().trim().superRefine(refineWith(indicatorCodeProblem)),
  title: z.string().trim().min(1).max(INDICATOR_TITLE_MAX_LENGTH),
  description: z.string().trim().max(INDICATOR_TEXT_MAX.description),
  level: z.enum(INDICATOR_LEVELS),
  measure: z.enum(INDICATOR_MEASURES),
  unit: z.string().trim().max(INDICATOR_TEXT_MAX.unit),
  direction: z.enum(INDICATOR_DIRECTIONS),
  aggregation: z.enum(INDICATOR_AGGREGATIONS),
  baselineValue: finite.nullable(),
  baselineDate: isoDate.nullable(),
  reportingFrequency: z.enum(REPORTING_FREQUENCIES),
  meansOfVerification: z.string().trim().max(INDICATOR_TEXT_MAX.meansOfVerification),
  responsiblePartyId: id,
  commitmentId: id.nullable(),
  sectionRef: z.string().trim().max(INDICATOR_TEXT_MAX.sectionRef),
  provisionId: provisionIdSchema.nullable().optional(),
  disaggregation: z
    .array(z.string().trim().min(1).max(DISAGGREGATION_DIMENSION_MAX_LENGTH).superRefine(notReserved('disaggregation')))
    .max(MAX_DISAGGREGATION_DIMENSIONS),
});

const targetYear = z.number().int().min(TARGET_YEAR_MIN).max(TARGET_YEAR_MAX);

export const targetInput = z.union([
  z.object({ periodId: id, value: finite.nullable() }),
  z.object({ year: targetYear, value: finite.nullable() }),
]);

/** One changed row of the targets table: a period or a year, a value as typed or an explicit clear. */
export const targetTableRow = z.union([
  z.object({ periodId: id, value: z.string().max(MAX_TARGET_TEXT_LENGTH) }),
  z.object({ periodId: id, clear: z.literal(true) }),
  z.object({ year: targetYear, value: z.string().max(MAX_TARGET_TEXT_LENGTH) }),
  z.object({ year: targetYear, clear: z.literal(true) }),
]);

export const progressInput = z.object({
  updateId: id.optional(),
  indicatorId: id,
  periodId: id,
  value: finite.nullable(),
  rating: z.enum(RATINGS).nullable(),
  narrative: multilineText(0, PROGRESS_TEXT_MAX.narrative),
  disaggregated: keyedRecord('disaggregation', 40, keyedRecord('category', 60, finite)),
  evidenceLinks: z.array(evidenceLink).max(20),
  confidence: z.enum(CONFIDENCE_LEVELS),
  comment: multilineText(0, PROGRESS_TEXT_MAX.comment),
});
