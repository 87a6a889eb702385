import 'server-only';
import type { Problem } from '@/i18n/types';
import type { Db } from '@/db/client';
import { readTargetRow, type TargetTableRow } from '@/shared/framework/target-table';
import type { AuditActor } from '../audit';
import { DomainError } from '../domain-error';
import { requireIndicator } from './indicators';
import { listPeriods } from './periods';
import { insertTargets, type NewTarget } from './targets';

/** How a row is named in messages: its period's label, or its year. */
const rowKey = (row: TargetTableRow) => (row.periodId === undefined ? `year ${row.year}` : `period ${row.periodId}`);

/**
 * Saves the targets table of one indicator: every changed row (a period's or a year's target, set
 * or explicitly cleared) in one transaction, all or nothing. Rows are read first, outside the
 * transaction: any bad row (a comma, not a number, an empty cell, a percentage outside 0–100, an
 * unknown period, a row twice) refuses the whole table with every problem named by its row.
 * Written as a target set through the indicator page (each change audited, earlier values kept).
 */
export function saveTargetTable(
  db: Db,
  actor: AuditActor & { userId: string },
  compactId: string,
  indicatorId: string,
  rows: readonly TargetTableRow[],
) {
  const indicator = requireIndicator(db, compactId, indicatorId);
  if (indicator.state === 'retired')
    throw new DomainError('CONFLICT', { key: 'errors.targetTable.retiredIndicatorCannotChanged' });
  const labels = new Map(listPeriods(db, compactId).map((p) => [p.id, p.label]));
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const items: NewTarget[] = [];
  for (const row of rows) {
    const label = row.periodId === undefined ? String(row.year) : labels.get(row.periodId);
    if (label === undefined) {
      problems.push({ key: 'errors.targetTable.unknownPeriod' });
      continue;
    }
    if (seen.has(rowKey(row))) problems.push({ key: 'errors.targetTable.listedTwice', field: label });
    seen.add(rowKey(row));
    const reading = readTargetRow(label, indicator.measure, row);
    if (!reading.ok) problems.push(reading.problem);
    else items.push({ indicatorId, periodId: row.periodId ?? null, year: row.year ?? null, value: reading.value });
  }
  if (problems.length > 0)
    throw new DomainError('BAD_REQUEST', { key: 'errors.targetTable.noTargetWasSaved', details: problems });
  if (items.length === 0) throw new DomainError('BAD_REQUEST', { key: 'errors.targetTable.noTargetWasChanged' });
  db.transaction((tx) => {
    if (requireIndicator(tx, compactId, indicatorId).state === 'retired')
      throw new DomainError('CONFLICT', { key: 'errors.targetTable.retiredIndicatorCannotChanged' });
    insertTargets(tx, actor, compactId, items);
  });
  return { saved: items.length };
}
