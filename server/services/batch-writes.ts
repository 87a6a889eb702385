// An entity's writer is the one place that writes it and applies its rules: it takes the caller's
// transaction and a batch (one item from a service, many from a CSV import), checks every item,
// and writes all of them or throws WriteRefused with every problem by item and field.
import 'server-only';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '@/db/client';
import { recordAuditEvents, type AuditActor, type AuditEventInput } from './audit';
import { bulkInsert } from './bulk-insert';
import { withoutField } from '@/i18n/problem';
import type { Problem } from '@/i18n/types';
import { DomainError, type DomainErrorCode } from './domain-error';

/** Who asked for a write (it names the audit event): a service call, or a CSV import. */
export type WriteOrigin = 'service' | 'csv-import';

/** One problem with one item of a batch write: which item (its index in the batch), which field, why. */
export interface ItemProblem {
  index: number;
  field: string;
  code: DomainErrorCode;
  problem: Problem;
}

/**
 * A batch write refused by an entity's rules; thrown inside the caller's transaction, so nothing
 * of it is written. Its code and message are the first problem's: a single-item service answers
 * with that one, an import reports every problem by row.
 */
export class WriteRefused extends DomainError {
  constructor(readonly problems: readonly ItemProblem[]) {
    super(problems[0]!.code, problems[0]!.problem);
    this.name = 'WriteRefused';
  }
}

/** Collects the problems of a batch by item and field, in the order the rules are checked. */
export class ItemProblems {
  readonly list: ItemProblem[] = [];
  private readonly items = new Set<number>();

  add(index: number, field: string, code: DomainErrorCode, problem: Problem | null): void {
    if (problem === null) return;
    this.list.push({ index, field, code, problem: withoutField(problem) });
    this.items.add(index);
  }

  /** Whether an item has a problem already (checks that build on an earlier one skip it). */
  has(index: number): boolean {
    return this.items.has(index);
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw new WriteRefused(this.list);
  }
}

/** Reads by a list of ids in slices, so a large batch never exceeds SQLite's limit on bound parameters. */
export function readInSlices<T>(ids: readonly string[], read: (slice: string[]) => T[], size = 500): T[] {
  const rows: T[] = [];
  for (let start = 0; start < ids.length; start += size) rows.push(...read(ids.slice(start, start + size)));
  return rows;
}

/** The audit event of one new row (its id is the event's entity). */
export type NewRowEvent = Omit<AuditEventInput, 'entityId'>;

/** How every writer of new rows ends: writes them, then one audit event each; returns their ids in order. */
export function insertAudited<T extends SQLiteTable>(
  tx: DbOrTx,
  actor: AuditActor,
  table: T,
  rows: readonly (T['$inferInsert'] & { id: string })[],
  eventOf: (row: T['$inferInsert'] & { id: string }, index: number) => NewRowEvent,
): string[] {
  bulkInsert(tx, table, rows);
  recordAuditEvents(
    tx,
    actor,
    rows.map((row, index) => ({ ...eventOf(row, index), entityId: row.id })),
  );
  return rows.map((row) => row.id);
}
