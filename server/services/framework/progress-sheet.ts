import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { indicators, progressUpdates } from '@/db/schema/framework';
import type { CompactMember } from '@/server/policies/compact-member';
import { progressUpdatePermissions } from '@/server/policies/progress-policy';
import { DomainError } from '../domain-error';
import { indicatorColumns } from './indicators';
import { REPORTED_STATES, sheetDeadlines } from './deadlines';
import { getFrameworkSettings } from './periods';
import { progressColumns } from './progress';
import { reportingContext } from './progress-context';
import { withUpdateDetails } from './progress-details';

/**
 * The progress grid of one period: every active indicator the member's party reports on, with the
 * period's target, the previous validated value, its latest update for the period (everything
 * entered, the files, the validator's reason or note) and what the member may do with it.
 */
export function periodSheet(db: DbOrTx, compactId: string, member: CompactMember, periodId: string, now = new Date()) {
  const context = reportingContext(db, compactId);
  const { periods } = context;
  const period = periods.find((p) => p.id === periodId);
  if (!period) throw new DomainError('NOT_FOUND', { key: 'errors.progressSheet.noSuchReportingPeriod' });
  const rows = db
    .select(indicatorColumns)
    .from(indicators)
    .where(
      and(
        eq(indicators.compactId, compactId),
        eq(indicators.responsiblePartyId, member.partyId),
        eq(indicators.state, 'active'),
      ),
    )
    .orderBy(asc(indicators.code))
    .all();
  const updates = db
    .select(progressColumns)
    .from(progressUpdates)
    .where(and(eq(progressUpdates.compactId, compactId), eq(progressUpdates.periodId, periodId)))
    .orderBy(asc(progressUpdates.createdAt))
    .all();
  // Oldest first: the last one of each indicator stays.
  const reported = new Set(rows.map((r) => r.id));
  const latestRows = [...new Map(updates.map((u) => [u.indicatorId, u])).values()].filter((u) =>
    reported.has(u.indicatorId),
  );
  const latest = new Map(withUpdateDetails(db, latestRows).map((u) => [u.indicatorId, u]));
  // Reported: any update of the period awaiting a decision or validated (not only the latest).
  const done = new Set(
    updates.filter((u) => (REPORTED_STATES as readonly string[]).includes(u.state)).map((u) => u.indicatorId),
  );
  const settings = getFrameworkSettings(db, compactId);
  return {
    period,
    periods,
    evidenceRequired: settings.requireEvidence,
    deadlines: sheetDeadlines(
      period,
      settings.reportingDeadlineDays,
      rows.map(({ id }) => ({ id, done: done.has(id) })),
      now,
    ),
    rows: rows.map((indicator) => {
      const update = latest.get(indicator.id);
      return {
        indicator,
        ...context.of(indicator, periodId),
        latest: update ? { ...update, can: progressUpdatePermissions(member, update) } : null,
      };
    }),
  };
}
