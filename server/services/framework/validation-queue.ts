import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { compacts, memberships } from '@/db/schema/compacts';
import { indicators, progressUpdates, reportingPeriods } from '@/db/schema/framework';
import { parties } from '@/db/schema/parties';
import { compactMember } from '@/server/policies/compact-member';
import { progressUpdatePermissions } from '@/server/policies/progress-policy';
import { may } from '@/server/policies/role-actions';
import { progressColumns } from './progress';
import { reportingContext } from './progress-context';
import { withUpdateDetails } from './progress-details';

/** The most submissions one queue answer carries (the oldest first); `truncated` says when more wait. */
export const VALIDATION_QUEUE_MAX = 500;

/** Every compact this person belongs to, with the member there as the policy sees them (archived or not). */
export function membershipsOf(db: DbOrTx, userId: string) {
  return db
    .select({
      compactId: memberships.compactId,
      title: compacts.title,
      role: memberships.role,
      partyId: memberships.partyId,
      archivedAt: compacts.archivedAt,
    })
    .from(memberships)
    .innerJoin(compacts, eq(compacts.id, memberships.compactId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(compacts.title))
    .all()
    .map((row) => ({
      compactId: row.compactId,
      title: row.title,
      member: compactMember({ userId }, { ...row, compactArchived: row.archivedAt !== null }),
    }));
}

/** The compacts where this person may validate progress (the policy decides per membership), with the member there. */
export function validatingMemberships(db: DbOrTx, userId: string) {
  // An archived compact is read only: nobody validates there, so it leaves the queue.
  return membershipsOf(db, userId).filter(({ member }) => may(member, 'validateProgress'));
}

/** Whether this person validates progress in any compact (the header links the queue for them). */
export const validatesAnywhere = (db: DbOrTx, userId: string) => validatingMemberships(db, userId).length > 0;

/** The labels of these periods, by id. */
export function periodLabels(db: DbOrTx, periodIds: string[]) {
  const rows = periodIds.length
    ? db
        .select({ id: reportingPeriods.id, label: reportingPeriods.label })
        .from(reportingPeriods)
        .where(inArray(reportingPeriods.id, periodIds))
        .all()
    : [];
  return new Map(rows.map((p) => [p.id, p.label]));
}

function partiesById(db: DbOrTx, partyIds: string[]) {
  const rows = partyIds.length
    ? db
        .select({ id: parties.id, name: parties.name, shortCode: parties.shortCode })
        .from(parties)
        .where(inArray(parties.id, partyIds))
        .all()
    : [];
  return new Map(rows.map((p) => [p.id, p]));
}

/**
 * Every submitted update awaiting a decision in every compact where the person validates, oldest
 * submission first: with everything the monitor entered (narrative, breakdown, confidence, comment,
 * links, files), the period's target, the previous validated value and what the person may do with
 * it (their own submissions are listed, but `can.validate` is false).
 */
export function validationQueue(db: DbOrTx, actor: { userId: string }) {
  const validating = validatingMemberships(db, actor.userId);
  const byCompact = new Map(validating.map((v) => [v.compactId, v]));
  if (validating.length === 0) return { compacts: [], items: [], truncated: false };
  const rows = db
    .select({ ...progressColumns, compactId: progressUpdates.compactId })
    .from(progressUpdates)
    .where(and(inArray(progressUpdates.compactId, [...byCompact.keys()]), eq(progressUpdates.state, 'submitted')))
    .orderBy(asc(progressUpdates.submittedAt), asc(progressUpdates.id))
    .limit(VALIDATION_QUEUE_MAX + 1)
    .all();
  const shown = rows.slice(0, VALIDATION_QUEUE_MAX);
  const indicatorRows = shown.length
    ? db
        .select({
          id: indicators.id,
          code: indicators.code,
          title: indicators.title,
          measure: indicators.measure,
          unit: indicators.unit,
          disaggregation: indicators.disaggregation,
          baselineValue: indicators.baselineValue,
        })
        .from(indicators)
        .where(inArray(indicators.id, [...new Set(shown.map((r) => r.indicatorId))]))
        .all()
    : [];
  const indicatorById = new Map(indicatorRows.map((i) => [i.id, i]));
  const partyById = partiesById(db, [...new Set(shown.map((r) => r.createdByPartyId))]);
  const contexts = new Map(
    [...new Set(shown.map((r) => r.compactId))].map((id) => [id, reportingContext(db, id)] as const),
  );
  // The labels of the periods each context has read already (no second query for them).
  const periodLabel = new Map(
    [...contexts.values()].flatMap(({ periods }) => periods.map((p) => [p.id, p.label] as const)),
  );
  const items = withUpdateDetails(db, shown).map((update) => {
    const { member, title } = byCompact.get(update.compactId)!;
    const { baselineValue: _baseline, ...indicator } = indicatorById.get(update.indicatorId)!;
    const party = partyById.get(update.createdByPartyId);
    return {
      compactId: update.compactId,
      compactTitle: title,
      indicator,
      periodLabel: periodLabel.get(update.periodId) ?? '',
      party: party ?? { id: update.createdByPartyId, name: '', shortCode: '' },
      ...contexts.get(update.compactId)!.of(indicatorById.get(update.indicatorId)!, update.periodId),
      update: { ...update, can: progressUpdatePermissions(member, update) },
    };
  });
  return {
    compacts: validating.map(({ compactId, title }) => ({ id: compactId, title })),
    items,
    truncated: rows.length > VALIDATION_QUEUE_MAX,
  };
}
