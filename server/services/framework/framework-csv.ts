import type { Db, DbOrTx } from '../../../db/client';
import { INDICATOR_AGGREGATIONS, INDICATOR_DIRECTIONS, INDICATOR_LEVELS, INDICATOR_MEASURES, INDICATOR_STATES, REPORTING_FREQUENCIES } from '../../../db/enums';
import { commitments, indicators, indicatorTargets } from '../../../db/schema/framework';
import { recordAuditEvent, type AuditActor } from '../audit';
import { toCsv, type Separator } from '../csv';
import { listParties } from '../parties';
import { newId } from '../ids';
import { listCommitments } from './commitments';
import { listIndicators } from './indicators';
import { listPeriods } from './periods';
import { targetRows } from './targets';
import { CsvErrors, type ImportResult } from './csv-errors';

/** Header of the framework (indicator definitions) CSV; `target:<period>` and `target-year:<year>` columns follow. */
export const INDICATOR_CSV_COLUMNS = [
  'code', 'title', 'description', 'level', 'measure', 'unit', 'direction', 'aggregation', 'baseline_value', 'baseline_date',
  'reporting_frequency', 'means_of_verification', 'responsible_party', 'section', 'commitment_reference', 'commitment_lead_party',
  'commitment_deliverable', 'disaggregation', 'state',
] as const;
const REQUIRED = ['code', 'title', 'level', 'measure', 'direction', 'responsible_party'];

const fmt = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

export function exportFrameworkCsv(db: DbOrTx, compactId: string, separator: Separator): string {
  const periods = listPeriods(db, compactId);
  const parties = new Map(listParties(db).map((p) => [p.id, p.shortCode]));
  const commitmentById = new Map(listCommitments(db, compactId).map((c) => [c.id, c]));
  const list = listIndicators(db, compactId);
  const targets = targetRows(db, list.map((i) => i.id));
  const years = [...new Set(targets.filter((t) => t.year !== null).map((t) => t.year!))].sort();
  const header = [...INDICATOR_CSV_COLUMNS, ...periods.map((p) => `target:${p.label}`), ...years.map((y) => `target-year:${y}`)];
  const rows = list.map((indicator) => {
    const own = targets.filter((t) => t.indicatorId === indicator.id);
    const latest = (match: (t: (typeof own)[number]) => boolean) => fmt(own.filter(match).pop()?.value);
    const commitment = indicator.commitmentId ? commitmentById.get(indicator.commitmentId) : undefined;
    return [
      indicator.code, indicator.title, indicator.description, indicator.level, indicator.measure, indicator.unit, indicator.direction,
      indicator.aggregation, fmt(indicator.baselineValue), indicator.baselineDate ?? '', indicator.reportingFrequency, indicator.meansOfVerification,
      parties.get(indicator.responsiblePartyId) ?? '', indicator.sectionRef, commitment?.reference ?? '',
      commitment ? (parties.get(commitment.leadPartyId) ?? '') : '', commitment?.deliverable ?? '', indicator.disaggregation.join('|'), indicator.state,
      ...periods.map((p) => latest((t) => t.periodId === p.id)),
      ...years.map((y) => latest((t) => t.year === y)),
    ];
  });
  return toCsv(header, rows, separator);
}

/** Imports indicator definitions (and their targets and commitments): all rows are checked first; any error imports nothing. */
export function importFrameworkCsv(db: Db, actor: AuditActor, compactId: string, text: string): ImportResult {
  const errors = new CsvErrors();
  const table = errors.readTable(text, REQUIRED);
  if (!table) return errors.result();
  const { header, body, column } = table;

  const parties = new Map(listParties(db).map((p) => [p.shortCode.toLowerCase(), p.id]));
  const periods = new Map(listPeriods(db, compactId).map((p) => [p.label, p.id]));
  const existingCodes = new Set(listIndicators(db, compactId).map((i) => i.code.toLowerCase()));
  const seenCodes = new Set<string>();
  const plans = body.map(({ line, cells }) => {
    const get = (name: string) => (column.has(name) ? (cells[column.get(name)!] ?? '').trim() : '');
    const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback?: T): T => {
      const value = (get(name) || fallback || '') as T;
      if (!allowed.includes(value)) errors.add(line, name, `expected one of ${allowed.join(', ')}`);
      return value;
    };
    const party = (name: string, required: boolean) => {
      const code = get(name).toLowerCase();
      if (!code) {
        if (required) errors.add(line, name, 'a party short code is required');
        return '';
      }
      const id = parties.get(code);
      if (!id) errors.add(line, name, `no party with short code “${get(name)}”`);
      return id ?? '';
    };
    const number = (name: string, raw = get(name)) => {
      if (raw === '') return null;
      const value = Number(raw.replace(',', '.'));
      if (!Number.isFinite(value)) errors.add(line, name, `“${raw}” is not a number`);
      return value;
    };
    const code = get('code');
    if (!/^[A-Za-z0-9._-]{1,32}$/.test(code)) errors.add(line, 'code', 'letters, digits, dots, dashes and underscores, 1 to 32');
    if (existingCodes.has(code.toLowerCase())) errors.add(line, 'code', 'an indicator with this code already exists in the compact');
    if (seenCodes.has(code.toLowerCase())) errors.add(line, 'code', 'this code appears twice in the file');
    seenCodes.add(code.toLowerCase());
    const title = get('title');
    if (!title || title.length > 300) errors.add(line, 'title', 'required, at most 300 characters');
    const baselineDate = get('baseline_date');
    if (baselineDate && !/^\d{4}-\d{2}-\d{2}$/.test(baselineDate)) errors.add(line, 'baseline_date', 'use a date like 2026-12-31');
    const measure = oneOf('measure', INDICATOR_MEASURES);
    const baselineValue = number('baseline_value');
    if (measure === 'qualitative' && baselineValue !== null) errors.add(line, 'baseline_value', 'a qualitative indicator has no numeric baseline');
    const targets: { periodId?: string; year?: number; value: number | null }[] = [];
    header.forEach((name, i) => {
      const raw = (cells[i] ?? '').trim();
      if (raw === '') return;
      if (name.startsWith('target:')) {
        const periodId = periods.get(name.slice('target:'.length));
        if (!periodId) errors.add(line, name, 'no reporting period with this label in the compact');
        else targets.push({ periodId, value: number(name, raw) });
      } else if (name.startsWith('target-year:')) {
        const year = Number(name.slice('target-year:'.length));
        if (!Number.isInteger(year) || year < 1990 || year > 2200) errors.add(line, name, 'not a year between 1990 and 2200');
        else targets.push({ year, value: number(name, raw) });
      }
    });
    if (measure === 'qualitative' && targets.length > 0) errors.add(line, 'target', 'qualitative indicators have no numeric targets');
    const disaggregation = get('disaggregation') ? get('disaggregation').split('|').map((d) => d.trim()).filter(Boolean) : [];
    if (disaggregation.length > 5 || disaggregation.some((d) => d.length > 40)) errors.add(line, 'disaggregation', 'at most 5 dimensions of up to 40 characters');
    const commitmentReference = get('commitment_reference');
    return {
      definition: {
        code, title, description: get('description').slice(0, 4000), level: oneOf('level', INDICATOR_LEVELS), measure, unit: get('unit').slice(0, 40),
        direction: oneOf('direction', INDICATOR_DIRECTIONS), aggregation: oneOf('aggregation', INDICATOR_AGGREGATIONS, 'per-period'),
        baselineValue, baselineDate: baselineDate || null, reportingFrequency: oneOf('reporting_frequency', REPORTING_FREQUENCIES, 'quarterly'),
        meansOfVerification: get('means_of_verification').slice(0, 2000), responsiblePartyId: party('responsible_party', true),
        sectionRef: get('section').slice(0, 200), disaggregation,
        state: oneOf('state', INDICATOR_STATES, 'active'),
      },
      commitment: commitmentReference
        ? { reference: commitmentReference.slice(0, 200), leadPartyId: party('commitment_lead_party', true), deliverable: get('commitment_deliverable') || commitmentReference }
        : null,
      targets,
    };
  });
  if (!errors.ok) return errors.result();

  db.transaction((tx) => {
    const commitmentIds = new Map(listCommitments(tx, compactId).filter((c) => !c.retired).map((c) => [c.reference, c.id]));
    const now = new Date();
    for (const plan of plans) {
      let commitmentId: string | null = null;
      if (plan.commitment) {
        commitmentId = commitmentIds.get(plan.commitment.reference) ?? null;
        if (!commitmentId) {
          commitmentId = newId();
          tx.insert(commitments).values({ id: commitmentId, compactId, ...plan.commitment, createdAt: now }).run();
          commitmentIds.set(plan.commitment.reference, commitmentId);
          recordAuditEvent(tx, actor, { compactId, action: 'commitment.imported', entityType: 'commitment', entityId: commitmentId, after: plan.commitment });
        }
      }
      const id = newId();
      tx.insert(indicators).values({ id, compactId, ...plan.definition, commitmentId, createdAt: now, updatedAt: now }).run();
      for (const target of plan.targets) tx.insert(indicatorTargets).values({ indicatorId: id, periodId: target.periodId ?? null, year: target.year ?? null, value: target.value, setBy: actor.userId, setAt: now }).run();
      recordAuditEvent(tx, actor, { compactId, action: 'indicator.imported', entityType: 'indicator', entityId: id, after: { ...plan.definition, targets: plan.targets } });
    }
  });
  return { ok: true, imported: plans.length, errors: [] };
}

