import 'server-only';
import type { Db, DbOrTx } from '@/db/client';
import type { AuditActor } from '../audit';
import { toCsv, type Separator } from '../csv';
import { listParties } from '../parties';
import { listCommitments } from './commitments';
import { planFrameworkRows, writeFrameworkRows } from './framework-csv-import';
import { listIndicators } from './indicators';
import { listPeriods } from './periods';
import { linkableProvisions } from './provision-links';
import { compactTargetRows } from './targets';
import { CsvErrors, type ImportResult } from './csv-errors';

/** Header of the framework (indicator definitions) CSV; `target:<period>` and `target-year:<year>` columns follow. */
export const INDICATOR_CSV_COLUMNS = [
  'code',
  'title',
  'description',
  'level',
  'measure',
  'unit',
  'direction',
  'aggregation',
  'baseline_value',
  'baseline_date',
  'reporting_frequency',
  'means_of_verification',
  'responsible_party',
  'section',
  'commitment_reference',
  'commitment_lead_party',
  'commitment_deliverable',
  'disaggregation',
  'state',
  'provision',
  'provision_label',
  'commitment_provision',
] as const;
/** Written on export for people to read, ignored on import (the provision's id is what links). */
const PROVISION_DELETED_LABEL = '(deleted from the text)';
const REQUIRED = ['code', 'title', 'level', 'measure', 'direction', 'responsible_party'];

const fmt = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

export function exportFrameworkCsv(db: DbOrTx, compactId: string, separator: Separator): string {
  const periods = listPeriods(db, compactId);
  const parties = new Map(listParties(db).map((p) => [p.id, p.shortCode]));
  const commitmentById = new Map(listCommitments(db, compactId).map((c) => [c.id, c]));
  const list = listIndicators(db, compactId);
  // One read of the stored text, only when an indicator links to a provision (its citation is
  // written; a commitment's provision is written as its id alone).
  const provisions = linkableProvisions(db, compactId, list);
  const citation = (provisionId: string | null) =>
    provisionId ? (provisions.get(provisionId)?.label ?? PROVISION_DELETED_LABEL) : '';
  const targets = compactTargetRows(db, compactId);
  // The latest value of each indicator's period and yearly targets (rows are oldest first).
  const latest = new Map(targets.map((t) => [`${t.indicatorId} ${t.periodId ?? `year ${t.year}`}`, t.value]));
  const years = [...new Set(targets.filter((t) => t.year !== null).map((t) => t.year!))].sort();
  const header = [
    ...INDICATOR_CSV_COLUMNS,
    ...periods.map((p) => `target:${p.label}`),
    ...years.map((y) => `target-year:${y}`),
  ];
  const rows = list.map((indicator) => {
    const target = (key: string) => fmt(latest.get(`${indicator.id} ${key}`));
    const commitment = indicator.commitmentId ? commitmentById.get(indicator.commitmentId) : undefined;
    return [
      indicator.code,
      indicator.title,
      indicator.description,
      indicator.level,
      indicator.measure,
      indicator.unit,
      indicator.direction,
      indicator.aggregation,
      fmt(indicator.baselineValue),
      indicator.baselineDate ?? '',
      indicator.reportingFrequency,
      indicator.meansOfVerification,
      parties.get(indicator.responsiblePartyId) ?? '',
      indicator.sectionRef,
      commitment?.reference ?? '',
      commitment ? (parties.get(commitment.leadPartyId) ?? '') : '',
      commitment?.deliverable ?? '',
      indicator.disaggregation.join('|'),
      indicator.state,
      indicator.provisionId ?? '',
      citation(indicator.provisionId),
      commitment?.provisionId ?? '',
      ...periods.map((p) => target(p.id)),
      ...years.map((y) => target(`year ${y}`)),
    ];
  });
  return toCsv(header, rows, separator);
}

/**
 * Imports indicator definitions (and their targets and commitments): every row is checked first,
 * outside any transaction; then one short write transaction rechecks what may have changed and
 * writes everything, or nothing when anything is wrong.
 */
export function importFrameworkCsv(
  db: Db,
  actor: AuditActor & { userId: string },
  compactId: string,
  text: string,
): ImportResult {
  const errors = new CsvErrors();
  const table = errors.readTable(text, REQUIRED);
  if (!table) return errors.result();
  const planned = planFrameworkRows(db, compactId, table, errors);
  if (!errors.ok) return errors.result();
  return errors.writeAllOrNothing(db, planned.plans.length, (tx) =>
    writeFrameworkRows(tx, actor, compactId, planned, errors),
  );
}
