import 'server-only';
import { and, eq, inArray, ne, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { progressUpdates } from '@/db/schema/framework';
import { groupBy } from '../group-by';
import { listParties } from '../parties';
import type { CompactMember } from '@/server/policies/compact-member';
import { indicatorPermissions } from '@/server/policies/indicator-policy';
import { progressUpdatePermissions } from '@/server/policies/progress-policy';
import { may } from '@/server/policies/role-actions';
import type { IndicatorState } from '@/shared/enums';
import type { IndicatorStatus } from '@/shared/framework/indicator-status';
import { listCommitments } from './commitments';
import { indicatorSeries, validatedValues, type SeriesPoint } from './indicator-series';
import { headlineOf, type Headline } from '@/shared/framework/headline';
import { indicatorsCreatedBy, listIndicators } from './indicators';
import { frameworkSettingsAsOf, getFrameworkSettings, listPeriods } from './periods';
import { cachedComputation } from './framework-cache';
import { compactTargetRows } from './targets';
import { compareDeadlines, deadlineStatus } from '@/shared/framework/deadline';
import { latestEndedDeadlines, reportedKey, reportedKeys, startOfDay } from './deadlines';

export type StatusCounts = Record<IndicatorStatus, number>;

const emptyCounts = (): StatusCounts => ({ 'on-track': 0, 'at-risk': 0, 'off-track': 0, 'no-data': 0 });

/** The framework is viewed by a compact member: their tasks follow the policies. */
export type FrameworkViewer = CompactMember;

/** Everything the framework page shows: the (cached) computed framework plus the viewer's tasks. */
export function frameworkView(
  db: DbOrTx,
  compactId: string,
  viewer: FrameworkViewer,
  today = new Date().toISOString().slice(0, 10),
) {
  const computed = cachedComputation(db, compactId, today, () => computeFramework(db, compactId, today));
  const tasks = tasksFor(db, compactId, viewer, computed.indicators, computed.periods, today);
  return { ...computed, tasks: withDeadlines(db, compactId, tasks, computed.periods, computed.settings, today) };
}

/**
 * Statuses, series and roll-ups of every indicator, from the stored data in a handful of queries.
 * With `asOf` (framework-as-of.ts), only the rows that existed by then count: indicators created,
 * targets set and values validated by that instant.
 */
export function computeFramework(db: DbOrTx, compactId: string, today: string, asOf?: Date) {
  const settings = asOf ? frameworkSettingsAsOf(db, compactId, asOf) : getFrameworkSettings(db, compactId);
  const thresholds = { onTrack: settings.onTrackThreshold, atRisk: settings.atRiskThreshold };
  const periods = listPeriods(db, compactId);
  const existed = asOf === undefined ? null : indicatorsCreatedBy(db, compactId, asOf);
  const indicatorList = listIndicators(db, compactId).filter((indicator) => existed?.has(indicator.id) ?? true);
  const commitmentsById = new Map(listCommitments(db, compactId).map((c) => [c.id, c]));
  const partyNames = new Map(listParties(db).map((p) => [p.id, p.name]));
  const targetsByIndicator = groupBy(compactTargetRows(db, compactId, asOf), (row) => row.indicatorId);
  const validated = validatedValues(db, compactId, undefined, asOf);
  const deadlineOf = latestEndedDeadlines(db, compactId, periods, settings.reportingDeadlineDays, today);

  const rows = indicatorList.map((indicator) => {
    const series = indicatorSeries(
      indicator,
      periods,
      targetsByIndicator.get(indicator.id) ?? [],
      validated,
      thresholds,
      today,
    );
    const headline = headlineOf(series.map((point) => ({ ...point, target: point.target.value })));
    const commitment = indicator.commitmentId ? commitmentsById.get(indicator.commitmentId) : undefined;
    return {
      ...indicator,
      responsiblePartyName: partyNames.get(indicator.responsiblePartyId) ?? '',
      group: commitment?.reference || indicator.sectionRef || 'Not linked to a section',
      series: series.map(({ periodId, label, target, actual, rating, status, reason, share }) => ({
        periodId,
        label,
        target,
        actual,
        rating,
        status,
        reason,
        share,
      })),
      headline,
      /** The latest period that has ended, when nothing is validated for it yet. */
      overduePeriod: overdueLabel(headline, indicator.state),
      /** The reporting deadline of the latest ended period (due, due soon, overdue or done). */
      deadline: deadlineOf(indicator),
    };
  });

  const rollup = (list: typeof rows) => {
    const counts = emptyCounts();
    for (const row of list) if (row.state === 'active') counts[row.headline?.status ?? 'no-data']++;
    return counts;
  };
  const groups = [...groupBy(rows, (r) => r.group)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, members]) => ({ name, counts: rollup(members), indicatorIds: members.map((m) => m.id) }));
  const byParty = [...groupBy(rows, (r) => r.responsiblePartyId)].map(([partyId, members]) => ({
    partyId,
    partyName: partyNames.get(partyId) ?? '',
    counts: rollup(members),
  }));
  return { settings, periods, indicators: rows, groups, byParty, compact: rollup(rows) };
}

/** The period an active indicator is overdue for: the headline's, when it is an ended period without a value. */
function overdueLabel(headline: Headline | null, state: string): string | null {
  const missing = headline?.reason === 'overdue' || headline?.reason === 'not-validated';
  return state === 'active' && headline && missing ? headline.label : null;
}

type Row = {
  id: string;
  code: string;
  title: string;
  state: IndicatorState;
  responsiblePartyId: string;
  series: Pick<SeriesPoint, 'periodId' | 'label'>[];
};

/** "My tasks": updates due from a monitor's party and returned to it, others' submissions awaiting a validator. */
function tasksFor(
  db: DbOrTx,
  compactId: string,
  viewer: FrameworkViewer,
  rows: Row[],
  periods: { id: string; label: string; startsOn: string; endsOn: string }[],
  today: string,
) {
  const reports = may(viewer, 'reportProgress');
  if (!reports && !may(viewer, 'validateProgress')) return [];
  const duePeriods = periods.filter((p) => p.startsOn <= today).slice(-2);
  const open = db
    .select({
      id: progressUpdates.id,
      indicatorId: progressUpdates.indicatorId,
      periodId: progressUpdates.periodId,
      state: progressUpdates.state,
      submittedBy: progressUpdates.submittedBy,
      createdBy: progressUpdates.createdBy,
      createdByPartyId: progressUpdates.createdByPartyId,
    })
    .from(progressUpdates)
    .where(
      and(
        eq(progressUpdates.compactId, compactId),
        reports
          ? or(
              eq(progressUpdates.state, 'returned'),
              and(
                ne(progressUpdates.state, 'draft'),
                inArray(
                  progressUpdates.periodId,
                  duePeriods.map((p) => p.id),
                ),
              ),
            )
          : eq(progressUpdates.state, 'submitted'),
      ),
    )
    .all();
  const reported = new Set(open.filter((u) => u.state !== 'draft').map((u) => `${u.indicatorId}|${u.periodId}`));
  const label = new Map(periods.map((p) => [p.id, p.label]));
  const code = new Map(rows.map((r) => [r.id, `${r.code} ${r.title}`]));
  const task = <K extends string>(kind: K, update: { indicatorId: string; periodId: string }) => ({
    kind,
    indicatorId: update.indicatorId,
    periodId: update.periodId,
    text: `${code.get(update.indicatorId)} — ${label.get(update.periodId)}`,
  });
  // Tasks are exactly what the policies let this viewer act on.
  const returned = open
    .filter((u) => progressUpdatePermissions(viewer, u).submit && u.state === 'returned')
    .map((u) => task('returned', u));
  const awaiting = open
    .filter((u) => progressUpdatePermissions(viewer, u).validate)
    .map((u) => task('awaiting-validation', u));
  const due = rows
    .filter((r) => indicatorPermissions(viewer, r).reportProgress)
    .flatMap((r) =>
      duePeriods
        .filter((p) => !reported.has(`${r.id}|${p.id}`))
        .map((p) => task('due', { indicatorId: r.id, periodId: p.id })),
    );
  return [...returned, ...awaiting, ...due];
}

/**
 * Each task for a monitor (due or returned) carries its period's reporting deadline; overdue tasks
 * come first, then the nearest deadline (the order is otherwise kept).
 */
function withDeadlines(
  db: DbOrTx,
  compactId: string,
  tasks: ReturnType<typeof tasksFor>,
  periods: { id: string; endsOn: string }[],
  settings: { reportingDeadlineDays: number },
  today: string,
) {
  const byId = new Map(periods.map((p) => [p.id, p]));
  const reported = reportedKeys(db, [compactId], [...new Set(tasks.map((task) => task.periodId))]);
  const now = startOfDay(today);
  return tasks
    .map((task) => {
      const period = byId.get(task.periodId);
      const deadline =
        task.kind === 'awaiting-validation' || !period
          ? null
          : deadlineStatus({
              period,
              offsetDays: settings.reportingDeadlineDays,
              reported: reported.has(reportedKey(task.indicatorId, task.periodId)),
              now,
            });
      return { ...task, deadline };
    })
    .sort((a, b) => compareDeadlines(a.deadline, b.deadline));
}
