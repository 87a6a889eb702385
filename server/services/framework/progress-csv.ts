import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { Db, DbOrTx, Tx } from '@/db/client';
import { CONFIDENCE_LEVELS, RATINGS } from '@/shared/enums';
import { progressUpdates } from '@/db/schema/framework';
import { recordAuditEvents } from '../audit';
import { bulkInsert } from '../bulk-insert';
import { toCsv, type Separator } from '../csv';
import { newId } from '../ids';
import { dictionary, reservedKeyProblem } from '@/shared/reserved-keys';
import { CsvErrors, type ImportResult } from './csv-errors';
import { listIndicators } from './indicators';
import { listPeriods } from './periods';
import { checkValue, type ProgressActor } from './progress';
import { evidenceLinksProblem, periodNotStartedProblem } from '@/shared/framework/progress-rules';

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
    const n = match ? Number(match[3]!.replace(',', '.')) : Number.NaN;
    if (!match || !Number.isFinite(n)) throw new Error(`“${part}” is not dimension:category=number`);
    const dimension = match[1]!.trim();
    const category = match[2]!.trim();
    const reserved = reservedKeyProblem(dimension, 'disaggregation') ?? reservedKeyProblem(category, 'category');
    if (reserved) throw new Error(reserved);
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
type ProgressRowPlan = ReturnType<typeof planProgressRows>[number];

/** Checks every row (reads only, outside any transaction) and returns what to write. */
function planProgressRows(db: Db, actor: ProgressActor, compactId: string, { body, column }: Table, errors: CsvErrors) {
  const indicatorsByCode = new Map(listIndicators(db, compactId).map((i) => [i.code.toLowerCase(), i]));
  const periods = new Map(listPeriods(db, compactId).map((p) => [p.label, p]));
  return body.map(({ line, cells }) => {
    const get = (name: string) => (column.has(name) ? (cells[column.get(name)!] ?? '').trim() : '');
    const indicator = indicatorsByCode.get(get('indicator_code').toLowerCase());
    if (!indicator) errors.add(line, 'indicator_code', `no indicator with code “${get('indicator_code')}”`);
    else if (indicator.state !== 'active') errors.add(line, 'indicator_code', 'this indicator is not active');
    else if (indicator.responsiblePartyId !== actor.partyId)
      errors.add(line, 'indicator_code', 'your party does not report on this indicator');
    const period = periods.get(get('period'));
    const periodId = period?.id;
    if (!period) errors.add(line, 'period', `no reporting period “${get('period')}”`);
    else if (periodNotStartedProblem(period))
      errors.add(line, 'period', `${period.label} has not started yet (it starts on ${period.startsOn})`);
    const rawValue = get('value');
    const value = rawValue === '' ? null : Number(rawValue.replace(',', '.'));
    if (value !== null && !Number.isFinite(value)) errors.add(line, 'value', `“${rawValue}” is not a number`);
    const rating = (get('rating') || null) as (typeof RATINGS)[number] | null;
    if (rating && !RATINGS.includes(rating)) errors.add(line, 'rating', `expected one of ${RATINGS.join(', ')}`);
    const confidence = (get('confidence') || 'medium') as (typeof CONFIDENCE_LEVELS)[number];
    if (!CONFIDENCE_LEVELS.includes(confidence))
      errors.add(line, 'confidence', `expected one of ${CONFIDENCE_LEVELS.join(', ')}`);
    const evidenceLinks = get('evidence_links').split(/\s+/).filter(Boolean);
    const linkProblem = evidenceLinksProblem(evidenceLinks);
    if (linkProblem) errors.add(line, 'evidence_links', linkProblem);
    let disaggregated: Record<string, Record<string, number>> = {};
    try {
      disaggregated = parseDisaggregation(get('disaggregation'));
    } catch (error) {
      errors.add(line, 'disaggregation', (error as Error).message);
    }
    if (indicator && (value === null || Number.isFinite(value))) {
      try {
        checkValue(indicator, { value, rating, disaggregated });
      } catch (error) {
        const message = (error as Error).message;
        errors.add(
          line,
          /disaggregation|add up|category/.test(message)
            ? 'disaggregation'
            : /rating/.test(message)
              ? 'rating'
              : 'value',
          message,
        );
      }
    }
    const fields = {
      indicatorId: indicator?.id ?? '',
      periodId: periodId ?? '',
      value,
      rating,
      narrative: get('narrative').slice(0, 8000),
      confidence,
      evidenceLinks,
      comment: get('comment').slice(0, 2000),
      disaggregated,
    };
    return { line, id: newId(), fields };
  });
}

/** Inside the write transaction: indicators and periods may have changed since the file was checked. */
function recheck(tx: Tx, actor: ProgressActor, compactId: string, plans: ProgressRowPlan[], errors: CsvErrors) {
  const reportable = new Set(
    listIndicators(tx, compactId)
      .filter((i) => i.state === 'active' && i.responsiblePartyId === actor.partyId)
      .map((i) => i.id),
  );
  const periods = new Set(listPeriods(tx, compactId).map((p) => p.id));
  for (const { line, fields } of plans) {
    if (!reportable.has(fields.indicatorId))
      errors.add(line, 'indicator_code', 'this indicator changed while the file was being checked');
    if (!periods.has(fields.periodId))
      errors.add(line, 'period', 'the reporting periods changed while the file was being checked');
  }
}

/** The validated update each (indicator, period) has now: a new draft for it is a correction. */
function validatedByIndicatorPeriod(tx: Tx, compactId: string): Map<string, string> {
  const rows = tx
    .select({ id: progressUpdates.id, indicatorId: progressUpdates.indicatorId, periodId: progressUpdates.periodId })
    .from(progressUpdates)
    .where(and(eq(progressUpdates.compactId, compactId), eq(progressUpdates.state, 'validated')))
    .orderBy(asc(progressUpdates.decidedAt))
    .all();
  return new Map(rows.map((r) => [`${r.indicatorId} ${r.periodId}`, r.id]));
}

function writeProgressRows(
  tx: Tx,
  sqlite: Database.Database,
  actor: ProgressActor,
  compactId: string,
  plans: ProgressRowPlan[],
  errors: CsvErrors,
) {
  recheck(tx, actor, compactId, plans, errors);
  if (!errors.ok) return;
  const validated = validatedByIndicatorPeriod(tx, compactId);
  const now = new Date();
  const rows = plans.map(({ id, fields }) => ({
    id,
    compactId,
    ...fields,
    state: 'draft' as const,
    supersedesId: validated.get(`${fields.indicatorId} ${fields.periodId}`) ?? null,
    createdBy: actor.userId,
    createdByPartyId: actor.partyId,
    createdAt: now,
    updatedAt: now,
  }));
  bulkInsert(sqlite, progressUpdates, rows);
  recordAuditEvents(
    sqlite,
    actor,
    plans.map(({ id, fields }) => ({
      compactId,
      action: 'progress.imported',
      entityType: 'progress-update',
      entityId: id,
      after: fields,
    })),
  );
}

/**
 * Imports progress as drafts for indicators the monitor's party reports on: every row is checked
 * first, outside any transaction; then one short write transaction rechecks and writes all or nothing.
 */
export function importProgressCsv(db: Db, actor: ProgressActor, compactId: string, text: string): ImportResult {
  const errors = new CsvErrors();
  const table = errors.readTable(text, ['indicator_code', 'period']);
  if (!table) return errors.result();
  const plans = planProgressRows(db, actor, compactId, table, errors);
  if (!errors.ok) return errors.result();
  return errors.writeAllOrNothing(db, plans.length, (tx, sqlite) =>
    writeProgressRows(tx, sqlite, actor, compactId, plans, errors),
  );
}
