import 'server-only';
import { and, asc, count, eq, gt } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import type { ReportingFrequency } from '@/shared/enums';
import { auditEvents } from '@/db/schema/audit';
import { frameworkSettings, indicatorTargets, progressUpdates, reportingPeriods } from '@/db/schema/framework';
import { recordAuditEvent, type AuditActor } from '../audit';
import { DomainError } from '../domain-error';
import { newId } from '../ids';
import { DEFAULT_THRESHOLDS } from '@/shared/framework/indicator-status';
import { deadlineDaysProblem, REPORTING_DEADLINE_DAYS } from '@/shared/framework/deadline';

export interface PeriodSpan {
  label: string;
  startsOn: string;
  endsOn: string;
}

const MONTHS_PER_PERIOD: Record<ReportingFrequency, number> = { monthly: 1, quarterly: 3, annual: 12 };

const iso = (date: Date) => date.toISOString().slice(0, 10);

function label(frequency: ReportingFrequency, start: Date): string {
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth();
  if (frequency === 'annual') return String(year);
  if (frequency === 'monthly') return `${year}-${String(month + 1).padStart(2, '0')}`;
  return `${year}-Q${Math.floor(month / 3) + 1}`;
}

/** Consecutive periods from `startDate` (snapped to the start of its month, quarter or year). */
export function generatePeriods(frequency: ReportingFrequency, startDate: string, periods: number): PeriodSpan[] {
  const start = new Date(`${startDate}T00:00:00Z`);
  if (Number.isNaN(start.getTime())) throw new DomainError('BAD_REQUEST', { key: 'errors.periods.startDateMustDate' });
  const step = MONTHS_PER_PERIOD[frequency];
  const firstMonth =
    frequency === 'monthly'
      ? start.getUTCMonth()
      : frequency === 'quarterly'
        ? Math.floor(start.getUTCMonth() / 3) * 3
        : 0;
  return Array.from({ length: periods }, (_, i) => {
    const from = new Date(Date.UTC(start.getUTCFullYear(), firstMonth + i * step, 1));
    const to = new Date(Date.UTC(start.getUTCFullYear(), firstMonth + (i + 1) * step, 0));
    return { label: label(frequency, from), startsOn: iso(from), endsOn: iso(to) };
  });
}

export function listPeriods(db: DbOrTx, compactId: string) {
  return db
    .select({
      id: reportingPeriods.id,
      label: reportingPeriods.label,
      startsOn: reportingPeriods.startsOn,
      endsOn: reportingPeriods.endsOn,
    })
    .from(reportingPeriods)
    .where(eq(reportingPeriods.compactId, compactId))
    .orderBy(asc(reportingPeriods.startsOn))
    .all();
}

function targetsExist(db: DbOrTx, compactId: string): boolean {
  const [row] = db
    .select({ n: count() })
    .from(indicatorTargets)
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, indicatorTargets.periodId))
    .where(eq(reportingPeriods.compactId, compactId))
    .all();
  return (row?.n ?? 0) > 0;
}

export function getFrameworkSettings(db: DbOrTx, compactId: string) {
  const [row] = db.select().from(frameworkSettings).where(eq(frameworkSettings.compactId, compactId)).all();
  return (
    row ?? {
      compactId,
      frequency: 'quarterly' as const,
      startDate: '',
      onTrackThreshold: DEFAULT_THRESHOLDS.onTrack,
      atRiskThreshold: DEFAULT_THRESHOLDS.atRisk,
      requireEvidence: false,
      reportingDeadlineDays: REPORTING_DEADLINE_DAYS.default,
    }
  );
}

/**
 * The framework settings in force at an instant (a review cycle's cut-off): each change of the
 * settings is audited with what it replaced, so the first change made after the instant holds, as
 * its `before`, the settings then in force; without such a change they are the settings now.
 */
export function frameworkSettingsAsOf(db: DbOrTx, compactId: string, asOf: Date) {
  const now = getFrameworkSettings(db, compactId);
  const [next] = db
    .select({ before: auditEvents.before })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.compactId, compactId),
        eq(auditEvents.entityType, 'framework'),
        eq(auditEvents.entityId, compactId),
        eq(auditEvents.action, 'framework.configured'),
        gt(auditEvents.createdAt, asOf),
      ),
    )
    .orderBy(asc(auditEvents.id))
    .limit(1)
    .all();
  const before = next?.before;
  if (!before || typeof before !== 'object') return now;
  const threshold = (key: 'onTrackThreshold' | 'atRiskThreshold') => {
    const value = (before as Record<string, unknown>)[key];
    return typeof value === 'number' ? value : now[key];
  };
  return { ...now, onTrackThreshold: threshold('onTrackThreshold'), atRiskThreshold: threshold('atRiskThreshold') };
}

export interface FrameworkConfiguration {
  frequency: ReportingFrequency;
  startDate: string;
  periods: number;
  onTrackThreshold: number;
  atRiskThreshold: number;
  requireEvidence: boolean;
  /** Days after a period ends by which it is due; kept as it is when left out. */
  reportingDeadlineDays?: number;
}

/**
 * Sets the reporting calendar and status thresholds. Periods are generated; once targets or
 * progress refer to them the calendar can only grow (more periods at the end), never move.
 */
export function configureFramework(db: Db, actor: AuditActor, compactId: string, input: FrameworkConfiguration) {
  if (input.atRiskThreshold > input.onTrackThreshold)
    throw new DomainError('BAD_REQUEST', { key: 'errors.periods.riskThresholdCannotAbove' });
  const deadlineProblem =
    input.reportingDeadlineDays === undefined ? null : deadlineDaysProblem(input.reportingDeadlineDays);
  if (deadlineProblem) throw new DomainError('BAD_REQUEST', deadlineProblem);
  const spans = generatePeriods(input.frequency, input.startDate, input.periods);
  return db.transaction((tx) => {
    const before = getFrameworkSettings(tx, compactId);
    const reportingDeadlineDays = input.reportingDeadlineDays ?? before.reportingDeadlineDays;
    const existing = listPeriods(tx, compactId);
    const [{ n: progress }] = tx
      .select({ n: count() })
      .from(progressUpdates)
      .where(eq(progressUpdates.compactId, compactId))
      .all() as [{ n: number }];
    const calendarChanged =
      existing.length > 0 && (before.frequency !== input.frequency || existing[0]!.startsOn !== spans[0]!.startsOn);
    if ((calendarChanged || spans.length < existing.length) && (progress > 0 || targetsExist(tx, compactId))) {
      throw new DomainError('CONFLICT', { key: 'errors.periods.targetsProgressReferThese' });
    }
    if (calendarChanged || spans.length < existing.length) {
      tx.delete(reportingPeriods).where(eq(reportingPeriods.compactId, compactId)).run();
      for (const span of spans)
        tx.insert(reportingPeriods)
          .values({ id: newId(), compactId, ...span })
          .run();
    } else {
      // Same calendar: existing periods keep their ids; new ones are added at the end.
      for (const span of spans.slice(existing.length))
        tx.insert(reportingPeriods)
          .values({ id: newId(), compactId, ...span })
          .run();
    }
    const { periods: _periods, ...chosen } = input;
    const settings = { ...chosen, reportingDeadlineDays };
    tx.insert(frameworkSettings)
      .values({ compactId, ...settings })
      .onConflictDoUpdate({ target: frameworkSettings.compactId, set: settings })
      .run();
    recordAuditEvent(tx, actor, {
      compactId,
      action: 'framework.configured',
      entityType: 'framework',
      entityId: compactId,
      before,
      after: { ...input, reportingDeadlineDays },
    });
    return listPeriods(tx, compactId);
  });
}
