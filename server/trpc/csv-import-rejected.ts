import 'server-only';
import { TRPCError } from '@trpc/server';
import { ProblemError } from '../services/domain-error';
import { MAX_REPORTED_CSV_ERRORS, type CsvError, type ImportResult } from '../services/framework/csv-errors';

/** The cause of a refused CSV import: every problem found, by row and column (sent as `data.csvErrors`). */
export class CsvImportRejected extends ProblemError {
  constructor(readonly errors: CsvError[]) {
    const count = errors.length;
    super({
      key: 'errors.csv.nothingImported',
      args: { count, more: count >= MAX_REPORTED_CSV_ERRORS ? 'yes' : 'no' },
    });
  }
}

/**
 * An import that found problems imported nothing: API callers get an unmistakable BAD_REQUEST
 * carrying the per-row report, not a success whose body says otherwise.
 */
export function importedOrRejected(result: ImportResult): { imported: number } {
  if (result.ok) return { imported: result.imported };
  const cause = new CsvImportRejected(result.errors);
  throw new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause });
}
