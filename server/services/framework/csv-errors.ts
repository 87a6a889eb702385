import 'server-only';
import type { Problem } from '@/i18n/types';
import type { Db, Tx } from '@/db/client';
import { WriteRefused, type ItemProblem } from '../batch-writes';
import { CsvReadError, parseCsv } from '../csv';

export interface CsvError {
  row: number;
  column: string;
  problem: Problem;
}

export type ImportResult = { ok: true; imported: number; errors: [] } | { ok: false; imported: 0; errors: CsvError[] };

/** Where in the file a writer's problem lies: the row and column of the item and field. */
export type LocateProblem = (problem: ItemProblem) => [row: number, column: string];

/** Thrown inside the write transaction when a writer refused rows, so it rolls back. */
class RecheckFailed extends Error {}

/** The most problems one import reports. */
export const MAX_REPORTED_CSV_ERRORS = 200;

/** Collects import errors by row and column; at most MAX_REPORTED_CSV_ERRORS are reported. */
export class CsvErrors {
  private readonly list: CsvError[] = [];
  private readonly cells = new Set<string>();

  add(row: number, column: string, problem: Problem): void {
    this.cells.add(`${row} ${column}`);
    if (this.list.length < MAX_REPORTED_CSV_ERRORS) this.list.push({ row, column, problem });
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
      this.add(0, '', error.problem);
      return null;
    }
    const numbered = rows
      .map((cells, i) => ({ line: i + 1, cells }))
      .filter((r) => r.cells.some((c) => c.trim() !== ''));
    const [first, ...body] = numbered;
    const header = first?.cells ?? [];
    const column = new Map(header.map((name, i) => [name.trim().toLowerCase(), i]));
    for (const name of required)
      if (!column.has(name))
        this.add(first?.line ?? 1, name, { key: 'errors.csv.missingColumn', args: { column: name } });
    return this.ok ? { header, body, column } : null;
  }

  /**
   * Records an entity's problems with the file's rows (found by its writer's checks), except in
   * cells that could not be read (a rule broken by an unreadable cell says nothing more).
   */
  addProblems(problems: readonly ItemProblem[], locate: LocateProblem): void {
    for (const problem of problems) {
      const [row, column] = locate(problem);
      if (!this.cells.has(`${row} ${column}`)) this.add(row, column, problem.problem);
    }
  }

  /**
   * Calls an entity's writer (inside the write transaction) for rows of the file: when it refuses
   * them, its problems are recorded by row and column and the whole import rolls back.
   */
  throughWriter<T>(write: () => T, locate: LocateProblem): T {
    try {
      return write();
    } catch (error) {
      if (!(error instanceof WriteRefused)) throw error;
      this.addProblems(error.problems, locate);
      throw new RecheckFailed();
    }
  }

  result(): ImportResult {
    return { ok: false, imported: 0, errors: this.list };
  }

  /**
   * Writes a checked import in one short BEGIN IMMEDIATE transaction (it takes the write lock at
   * once, so it never waits for it halfway through). `write` calls the entities' writers through
   * `throughWriter`: they check every rule again (things may have changed since the file was
   * checked), and any refusal rolls everything back.
   */
  writeAllOrNothing(db: Db, imported: number, write: (tx: Tx) => void): ImportResult {
    try {
      db.transaction(
        (tx) => {
          write(tx);
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
