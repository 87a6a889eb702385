import 'server-only';
import { TRPCError } from '@trpc/server';
import { MAX_REPORTED_CSV_ERRORS, type CsvError, type ImportResult } from '../services/framework/csv-errors';

/** The cause of a refused CSV import: every problem found, by row and column (sent as `data.csvErrors`). */
export class CsvImportRejected extends Error {
  constructor(readonly errors: CsvError[]) {
    super(`${errors.length} problems`);
  }
}

/**
 * An import that found problems imported nothing: API callers get an unmistakable BAD_REQUEST
 * carrying the per-row report, not a success whose body says otherwise.
 */
export function importedOrRejected(result: ImportResult): { imported: number } {
  if (result.ok) return { imported: result.imported };
  const count = result.errors.length;
  throw new TRPCError({
    code: 'BAD_REQUEST',
    message: `Nothing was imported: the file has ${count === 1 ? 'a problem' : `${count}${count >= MAX_REPORTED_CSV_ERRORS ? ' or more' : ''} problems`} (see the report by row).`,
    cause: new CsvImportRejected(result.errors),
  });
}
