import 'server-only';
import type Database from 'better-sqlite3';
import type { Db, Tx } from '@/db/client';
import { CsvReadError, parseCsv } from '../csv';

export interface CsvError {
  row: number;
  column: string;
  reason: string;
}

export type ImportResult = { ok: true; imported: number; errors: [] } | { ok: false; imported: 0; errors: CsvError[] };

/** Thrown inside the write transaction when a recheck failed, so it rolls back. */
class RecheckFailed extends Error {}

/** The most problems one import reports. */
export const MAX_REPORTED_CSV_ERRORS = 200;

/** Collects import errors by row and column; at most MAX_REPORTED_CSV_ERRORS are reported. */
export class CsvErrors {
  private readonly list: CsvError[] = [];

  add(row: number, column: string, reason: string): void {
    if (this.list.length < MAX_REPORTED_CSV_ERRORS) this.list.push({ row, column, reason });
  }

  get ok(): boolean {
    return this.list.length === 0;
  }

  /** Parses the file and checks the required columns; null (with the errors recorded) when it cannot go on. */
  readTable(text: string, required: readonly string[]) {
    let rows: string[][];
    try {
      rows = parseCsv(text).rows;
    } catch (error) {
      if (!(error instanceof CsvReadError)) throw error;
      this.add(0, '', error.message);
      return null;
    }
    const numbered = rows
      .map((cells, i) => ({ line: i + 1, cells }))
      .filter((r) => r.cells.some((c) => c.trim() !== ''));
    const [first, ...body] = numbered;
    const header = first?.cells ?? [];
    const column = new Map(header.map((name, i) => [name.trim().toLowerCase(), i]));
    for (const name of required) if (!column.has(name)) this.add(first?.line ?? 1, name, 'this column is missing');
    return this.ok ? { header, body, column } : null;
  }

  result(): ImportResult {
    return { ok: false, imported: 0, errors: this.list };
  }

  /**
   * Writes a checked import in one short BEGIN IMMEDIATE transaction (it takes the write lock at
   * once, so it never waits for it halfway through). `write` rechecks what may have changed since
   * the file was checked and records errors here; any error rolls everything back.
   */
  writeAllOrNothing(db: Db, imported: number, write: (tx: Tx, sqlite: Database.Database) => void): ImportResult {
    try {
      db.transaction(
        (tx) => {
          write(tx, db.$client);
          if (!this.ok) throw new RecheckFailed();
        },
        { behavior: 'immediate' },
      );
    } catch (error) {
      if (error instanceof RecheckFailed) return this.result();
      throw error;
    }
    return { ok: true, imported, errors: [] };
  }
}
