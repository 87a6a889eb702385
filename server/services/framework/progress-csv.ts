import { asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client';
import { CONFIDENCE_LEVELS, RATINGS } from '../../../db/enums';
import { progressUpdates } from '../../../db/schema/framework';
import { recordAuditEvent } from '../audit';
import { toCsv, type Separator } from '../csv';
import { newId } from '../ids';
import { CsvErrors, type ImportResult } from './csv-errors';
import { listIndicators } from './indicators';
import { listPeriods } from './periods';
import { checkValue, latestValidated, type ProgressActor } from './progress';

/** Header of the progress CSV. On import, `state` and the columns after it are ignored: imports land as drafts. */
export const PROGRESS_CSV_COLUMNS = ['indicator_code', 'period', 'value', 'rating', 'narrative', 'confidence', 'evidence_links', 'comment', 'disaggregation', 'state', 'validated_rating'] as const;

/** `sex:female=10|sex:male=12` ⇄ { sex: { female: 10, male: 12 } } */
function formatDisaggregation(values: Record<string, Record<string, number>>): string {
  return Object.entries(values).flatMap(([dimension, categories]) => Object.entries(categories).map(([category, n]) => `${dimension}:${category}=${n}`)).join('|');
}

function parseDisaggregation(raw: string): Record<string, Record<string, number>> {
  const result: Record<string, Record<string, number>> = {};
  for (const part of raw.split('|').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([^:=]+):([^=]+)=(.+)$/.exec(part);
    const n = match ? Number(match[3]!.replace(',', '.')) : Number.NaN;
    if (!match || !Number.isFinite(n)) throw new Error(`“${part}” is not dimension:category=number`);
    (result[match[1]!.trim()] ??= {})[match[2]!.trim()] = n;
  }
  return result;
}

export function exportProgressCsv(db: DbOrTx, compactId: string, separator: Separator): string {
  const codes = new Map(listIndicators(db, compactId).map((i) => [i.id, i.code]));
  const labels = new Map(listPeriods(db, compactId).map((p) => [p.id, p.label]));
  const rows = db.select().from(progressUpdates).where(eq(progressUpdates.compactId, compactId)).orderBy(asc(progressUpdates.createdAt)).all();
  return toCsv(
    [...PROGRESS_CSV_COLUMNS],
    rows.map((u) => [
      codes.get(u.indicatorId) ?? '', labels.get(u.periodId) ?? '', u.value === null ? '' : String(u.value), u.rating ?? '', u.narrative, u.confidence,
      u.evidenceLinks.join(' '), u.comment, formatDisaggregation(u.disaggregated), u.state, u.validatedRating ?? '',
    ]),
    separator,
  );
}

/** Imports progress as drafts for indicators the monitor's party reports on; every row is checked first. */
export function importProgressCsv(db: Db, actor: ProgressActor, compactId: string, text: string): ImportResult {
  const errors = new CsvErrors();
  const table = errors.readTable(text, ['indicator_code', 'period']);
  if (!table) return errors.result();
  const { body, column } = table;
  const indicatorsByCode = new Map(listIndicators(db, compactId).map((i) => [i.code.toLowerCase(), i]));
  const periods = new Map(listPeriods(db, compactId).map((p) => [p.label, p.id]));

  const plans = body.map(({ line, cells }) => {
    const get = (name: string) => (column.has(name) ? (cells[column.get(name)!] ?? '').trim() : '');
    const indicator = indicatorsByCode.get(get('indicator_code').toLowerCase());
    if (!indicator) errors.add(line, 'indicator_code', `no indicator with code “${get('indicator_code')}”`);
    else if (indicator.state !== 'active') errors.add(line, 'indicator_code', 'this indicator is not active');
    else if (indicator.responsiblePartyId !== actor.partyId) errors.add(line, 'indicator_code', 'your party does not report on this indicator');
    const periodId = periods.get(get('period'));
    if (!periodId) errors.add(line, 'period', `no reporting period “${get('period')}”`);
    const rawValue = get('value');
    const value = rawValue === '' ? null : Number(rawValue.replace(',', '.'));
    if (value !== null && !Number.isFinite(value)) errors.add(line, 'value', `“${rawValue}” is not a number`);
    const rating = (get('rating') || null) as (typeof RATINGS)[number] | null;
    if (rating && !RATINGS.includes(rating)) errors.add(line, 'rating', `expected one of ${RATINGS.join(', ')}`);
    const confidence = (get('confidence') || 'medium') as (typeof CONFIDENCE_LEVELS)[number];
    if (!CONFIDENCE_LEVELS.includes(confidence)) errors.add(line, 'confidence', `expected one of ${CONFIDENCE_LEVELS.join(', ')}`);
    const evidenceLinks = get('evidence_links').split(/\s+/).filter(Boolean);
    if (evidenceLinks.length > 20) errors.add(line, 'evidence_links', 'at most 20 links');
    for (const link of evidenceLinks) if (link.length > 2000 || !URL.canParse(link)) errors.add(line, 'evidence_links', `“${link.slice(0, 80)}” is not a link`);
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
        errors.add(line, /disaggregation|add up/.test(message) ? 'disaggregation' : /rating/.test(message) ? 'rating' : 'value', message);
      }
    }
    return { indicatorId: indicator?.id ?? '', periodId: periodId ?? '', value, rating, narrative: get('narrative').slice(0, 8000), confidence, evidenceLinks, comment: get('comment').slice(0, 2000), disaggregated };
  });
  if (!errors.ok) return errors.result();

  db.transaction((tx) => {
    const now = new Date();
    for (const plan of plans) {
      const validated = latestValidated(tx, plan.indicatorId, plan.periodId);
      const id = newId();
      tx.insert(progressUpdates).values({ id, compactId, ...plan, state: 'draft', supersedesId: validated?.id ?? null, createdBy: actor.userId, createdByPartyId: actor.partyId, createdAt: now, updatedAt: now }).run();
      recordAuditEvent(tx, actor, { compactId, action: 'progress.imported', entityType: 'progress-update', entityId: id, after: plan });
    }
  });
  return { ok: true, imported: plans.length, errors: [] };
}
