import 'server-only';
import { parseNumberInput } from '@/shared/framework/number-input';
import type { Db, Tx } from '@/db/client';
import {
  INDICATOR_AGGREGATIONS,
  INDICATOR_DIRECTIONS,
  INDICATOR_LEVELS,
  INDICATOR_MEASURES,
  INDICATOR_STATES,
  REPORTING_FREQUENCIES,
} from '@/shared/enums';
import type { AuditActor } from '../audit';
import { ItemProblems } from '../batch-writes';
import { listParties } from '../parties';
import { insertCommitments, listCommitments } from './commitments';
import type { CsvErrors, LocateProblem } from './csv-errors';
import { checkIndicatorDefinitions, insertIndicators, type NewIndicator } from './indicators';
import { listPeriods } from './periods';
import { checkProvisionLinks, linkableProvisions, type ProvisionsById } from './provision-links';
import { PROVISION_ID_PATTERN } from '@/shared/negotiation/vocabulary';
import { checkTargets, insertTargets, type NewTarget } from './targets';

type Table = NonNullable<ReturnType<CsvErrors['readTable']>>;
export type FrameworkRowPlan = ReturnType<typeof readFrameworkRows>[number];

/** The column of the file each field of an indicator or commitment comes from. */
const COLUMN_OF: Record<string, string> = {
  responsiblePartyId: 'responsible_party',
  commitmentId: 'commitment_reference',
  baselineValue: 'baseline_value',
  leadPartyId: 'commitment_lead_party',
  supportingPartyIds: 'commitment_lead_party',
  meansOfVerification: 'means_of_verification',
  sectionRef: 'section',
  reference: 'commitment_reference',
  deliverable: 'commitment_deliverable',
  provisionId: 'provision',
};
const column = (field: string) => COLUMN_OF[field] ?? field;
/** A commitment's fields come from the same columns as an indicator's, but for its provision. */
const commitmentColumn = (field: string) => (field === 'provisionId' ? 'commitment_provision' : column(field));

/** Reads every row of a framework file into what to write (reads only, outside any transaction); a cell that cannot be read is an error. */
function readFrameworkRows(db: Db, compactId: string, { header, body, column }: Table, errors: CsvErrors) {
  const parties = new Map(listParties(db).map((p) => [p.shortCode.toLowerCase(), p.id]));
  const periods = new Map(listPeriods(db, compactId).map((p) => [p.label, p.id]));
  return body.map(({ line, cells }) => {
    const get = (name: string) => (column.has(name) ? (cells[column.get(name)!] ?? '').trim() : '');
    const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback?: T): T => {
      const value = (get(name) || fallback || '') as T;
      if (!allowed.includes(value))
        errors.add(line, name, { key: 'errors.csv.expectedOneOf', args: { values: allowed.join(', ') } });
      return value;
    };
    const party = (name: string) => {
      const code = get(name).toLowerCase();
      const id = parties.get(code);
      if (!code) errors.add(line, name, { key: 'errors.csv.partyCodeRequired' });
      else if (!id) errors.add(line, name, { key: 'errors.csv.noSuchParty', args: { code: get(name) } });
      return id ?? '';
    };
    const number = (name: string, raw = get(name)) => {
      const parsed = parseNumberInput(raw);
      if (!parsed.ok) errors.add(line, name, parsed.problem);
      return parsed.ok ? parsed.value : null;
    };
    /** A provision's id as exported (the text's provisions are checked with every row, see planFrameworkRows). */
    const provisionId = (name: string) => {
      const id = get(name);
      if (id && !PROVISION_ID_PATTERN.test(id)) errors.add(line, name, { key: 'errors.csv.notProvisionId' });
      return id || null;
    };
    const baselineDate = get('baseline_date');
    if (baselineDate && !/^\d{4}-\d{2}-\d{2}$/.test(baselineDate))
      errors.add(line, 'baseline_date', { key: 'errors.csv.useDate' });
    const targets: (Omit<NewTarget, 'indicatorId'> & { column: string })[] = [];
    header.forEach((name, i) => {
      const raw = (cells[i] ?? '').trim();
      if (raw === '') return;
      if (name.startsWith('target:')) {
        const periodId = periods.get(name.slice('target:'.length));
        if (!periodId) errors.add(line, name, { key: 'errors.csv.noPeriodLabel' });
        else targets.push({ periodId, year: null, value: number(name, raw), column: name });
      } else if (name.startsWith('target-year:')) {
        targets.push({
          periodId: null,
          year: Number(name.slice('target-year:'.length)),
          value: number(name, raw),
          column: name,
        });
      }
    });
    const disaggregation = get('disaggregation')
      ? get('disaggregation')
          .split('|')
          .map((d) => d.trim())
          .filter(Boolean)
      : [];
    const commitmentReference = get('commitment_reference');
    const definition: NewIndicator = {
      code: get('code'),
      title: get('title'),
      description: get('description'),
      level: oneOf('level', INDICATOR_LEVELS),
      measure: oneOf('measure', INDICATOR_MEASURES),
      unit: get('unit'),
      direction: oneOf('direction', INDICATOR_DIRECTIONS),
      aggregation: oneOf('aggregation', INDICATOR_AGGREGATIONS, 'per-period'),
      baselineValue: number('baseline_value'),
      baselineDate: baselineDate || null,
      reportingFrequency: oneOf('reporting_frequency', REPORTING_FREQUENCIES, 'quarterly'),
      meansOfVerification: get('means_of_verification'),
      responsiblePartyId: party('responsible_party'),
      commitmentId: null,
      sectionRef: get('section'),
      provisionId: provisionId('provision'),
      disaggregation,
      state: oneOf('state', INDICATOR_STATES, 'active'),
    };
    const commitment = commitmentReference
      ? {
          reference: commitmentReference,
          leadPartyId: party('commitment_lead_party'),
          supportingPartyIds: [],
          deliverable: get('commitment_deliverable') || commitmentReference,
          dueDate: null,
          narrativeStatus: '',
          provisionId: provisionId('commitment_provision'),
        }
      : null;
    return { line, definition, commitment, targets };
  });
}

/** The targets of the rows, for the target writer (each row's indicator id from `indicatorIdOf`). */
function targetsOf(plans: readonly FrameworkRowPlan[], indicatorIdOf: (row: number) => string) {
  const targets: NewTarget[] = [];
  const cells: [line: number, column: string][] = [];
  plans.forEach((plan, row) => {
    const indicatorId = indicatorIdOf(row);
    for (const { periodId, year, value, column } of plan.targets) {
      targets.push({ indicatorId, periodId, year, value });
      cells.push([plan.line, column]);
    }
  });
  const locate: LocateProblem = ({ index, field }) =>
    field === 'indicatorId' ? [cells[index]![0], 'code'] : cells[index]!;
  return { targets, locate };
}

/**
 * Reads and checks every row of a framework file (outside any transaction) with the rules of the
 * indicator and target writers and the provisions of the stored text (read once, here: never inside
 * the write transaction), and returns what to write and those provisions.
 */
export function planFrameworkRows(db: Db, compactId: string, table: Table, errors: CsvErrors) {
  const plans = readFrameworkRows(db, compactId, table, errors);
  const withCommitment = plans.filter((plan) => plan.commitment !== null);
  const commitments = withCommitment.map((plan) => plan.commitment!);
  const provisions = linkableProvisions(db, compactId, [...plans.map((plan) => plan.definition), ...commitments]);
  const problems = new ItemProblems();
  checkIndicatorDefinitions(
    db,
    compactId,
    plans.map((plan) => plan.definition),
    problems,
    { provisions },
  );
  errors.addProblems(problems.list, ({ index, field }) => [plans[index]!.line, column(field)]);
  const commitmentProblems = new ItemProblems();
  checkProvisionLinks(commitments, provisions, commitmentProblems);
  errors.addProblems(commitmentProblems.list, ({ index, field }) => [
    withCommitment[index]!.line,
    commitmentColumn(field),
  ]);
  const { targets, locate } = targetsOf(plans, (row) => `row ${row}`);
  const targetProblems = new ItemProblems();
  const pending = new Map(plans.map((plan, row) => [`row ${row}`, plan.definition.measure]));
  checkTargets(db, compactId, targets, targetProblems, pending);
  errors.addProblems(targetProblems.list, locate);
  return { plans, provisions };
}

/**
 * Writes checked rows inside the import's transaction through the writers of commitments,
 * indicators and targets, which check every rule again (things may have changed since the file
 * was checked); a refusal is recorded by row and column and rolls the import back.
 */
export function writeFrameworkRows(
  tx: Tx,
  actor: AuditActor & { userId: string },
  compactId: string,
  { plans, provisions }: { plans: readonly FrameworkRowPlan[]; provisions: ProvisionsById },
  errors: CsvErrors,
) {
  const commitmentIds = new Map(
    listCommitments(tx, compactId)
      .filter((c) => !c.retired)
      .map((c) => [c.reference, c.id]),
  );
  // Commitments are found by reference; a new one is made from the first row that names it.
  const firstNaming = new Map<string, { line: number; commitment: NonNullable<FrameworkRowPlan['commitment']> }>();
  for (const { line, commitment } of plans)
    if (commitment && !commitmentIds.has(commitment.reference) && !firstNaming.has(commitment.reference))
      firstNaming.set(commitment.reference, { line, commitment });
  const newCommitments = [...firstNaming.values()];
  const createdIds = errors.throughWriter(
    () =>
      insertCommitments(
        tx,
        actor,
        compactId,
        newCommitments.map((c) => c.commitment),
        'csv-import',
        provisions,
      ),
    ({ index, field }) => [newCommitments[index]!.line, commitmentColumn(field)],
  );
  newCommitments.forEach(({ commitment }, i) => commitmentIds.set(commitment.reference, createdIds[i]!));
  const indicatorIds = errors.throughWriter(
    () =>
      insertIndicators(
        tx,
        actor,
        compactId,
        plans.map((plan) => ({
          ...plan.definition,
          commitmentId: plan.commitment ? commitmentIds.get(plan.commitment.reference)! : null,
        })),
        'csv-import',
        provisions,
      ),
    ({ index, field }) => [plans[index]!.line, column(field)],
  );
  const { targets, locate } = targetsOf(plans, (row) => indicatorIds[row]!);
  errors.throughWriter(() => insertTargets(tx, actor, compactId, targets), locate);
}
