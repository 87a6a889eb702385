import 'server-only';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { user } from '@/db/schema/auth';
import { indicatorTargets } from '@/db/schema/framework';
import { recordAuditEvent, type AuditActor } from '../audit';
import { DomainError } from '../domain-error';
import { listPeriods, type PeriodSpan } from './periods';
import { requireIndicator } from './indicators';

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
 * Every target row of a compact's indicators, oldest first. Plain SQL: on large frameworks
 * (tens of thousands of rows) drizzle's row mapping costs more than the query.
 */
export function compactTargetRows(db: DbOrTx, compactId: string): (TargetRow & { indicatorId: string })[] {
  const rows = db.values<[string, string | null, number | null, number | null]>(sql`
    SELECT t.indicator_id, t.period_id, t.year, t.value
    FROM indicators i JOIN indicator_targets t ON t.indicator_id = i.id
    WHERE i.compact_id = ${compactId}
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

/** Sets (or clears, with null) a target for a period or a year; earlier values stay in the history. */
export function setTarget(
  db: Db,
  actor: AuditActor & { userId: string },
  compactId: string,
  indicatorId: string,
  input: TargetInput,
) {
  return db.transaction((tx) => {
    const indicator = requireIndicator(tx, compactId, indicatorId);
    if (indicator.measure === 'qualitative')
      throw new DomainError('BAD_REQUEST', 'Qualitative indicators have no numeric targets.');
    if (input.periodId && !listPeriods(tx, compactId).some((p) => p.id === input.periodId))
      throw new DomainError('BAD_REQUEST', 'No such reporting period.');
    const before =
      targetRows(tx, [indicatorId])
        .filter((r) => (input.periodId ? r.periodId === input.periodId : r.year === input.year))
        .pop() ?? null;
    tx.insert(indicatorTargets)
      .values({
        indicatorId,
        periodId: input.periodId ?? null,
        year: input.year ?? null,
        value: input.value,
        setBy: actor.userId,
        setAt: new Date(),
      })
      .run();
    recordAuditEvent(tx, actor, {
      compactId,
      action: 'indicator.target-set',
      entityType: 'indicator',
      entityId: indicatorId,
      before: before?.value ?? null,
      after: input,
    });
  });
}
