import 'server-only';
import { ProblemError } from '../domain-error';
import { parseNumberInput } from '@/shared/framework/number-input';
import { asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { CONFIDENCE_LEVELS, RATINGS } from '@/shared/enums';
import { progressUpdates } from '@/db/schema/framework';
import { ItemProblems } from '../batch-writes';
import { toCsv, type Separator } from '../csv';
import { dictionary, reservedKeyProblem } from '@/shared/reserved-keys';
import { CsvErrors, type ImportResult, type LocateProblem } from './csv-errors';
import { listIndicators } from './indicators';
import { listPeriods } from './periods';
import type { ProgressActor, ProgressInput } from './progress';
import { checkProgressInputs } from './progress-checks';
import { insertProgressDrafts } from './progress-drafts';

/** Header of the progress CSV. On import, `state` and the columns after it are ignored: imports land as drafts. */
export const PROGRESS_CSV_COLUMNS = [
  'indicator_code',
  'period',
  'value',
  'rating',
  'narrative',
  'confidence',
  'evidence_links',
  'comment',
  'disaggregation',
  'state',
  'validated_rating',
] as const;

/** `sex:female=10|sex:male=12` ⇄ { sex: { female: 10, male: 12 } } */
function formatDisaggregation(values: Record<string, Record<string, number>>): string {
  return Object.entries(values)
    .flatMap(([dimension, categories]) =>
      Object.entries(categories).map(([category, n]) => `${dimension}:${category}=${n}`),
    )
    .join('|');
}

/** Builds the maps without prototypes and refuses reserved names, so no cell can reach Object.prototype. */
function parseDisaggregation(raw: string): Record<string, Record<string, number>> {
  const result = dictionary<Record<string, number>>();
  for (const part of raw
    .split('|')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([^:=]+):([^=]+)=(.+)$/.exec(part);
    const parsed = match ? parseNumberInput(match[3]!) : null;
    if (!match || !parsed || !parsed.ok || parsed.value === null)
      throw new ProblemError(
        parsed && !parsed.ok ? parsed.problem : { key: 'errors.csv.notDisaggregation', args: { part } },
      );
    const n = parsed.value;
    const dimension = match[1]!.trim();
    const category = match[2]!.trim();
    const reserved = reservedKeyProblem(dimension, 'disaggregation') ?? reservedKeyProblem(category, 'category');
    if (reserved) throw new ProblemError(reserved);
    (result[dimension] ??= dictionary<number>())[category] = n;
  }
  // Plain objects again for storage (the database layer needs a prototype); the keys are checked.
  return Object.fromEntries(Object.entries(result).map(([dimension, categories]) => [dimension, { ...categories }]));
}

export function exportProgressCsv(db: DbOrTx, compactId: string, separator: Separator): string {
  const codes = new Map(listIndicators(db, compactId).map((i) => [i.id, i.code]));
  const labels = new Map(listPeriods(db, compactId).map((p) => [p.id, p.label]));
  const rows = db
    .select()
    .from(progressUpdates)
    .where(eq(progressUpdates.compactId, compactId))
    .orderBy(asc(progressUpdates.createdAt))
    .all();
  return toCsv(
    [...PROGRESS_CSV_COLUMNS],
    rows.map((u) => [
      codes.get(u.indicatorId) ?? '',
      labels.get(u.periodId) ?? '',
      u.value === null ? '' : String(u.value),
      u.rating ?? '',
      u.narrative,
      u.confidence,
      u.evidenceLinks.join(' '),
      u.comment,
      formatDisaggregation(u.disaggregated),
      u.state,
      u.validatedRating ?? '',
    ]),
    separator,
  );
}

type Table = NonNullable<ReturnType<CsvErrors['readTable']>>;

/** The column of the file each field of a progress input comes from. */
const COLUMN_OF: Record<string, string> = {
  indicatorId: 'indicator_code',
  periodId: 'period',
  value: 'value',
  rating: 'rating',
  disaggregated: 'disaggregation',
  evidenceLinks: 'evidence_links',
};

/** Reads every row into a progress input (reads only, outside any transaction); a cell that cannot be read is an error. */
function readProgressRows(db: Db, compactId: string, { body, column }: Table, errors: CsvErrors) {
  const indicatorIds = new Map(listIndicators(db, compactId).map((i) => [i.code.toLowerCase(), i.id]));
  const periodIds = new Map(listPeriods(db, compactId).map((p) => [p.label, p.id]));
  return body.map(({ line, cells }) => {
    const get = (name: string) => (column.has(name) ? (cells[column.get(name)!] ?? '').trim() : '');
    const indicatorId = indicatorIds.get(get('indicator_code').toLowerCase());
    if (!indicatorId)
      errors.add(line, 'indicator_code', { key: 'errors.csv.noSuchIndicator', args: { code: get('indicator_code') } });
    const periodId = periodIds.get(get('period'));
    if (!periodId) errors.add(line, 'period', { key: 'errors.csv.noSuchPeriod', args: { period: get('period') } });
    const rawValue = get('value');
    const parsedValue = parseNumberInput(rawValue);
    if (!parsedValue.ok) errors.add(line, 'value', parsedValue.problem);
    const value = parsedValue.ok ? parsedValue.value : null;
    const rating = (get('rating') || null) as (typeof RATINGS)[number] | null;
    if (rating && !RATINGS.includes(rating))
      errors.add(line, 'rating', { key: 'errors.csv.expectedOneOf', args: { values: RATINGS.join(', ') } });
    const confidence = (get('confidence') || 'medium') as (typeof CONFIDENCE_LEVELS)[number];
    if (!CONFIDENCE_LEVELS.includes(confidence))
      errors.add(line, 'confidence', {
        key: 'errors.csv.expectedOneOf',
        args: { values: CONFIDENCE_LEVELS.join(', ') },
      });
    let disaggregated: Record<string, Record<string, number>> = {};
    try {
      disaggregated = parseDisaggregation(get('disaggregation'));
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      errors.add(line, 'disaggregation', error.problem);
    }
    const input: ProgressInput = {
      indicatorId: indicatorId ?? '',
      periodId: periodId ?? '',
      value,
      rating,
      narrative: get('narrative'),
      confidence,
      evidenceLinks: get('evidence_links').split(/\s+/).filter(Boolean),
      comment: get('comment'),
      disaggregated,
    };
    return { line, input };
  });
}

/**
 * Imports progress as drafts for indicators the monitor's party reports on: every row is read and
 * checked first, outside any transaction, with the rules of the progress writer; then one short
 * write transaction hands all rows to that writer, which checks them again and writes all or nothing.
 */
export function importProgressCsv(db: Db, actor: ProgressActor, compactId: string, text: string): ImportResult {
  const errors = new CsvErrors();
  const table = errors.readTable(text, ['indicator_code', 'period']);
  if (!table) return errors.result();
  const rows = readProgressRows(db, compactId, table, errors);
  const locate: LocateProblem = ({ index, field }) => [rows[index]!.line, COLUMN_OF[field] ?? field];
  const problems = new ItemProblems();
  checkProgressInputs(
    db,
    actor,
    compactId,
    rows.map((row) => row.input),
    problems,
  );
  errors.addProblems(problems.list, locate);
  if (!errors.ok) return errors.result();
  return errors.writeAllOrNothing(db, rows.length, (tx) =>
    errors.throughWriter(
      () =>
        insertProgressDrafts(
          tx,
          actor,
          compactId,
          rows.map((row) => row.input),
          'csv-import',
        ),
      locate,
    ),
  );
}
