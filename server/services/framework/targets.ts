import 'server-only';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { indicators, indicatorTargets } from '@/db/schema/framework';
import { targetValueProblem, targetYearProblem } from '@/shared/framework/indicator-rules';
import { recordAuditEvents, type AuditActor } from '../audit';
import { ItemProblems, readInSlices } from '../batch-writes';
import { bulkInsert } from '../bulk-insert';
import { DomainError } from '../domain-error';
import { groupBy } from '../group-by';
import { requireIndicator } from './indicators';
import { listPeriods, type PeriodSpan } from './periods';

export interface PeriodTarget {
  value: number | null;
  /** How the value was set: for this period, at a year's end, or interpolated between yearly targets. */
  source: 'period' | 'year' | 'interpolated' | 'none';
}

export interface TargetRow {
  periodId: string | null;
  year: number | null;
  value: number | null;
}

/** The target that counts for each period: a period's own target, else yearly targets interpolated linearly. */
export function resolveTargets(
  periods: (PeriodSpan & { id: string })[],
  rows: TargetRow[],
  baseline: number | null,
): PeriodTarget[] {
  const latestPerPeriod = new Map<string, number | null>();
  const latestPerYear = new Map<number, number | null>();
  for (const row of rows) {
    if (row.periodId) latestPerPeriod.set(row.periodId, row.value);
    else if (row.year !== null) latestPerYear.set(row.year, row.value);
  }
  // Anchors: the last period of each year with a yearly target (index → value).
  const anchors: { index: number; value: number }[] = [];
  for (const [year, value] of latestPerYear) {
    if (value === null) continue;
    const lastOfYear = periods
      .map((p, i) => [p, i] as const)
      .filter(([p]) => p.endsOn.startsWith(String(year)))
      .pop();
    if (lastOfYear) anchors.push({ index: lastOfYear[1], value });
  }
  anchors.sort((a, b) => a.index - b.index);
  return periods.map((period, index) => {
    const own = latestPerPeriod.get(period.id);
    if (own !== undefined && own !== null) return { value: own, source: 'period' };
    const next = anchors.find((a) => a.index >= index);
    if (!next) return { value: null, source: 'none' };
    if (next.index === index) return { value: next.value, source: 'year' };
    const previous =
      [...anchors].reverse().find((a) => a.index < index) ??
      (baseline === null ? null : { index: -1, value: baseline });
    if (!previous) return { value: null, source: 'none' };
    const fraction = (index - previous.index) / (next.index - previous.index);
    return { value: previous.value + fraction * (next.value - previous.value), source: 'interpolated' };
  });
}

export function targetRows(db: DbOrTx, indicatorIds: string[]) {
  if (indicatorIds.length === 0) return [];
  return db
    .select({
      indicatorId: indicatorTargets.indicatorId,
      periodId: indicatorTargets.periodId,
      year: indicatorTargets.year,
      value: indicatorTargets.value,
    })
    .from(indicatorTargets)
    .where(inArray(indicatorTargets.indicatorId, indicatorIds))
    .orderBy(asc(indicatorTargets.id))
    .all();
}

/**
 * Every target row of a compact's indicators, oldest first; with `asOf`, only those set by then
 * (the targets in force at a review cycle's cut-off). Plain SQL: on large frameworks (tens of
 * thousands of rows) drizzle's row mapping costs more than the query.
 */
export function compactTargetRows(db: DbOrTx, compactId: string, asOf?: Date): (TargetRow & { indicatorId: string })[] {
  const rows = db.values<[string, string | null, number | null, number | null]>(sql`
    SELECT t.indicator_id, t.period_id, t.year, t.value
    FROM indicators i JOIN indicator_targets t ON t.indicator_id = i.id
    WHERE i.compact_id = ${compactId} ${asOf === undefined ? sql`` : sql`AND t.set_at <= ${asOf.getTime()}`}
    ORDER BY t.id`);
  return rows.map(([indicatorId, periodId, year, value]) => ({ indicatorId, periodId, year, value }));
}

/** Every change of a target, oldest first, with who and when. */
export function targetHistory(db: DbOrTx, indicatorId: string) {
  return db
    .select({
      periodId: indicatorTargets.periodId,
      year: indicatorTargets.year,
      value: indicatorTargets.value,
      setAt: indicatorTargets.setAt,
      setBy: user.name,
    })
    .from(indicatorTargets)
    .leftJoin(user, eq(user.id, indicatorTargets.setBy))
    .where(eq(indicatorTargets.indicatorId, indicatorId))
    .orderBy(asc(indicatorTargets.id))
    .all();
}

export type TargetInput =
  | { periodId: string; year?: undefined; value: number | null }
  | { periodId?: undefined; year: number; value: number | null };

export interface NewTarget {
  indicatorId: string;
  /** A period's own target, or (periodId null) a yearly one. */
  periodId: string | null;
  year: number | null;
  value: number | null;
}

const toNewTarget = (indicatorId: string, input: TargetInput): NewTarget => ({
  indicatorId,
  periodId: input.periodId ?? null,
  year: input.periodId === undefined ? input.year : null,
  value: input.value,
});

/**
 * Every rule of targets, for a batch (problems by item and field). `pending` holds the measures of
 * indicators about to be written with them (a file checked before its write transaction).
 */
export function checkTargets(
  db: DbOrTx,
  compactId: string,
  items: readonly NewTarget[],
  problems: ItemProblems,
  pending: ReadonlyMap<string, string> = new Map(),
) {
  const measures = new Map([
    ...db
      .select({ id: indicators.id, measure: indicators.measure })
      .from(indicators)
      .where(eq(indicators.compactId, compactId))
      .all()
      .map((i) => [i.id, i.measure] as const),
    ...pending,
  ]);
  const periods = new Set(listPeriods(db, compactId).map((p) => p.id));
  items.forEach((item, index) => {
    const measure = measures.get(item.indicatorId);
    if (measure === undefined)
      problems.add(index, 'indicatorId', 'NOT_FOUND', { key: 'errors.findings.noSuchIndicatorCompact' });
    else problems.add(index, 'value', 'BAD_REQUEST', targetValueProblem({ measure }, item.value));
    if (item.periodId !== null) {
      if (!periods.has(item.periodId))
        problems.add(index, 'periodId', 'BAD_REQUEST', { key: 'errors.progressSheet.noSuchReportingPeriod' });
    } else problems.add(index, 'year', 'BAD_REQUEST', targetYearProblem(item.year ?? Number.NaN));
  });
}

/**
 * The one write path of targets (from the indicator page or a CSV import), inside the caller's
 * transaction: checks every rule, then appends the targets (earlier values stay in the history)
 * with one audit event per indicator, holding the values they replace.
 */
export function insertTargets(
  tx: Tx,
  actor: AuditActor & { userId: string },
  compactId: string,
  items: readonly NewTarget[],
) {
  const problems = new ItemProblems();
  checkTargets(tx, compactId, items, problems);
  problems.throwIfAny();
  const byIndicator = groupBy(items, (item) => item.indicatorId);
  const ids = [...byIndicator.keys()];
  const targetKey = (t: Omit<NewTarget, 'value'>) => `${t.indicatorId} ${t.periodId} ${t.year}`;
  // The value each target replaces (rows are oldest first, so the newest one per key stays).
  const previous = new Map(
    readInSlices(ids, (slice) => targetRows(tx, slice)).map((row) => [targetKey(row), row.value]),
  );
  const setAt = new Date();
  bulkInsert(
    tx,
    indicatorTargets,
    items.map((item) => ({ ...item, setBy: actor.userId, setAt })),
  );
  recordAuditEvents(
    tx,
    actor,
    [...byIndicator].map(([indicatorId, targets]) => ({
      compactId,
      action: 'indicator.target-set',
      entityType: 'indicator',
      entityId: indicatorId,
      before: targets.map((t) => previous.get(targetKey(t)) ?? null),
      after: targets.map(({ periodId, year, value }) => ({ periodId, year, value })),
    })),
  );
}

/**
 * Sets (or clears, with null) a target for a period or a year; earlier values stay in the history.
 * A retired indicator keeps its targets as they were (an import may still bring one with its targets).
 */
export function setTarget(
  db: Db,
  actor: AuditActor & { userId: string },
  compactId: string,
  indicatorId: string,
  input: TargetInput,
) {
  db.transaction((tx) => {
    if (requireIndicator(tx, compactId, indicatorId).state === 'retired')
      throw new DomainError('CONFLICT', { key: 'errors.targetTable.retiredIndicatorCannotChanged' });
    insertTargets(tx, actor, compactId, [toNewTarget(indicatorId, input)]);
  });
}
