import 'server-only';
import type { Problem } from '@/i18n/types';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { indicators } from '@/db/schema/framework';
import {
  evidenceLinksProblem,
  PROGRESS_TEXT_MAX,
  periodNotStartedProblem,
  progressValueProblemAt,
} from '@/shared/framework/progress-rules';
import { textLengthProblems } from '@/shared/text-limits';
import { ItemProblems, readInSlices } from '../batch-writes';
import { DomainError, type DomainErrorCode } from '../domain-error';
import { listPeriods } from './periods';
import type { ProgressActor, ProgressInput } from './progress';

interface CodedProblem {
  code: DomainErrorCode;
  problem: Problem;
}

interface ReportedIndicator {
  id: string;
  state: string;
  responsiblePartyId: string;
  measure: string;
  disaggregation: string[];
}

/** Progress is reported on active indicators, by the party responsible for them. */
function reportabilityProblem(indicator: ReportedIndicator | undefined, actor: ProgressActor): CodedProblem | null {
  if (!indicator) return { code: 'NOT_FOUND', problem: { key: 'errors.findings.noSuchIndicatorCompact' } };
  if (indicator.state !== 'active')
    return { code: 'CONFLICT', problem: { key: 'errors.progressChecks.progressReportedOnlyActive' } };
  if (indicator.responsiblePartyId !== actor.partyId)
    return { code: 'FORBIDDEN', problem: { key: 'errors.indicator.youReportOnlyIndicators' } };
  return null;
}

/** The reporting period must exist and have started (no actuals for the future). */
export function periodProblem(period: { label: string; startsOn: string } | undefined): CodedProblem | null {
  if (!period) return { code: 'BAD_REQUEST', problem: { key: 'errors.progressSheet.noSuchReportingPeriod' } };
  const notStarted = periodNotStartedProblem(period);
  return notStarted ? { code: 'BAD_REQUEST', problem: notStarted } : null;
}

function readIndicators(db: DbOrTx, compactId: string, ids: readonly string[]): Map<string, ReportedIndicator> {
  const rows = readInSlices([...new Set(ids)], (slice) =>
    db
      .select({
        id: indicators.id,
        state: indicators.state,
        responsiblePartyId: indicators.responsiblePartyId,
        measure: indicators.measure,
        disaggregation: indicators.disaggregation,
      })
      .from(indicators)
      .where(and(eq(indicators.compactId, compactId), inArray(indicators.id, slice)))
      .all(),
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Every rule of progress values, for a batch (problems by item and field): the indicator is
 * active and the actor's party reports on it, the period has started, the value fits the
 * indicator (progress-rules.ts) and evidence links are web links.
 */
export function checkProgressInputs(
  db: DbOrTx,
  actor: ProgressActor,
  compactId: string,
  items: readonly ProgressInput[],
  problems: ItemProblems,
) {
  const byId = readIndicators(
    db,
    compactId,
    items.map((item) => item.indicatorId),
  );
  const periods = new Map(listPeriods(db, compactId).map((p) => [p.id, p]));
  items.forEach((item, index) => {
    const indicator = byId.get(item.indicatorId);
    const reportability = reportabilityProblem(indicator, actor);
    if (reportability) problems.add(index, 'indicatorId', reportability.code, reportability.problem);
    const period = periodProblem(periods.get(item.periodId));
    if (period) problems.add(index, 'periodId', period.code, period.problem);
    const value = indicator && !reportability ? progressValueProblemAt(indicator, item) : null;
    if (value) problems.add(index, value.field, 'BAD_REQUEST', value);
    problems.add(index, 'evidenceLinks', 'BAD_REQUEST', evidenceLinksProblem(item.evidenceLinks));
    for (const problem of textLengthProblems(PROGRESS_TEXT_MAX, item))
      problems.add(index, problem.field, 'BAD_REQUEST', problem);
  });
}

const refuse = (coded: CodedProblem | null) => {
  if (coded) throw new DomainError(coded.code, coded.problem);
};

/** For an update moving on (submitted): its indicator is still one the actor's party reports on. Returns it. */
export function requireReportableIndicator(
  db: DbOrTx,
  actor: ProgressActor,
  compactId: string,
  indicatorId: string,
): ReportedIndicator {
  const indicator = readIndicators(db, compactId, [indicatorId]).get(indicatorId);
  refuse(reportabilityProblem(indicator, actor));
  return indicator!;
}

/** For an update moving on (submitted, validated): its period has started. */
export function requireStartedPeriod(db: DbOrTx, compactId: string, periodId: string) {
  refuse(periodProblem(listPeriods(db, compactId).find((p) => p.id === periodId)));
}
