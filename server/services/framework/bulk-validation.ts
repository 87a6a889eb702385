import 'server-only';
import type { Problem } from '@/i18n/types';
import { inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { indicators, progressUpdates } from '@/db/schema/framework';
import { MAX_BULK_VALIDATIONS } from '@/shared/framework/progress-rules';
import { archivedRefusal } from '@/server/policies/archive-policy';
import { may } from '@/server/policies/role-actions';
import { WriteRefused } from '../batch-writes';
import { DomainError } from '../domain-error';
import { validateUpdates } from './progress-validation';
import { membershipsOf, periodLabels } from './validation-queue';

export interface BulkValidation {
  updateIds: string[];
  /** One note for every update validated (may be empty). */
  note: string;
}

/** "AU-1 2025-Q3" for each update, to name the one that stopped a batch. */
function namesOf(db: Db, rows: { id: string; indicatorId: string; periodId: string }[]) {
  const codes = new Map(
    db
      .select({ id: indicators.id, code: indicators.code })
      .from(indicators)
      .where(inArray(indicators.id, [...new Set(rows.map((r) => r.indicatorId))]))
      .all()
      .map((i) => [i.id, i.code]),
  );
  const labels = periodLabels(db, [...new Set(rows.map((r) => r.periodId))]);
  return new Map(rows.map((r) => [r.id, `${codes.get(r.indicatorId) ?? ''} ${labels.get(r.periodId) ?? ''}`]));
}

/**
 * Validates many submitted updates, across compacts, with one optional note — all or nothing.
 * Before writing, every update's compact is checked against the policy (the caller must be a
 * member allowed to `validateProgress` there; an update in a compact they do not belong to is
 * reported as not found, like one that does not exist). Then one short transaction validates them
 * through the one write path of validations (`validateUpdates`: still submitted, never one's own
 * submission, a started period; a qualitative rating is confirmed as the monitor proposed it),
 * each with its `progress.validated` event in its compact's chain. Any refusal writes nothing and
 * names every update refused and why.
 */
export function validateMany(db: Db, actor: { userId: string }, input: BulkValidation) {
  const ids = [...new Set(input.updateIds)];
  if (ids.length === 0) throw new DomainError('BAD_REQUEST', { key: 'errors.bulkValidation.selectLeastOneUpdate' });
  if (ids.length > MAX_BULK_VALIDATIONS)
    throw new DomainError('BAD_REQUEST', {
      key: 'errors.bulkValidation.validateMostUpdatesOnce',
      args: { max: MAX_BULK_VALIDATIONS },
    });
  const rows = db
    .select({
      id: progressUpdates.id,
      compactId: progressUpdates.compactId,
      indicatorId: progressUpdates.indicatorId,
      periodId: progressUpdates.periodId,
    })
    .from(progressUpdates)
    .where(inArray(progressUpdates.id, ids))
    .all();
  const all = new Map(membershipsOf(db, actor.userId).map((m) => [m.compactId, m.member]));
  // An update in a compact the caller does not belong to is not revealed: it counts as missing.
  const missing = rows.filter((r) => !all.has(r.compactId)).length + ids.length - rows.length;
  if (missing > 0)
    throw new DomainError('NOT_FOUND', { key: 'errors.bulkValidation.selectedUpdatesDoNot', args: { missing } });
  // As on a single decision (compactProcedure): the role first, then whether the compact is archived.
  const members = rows.map((r) => all.get(r.compactId)!);
  const refused = members.filter((member) => !may({ role: member.role }, 'validateProgress')).length;
  if (refused > 0)
    throw new DomainError('FORBIDDEN', { key: 'errors.bulkValidation.selectedUpdatesAreCompacts', args: { refused } });
  const archived = members.filter((member) => archivedRefusal(member)).length;
  if (archived > 0)
    throw new DomainError('FORBIDDEN', { key: 'errors.bulkValidation.selectedUpdatesAreArchived', args: { archived } });
  // In the order asked, so problems are reported in the order of the selection.
  const order = new Map(ids.map((id, i) => [id, i]));
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const names = namesOf(db, rows);
  const items = rows.map((row) => ({ actor: all.get(row.compactId)!, compactId: row.compactId, updateId: row.id }));
  try {
    db.transaction((tx) => validateUpdates(tx, items, { rating: null, note: input.note }));
  } catch (error) {
    if (!(error instanceof WriteRefused)) throw error;
    const lines = new Map(
      error.problems.map((p): [string, Problem] => {
        const line = { ...p.problem, field: names.get(items[p.index]!.updateId) };
        return [JSON.stringify(line), line];
      }),
    );
    throw new DomainError(error.code, { key: 'errors.bulkValidation.refused', details: [...lines.values()] });
  }
  return { validated: rows.map((r) => r.id) };
}
