import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '@/db/client';
import { indicators } from '@/db/schema/framework';
import { createCommitment } from '@/server/services/framework/commitments';
import { createIndicator, type IndicatorDefinition } from '@/server/services/framework/indicators';
import { configureFramework } from '@/server/services/framework/periods';
import type { CsvError } from '@/server/services/framework/csv-errors';
import { todayIsoDate } from '@/shared/framework/progress-rules';
import { CsvImportRejected } from '@/server/trpc/csv-import-rejected';
import { saveProgressDraft } from '@/server/services/framework/progress-drafts';
import {
  submitProgress,
  returnProgress,
  type ProgressActor,
  type ProgressInput,
} from '@/server/services/framework/progress';

let sequence = 0;

export function configureQuarters(handle: DbHandle, compactId: string, startDate = '2025-01-01', periods = 8) {
  return configureFramework(handle.db, { userId: null, partyId: null }, compactId, {
    frequency: 'quarterly',
    startDate,
    periods,
    onTrackThreshold: 0.9,
    atRiskThreshold: 0.6,
    requireEvidence: false,
  });
}

/** Three years of quarters around today: the first has started, some of the last ones have not. */
export function quartersAroundToday(handle: DbHandle, compactId: string) {
  const year = Number(todayIsoDate().slice(0, 4));
  const periods = configureQuarters(handle, compactId, `${year - 1}-01-01`, 12) as {
    id: string;
    label: string;
    startsOn: string;
  }[];
  return { started: periods[0]!, future: periods.find((p) => p.startsOn > todayIsoDate())! };
}

export function definition(partyId: string, overrides: Partial<IndicatorDefinition> = {}): IndicatorDefinition {
  sequence++;
  return {
    code: `IND-${sequence}`,
    title: `Indicator ${sequence}`,
    description: '',
    level: 'output',
    measure: 'number',
    unit: 'people',
    direction: 'increase',
    aggregation: 'per-period',
    baselineValue: 0,
    baselineDate: '2024-12-31',
    reportingFrequency: 'quarterly',
    meansOfVerification: 'Mission reports',
    responsiblePartyId: partyId,
    commitmentId: null,
    sectionRef: 'Protection of civilians',
    disaggregation: [],
    ...overrides,
  };
}

export function buildIndicator(
  handle: DbHandle,
  compactId: string,
  partyId: string,
  overrides: Partial<IndicatorDefinition> = {},
  state: 'active' | 'proposed' = 'active',
) {
  const indicator = createIndicator(
    handle.db,
    { userId: 'fixture', partyId: null },
    compactId,
    definition(partyId, overrides),
    'active',
  );
  if (state === 'proposed') handle.db.update(indicators).set({ state }).where(eq(indicators.id, indicator.id)).run();
  return { ...indicator, state };
}

export function buildCommitment(handle: DbHandle, compactId: string, partyId: string) {
  return createCommitment(handle.db, { userId: null, partyId: null }, compactId, {
    reference: `Section ${++sequence}`,
    leadPartyId: partyId,
    supportingPartyIds: [],
    deliverable: 'A deliverable',
    dueDate: null,
    narrativeStatus: '',
  });
}

export function progressInput(
  indicatorId: string,
  periodId: string,
  overrides: Partial<ProgressInput> = {},
): ProgressInput {
  return {
    indicatorId,
    periodId,
    value: 10,
    rating: null,
    narrative: '',
    disaggregated: {},
    evidenceLinks: [],
    confidence: 'medium',
    comment: '',
    ...overrides,
  };
}

export function draftBy(
  handle: DbHandle,
  monitor: ProgressActor,
  compactId: string,
  indicatorId: string,
  periodId: string,
  overrides: Partial<ProgressInput> = {},
) {
  return saveProgressDraft(handle.db, monitor, compactId, progressInput(indicatorId, periodId, overrides));
}

export function submittedBy(
  handle: DbHandle,
  monitor: ProgressActor,
  compactId: string,
  indicatorId: string,
  periodId: string,
  overrides: Partial<ProgressInput> = {},
) {
  const draft = draftBy(handle, monitor, compactId, indicatorId, periodId, overrides);
  return submitProgress(handle.db, monitor, compactId, draft.id);
}

export function returnedBy(
  handle: DbHandle,
  monitor: ProgressActor,
  validator: ProgressActor,
  compactId: string,
  indicatorId: string,
  periodId: string,
) {
  const submitted = submittedBy(handle, monitor, compactId, indicatorId, periodId);
  return returnProgress(handle.db, validator, compactId, submitted.id, 'Please add the source.');
}

/**
 * A framework CSV of `rows` indicators (the six required cells filled) with a target for each of
 * the first `periods` quarters from 2025-Q1: rows × (6 + periods) filled cells.
 */
export function frameworkCsv(rows: number, periods: number, partyCode: string, prefix = 'B'): string {
  const labels = Array.from({ length: periods }, (_, i) => `${2025 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  const header = [
    'code',
    'title',
    'level',
    'measure',
    'direction',
    'responsible_party',
    ...labels.map((l) => `target:${l}`),
  ];
  const body = Array.from({ length: rows }, (_, r) => [
    `${prefix}-${r}`,
    `Indicator ${r}`,
    'output',
    'number',
    'increase',
    partyCode,
    ...labels.map((_, i) => String(i * 10 + r)),
  ]);
  return [header, ...body].map((cells) => cells.join(',')).join('\r\n');
}

/**
 * Awaits a CSV import that must be refused: a BAD_REQUEST whose cause carries the per-row report.
 * Returns the report (shaped like the service's failed result).
 */
export async function refusedImport(call: Promise<unknown>): Promise<{ ok: false; errors: CsvError[] }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'BAD_REQUEST' && error.cause instanceof CsvImportRejected)
      return { ok: false, errors: error.cause.errors };
    throw error;
  }
  throw new Error('the import was accepted');
}
