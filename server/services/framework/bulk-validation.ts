import 'server-only';
import { inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { indicators, progressUpdates } from '@/db/schema/framework';
import { MAX_BULK_VALIDATIONS } from '@/shared/framework/progress-rules';
import { findMembership } from '../compacts';
import { DomainError } from '../domain-error';
import { validateInTransaction } from './progress';
import { periodLabels, validatingMemberships } from './validation-queue';

export interface BulkValidation {
  updateIds: string[];
  /** One note for every update validated (may be empty). */
  note: string;
}

const NOTHING = 'Nothing was validated.';

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
 * reported as not found, like one that does not exist). Then one transaction validates each through
 * the same rules as a single validation (`validateInTransaction`: still submitted, never one's own
 * submission, a started period; a qualitative rating is confirmed as the monitor proposed it),
 * each with its `progress.validated` event in its compact's chain. The first refusal undoes the
 * whole batch and names the update.
 */
export function validateMany(db: Db, actor: { userId: string }, input: BulkValidation) {
  const ids = [...new Set(input.updateIds)];
  if (ids.length === 0) throw new DomainError('BAD_REQUEST', 'Select at least one update.');
  if (ids.length > MAX_BULK_VALIDATIONS)
    throw new DomainError('BAD_REQUEST', `Validate at most ${MAX_BULK_VALIDATIONS} updates at once.`);
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
  const members = new Map(validatingMemberships(db, actor.userId).map((v) => [v.compactId, v.member]));
  // An update in a compact the caller does not belong to is not revealed: it counts as missing.
  const visible = rows.filter((r) => members.has(r.compactId) || findMembership(db, r.compactId, actor.userId));
  const missing = ids.length - visible.length;
  if (missing > 0) throw new DomainError('NOT_FOUND', `${missing} of the selected updates do not exist. ${NOTHING}`);
  const refused = rows.filter((r) => !members.has(r.compactId));
  if (refused.length > 0)
    throw new DomainError(
      'FORBIDDEN',
      `${refused.length} of the selected updates are in compacts where your role does not validate progress. ${NOTHING}`,
    );
  const names = namesOf(db, rows);
  db.transaction((tx) => {
    for (const row of rows) {
      try {
        validateInTransaction(tx, members.get(row.compactId)!, row.compactId, row.id, {
          rating: null,
          note: input.note,
        });
      } catch (error) {
        if (error instanceof DomainError)
          throw new DomainError(error.code, `${names.get(row.id)}: ${error.message} ${NOTHING}`);
        throw error;
      }
    }
  });
  return { validated: rows.map((r) => r.id) };
}
