import 'server-only';
import type { Problem } from '@/i18n/types';
import { and, asc, eq, lte } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '@/db/client';
import type { IndicatorLevel, IndicatorMeasure, IndicatorState, ReportingFrequency } from '@/shared/enums';
import { codeKey, indicatorDefinitionProblems } from '@/shared/framework/indicator-rules';
import { indicators } from '@/db/schema/framework';
import { recordAuditEvent, type AuditActor } from '../audit';
import { insertAudited, ItemProblems, type WriteOrigin } from '../batch-writes';
import { DomainError } from '../domain-error';
import { newId } from '../ids';
import { knownPartyIds, listCommitments } from './commitments';
import { checkProvisionLinks, linkableProvisions, NO_PROVISIONS, type ProvisionsById } from './provision-links';
import { noticeIndicatorProposed } from '../notifications/progress-notices';

export interface IndicatorDefinition {
  code: string;
  title: string;
  description: string;
  level: IndicatorLevel;
  measure: IndicatorMeasure;
  unit: string;
  direction: 'increase' | 'decrease';
  aggregation: 'per-period' | 'cumulative';
  /** null: "to be determined" until measured. */
  baselineValue: number | null;
  baselineDate: string | null;
  reportingFrequency: ReportingFrequency;
  meansOfVerification: string;
  responsiblePartyId: string;
  commitmentId: string | null;
  sectionRef: string;
  /** The provision of the compact text it implements (left out: an update keeps the link it had). */
  provisionId?: string | null;
  disaggregation: string[];
}

export const indicatorColumns = {
  id: indicators.id,
  code: indicators.code,
  title: indicators.title,
  description: indicators.description,
  level: indicators.level,
  measure: indicators.measure,
  unit: indicators.unit,
  direction: indicators.direction,
  aggregation: indicators.aggregation,
  baselineValue: indicators.baselineValue,
  baselineDate: indicators.baselineDate,
  reportingFrequency: indicators.reportingFrequency,
  meansOfVerification: indicators.meansOfVerification,
  responsiblePartyId: indicators.responsiblePartyId,
  commitmentId: indicators.commitmentId,
  sectionRef: indicators.sectionRef,
  provisionId: indicators.provisionId,
  disaggregation: indicators.disaggregation,
  state: indicators.state,
};

export function listIndicators(db: DbOrTx, compactId: string) {
  return db
    .select(indicatorColumns)
    .from(indicators)
    .where(eq(indicators.compactId, compactId))
    .orderBy(asc(indicators.code))
    .all();
}

/** The ids of a compact's indicators created by `asOf`. */
export function indicatorsCreatedBy(db: DbOrTx, compactId: string, asOf: Date): Set<string> {
  const rows = db
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.compactId, compactId), lte(indicators.createdAt, asOf)))
    .all();
  return new Set(rows.map((row) => row.id));
}

export function requireIndicator(db: DbOrTx, compactId: string, indicatorId: string) {
  const [row] = db
    .select(indicatorColumns)
    .from(indicators)
    .where(and(eq(indicators.compactId, compactId), eq(indicators.id, indicatorId)))
    .all();
  if (!row) throw new DomainError('NOT_FOUND', { key: 'errors.findings.noSuchIndicatorCompact' });
  return row;
}

/** Only the fields of a definition (nothing else an input object may carry reaches the row). */
const definitionFields = (d: IndicatorDefinition): IndicatorDefinition => ({
  code: d.code,
  title: d.title,
  description: d.description,
  level: d.level,
  measure: d.measure,
  unit: d.unit,
  direction: d.direction,
  aggregation: d.aggregation,
  baselineValue: d.baselineValue,
  baselineDate: d.baselineDate,
  reportingFrequency: d.reportingFrequency,
  meansOfVerification: d.meansOfVerification,
  responsiblePartyId: d.responsiblePartyId,
  commitmentId: d.commitmentId,
  sectionRef: d.sectionRef,
  // Left out (a CSV row, an API client that does not know it): an update keeps the link it had.
  ...(d.provisionId !== undefined && { provisionId: d.provisionId }),
  disaggregation: d.disaggregation,
});

/**
 * Every rule of indicator definitions, for a batch (problems by item and field): the rules of a
 * definition on its own (indicator-rules.ts), parties and commitments that exist, and codes unique
 * in the compact regardless of case — among the existing indicators (but `exceptId`) and the batch.
 */
export function checkIndicatorDefinitions(
  db: DbOrTx,
  compactId: string,
  items: readonly IndicatorDefinition[],
  problems: ItemProblems,
  { exceptId = null, provisions = NO_PROVISIONS }: { exceptId?: string | null; provisions?: ProvisionsById } = {},
) {
  const parties = knownPartyIds(db);
  const commitmentIds = new Set(listCommitments(db, compactId).map((c) => c.id));
  const taken = new Map(
    db
      .select({ id: indicators.id, code: indicators.code })
      .from(indicators)
      .where(eq(indicators.compactId, compactId))
      .all()
      .filter((i) => i.id !== exceptId)
      .map((i): [string, Problem] => [codeKey(i.code), { key: 'errors.indicators.codeTaken', args: { code: i.code } }]),
  );
  items.forEach((item, index) => {
    if (!parties.has(item.responsiblePartyId))
      problems.add(index, 'responsiblePartyId', 'BAD_REQUEST', { key: 'errors.indicators.choosePartiesFromList' });
    if (item.commitmentId !== null && !commitmentIds.has(item.commitmentId))
      problems.add(index, 'commitmentId', 'NOT_FOUND', { key: 'errors.indicators.noSuchCommitmentCompact' });
    problems.add(index, 'code', 'CONFLICT', taken.get(codeKey(item.code)) ?? null);
    taken.set(codeKey(item.code), { key: 'errors.indicators.codeTwice', args: { code: item.code } });
    for (const problem of indicatorDefinitionProblems(item)) problems.add(index, problem.field, 'BAD_REQUEST', problem);
  });
  checkProvisionLinks(items, provisions, problems);
}

export interface NewIndicator extends IndicatorDefinition {
  state: IndicatorState;
}

/**
 * The one write path of new indicators (from the form, the API or a CSV import), inside the
 * caller's transaction: checks every rule, writes them and their audit events, returns their ids
 * in order. Proposed ones record who proposed them.
 */
export function insertIndicators(
  tx: Tx,
  actor: AuditActor & { userId: string },
  compactId: string,
  items: readonly NewIndicator[],
  origin: WriteOrigin,
  provisions: ProvisionsById = NO_PROVISIONS,
): string[] {
  const problems = new ItemProblems();
  checkIndicatorDefinitions(tx, compactId, items, problems, { provisions });
  problems.throwIfAny();
  const now = new Date();
  const rows = items.map((item) => ({
    id: newId(),
    compactId,
    ...definitionFields(item),
    state: item.state,
    proposedBy: item.state === 'proposed' ? actor.userId : null,
    createdAt: now,
    updatedAt: now,
  }));
  return insertAudited(tx, actor, indicators, rows, (row, index) => ({
    compactId,
    action:
      origin === 'csv-import'
        ? 'indicator.imported'
        : row.state === 'proposed'
          ? 'indicator.proposed'
          : 'indicator.created',
    entityType: 'indicator',
    after: { ...definitionFields(items[index]!), state: row.state },
  }));
}

/** Admins define active indicators; negotiators propose them (an admin accepts later). */
export function createIndicator(
  db: Db,
  actor: AuditActor & { userId: string },
  compactId: string,
  definition: IndicatorDefinition,
  state: 'active' | 'proposed',
) {
  const provisions = linkableProvisions(db, compactId, [definition]);
  return db.transaction((tx) => {
    const [id] = insertIndicators(tx, actor, compactId, [{ ...definition, state }], 'service', provisions);
    if (state === 'proposed') noticeIndicatorProposed(tx, actor.userId, compactId, id!);
    return requireIndicator(tx, compactId, id!);
  });
}

export function updateIndicator(
  db: Db,
  actor: AuditActor,
  compactId: string,
  indicatorId: string,
  definition: IndicatorDefinition,
) {
  const provisions = linkableProvisions(db, compactId, [definition]);
  return db.transaction((tx) => {
    const before = requireIndicator(tx, compactId, indicatorId);
    if (before.state === 'retired')
      throw new DomainError('CONFLICT', { key: 'errors.targetTable.retiredIndicatorCannotChanged' });
    const problems = new ItemProblems();
    checkIndicatorDefinitions(tx, compactId, [definition], problems, { exceptId: indicatorId, provisions });
    problems.throwIfAny();
    tx.update(indicators)
      .set({ ...definitionFields(definition), updatedAt: new Date() })
      .where(eq(indicators.id, indicatorId))
      .run();
    recordAuditEvent(tx, actor, {
      compactId,
      action: 'indicator.updated',
      entityType: 'indicator',
      entityId: indicatorId,
      before,
      after: definitionFields(definition),
    });
    return requireIndicator(tx, compactId, indicatorId);
  });
}

function changeState(
  db: Db,
  actor: AuditActor,
  compactId: string,
  indicatorId: string,
  from: readonly string[],
  to: 'active' | 'retired',
  action: string,
) {
  return db.transaction((tx) => {
    const before = requireIndicator(tx, compactId, indicatorId);
    if (!from.includes(before.state))
      throw new DomainError('CONFLICT', { key: 'errors.indicators.indicator', args: { state: before.state } });
    tx.update(indicators).set({ state: to, updatedAt: new Date() }).where(eq(indicators.id, indicatorId)).run();
    recordAuditEvent(tx, actor, {
      compactId,
      action,
      entityType: 'indicator',
      entityId: indicatorId,
      before: { state: before.state },
      after: { state: to },
    });
    return requireIndicator(tx, compactId, indicatorId);
  });
}

export const acceptIndicator = (db: Db, actor: AuditActor, compactId: string, indicatorId: string) =>
  changeState(db, actor, compactId, indicatorId, ['proposed'], 'active', 'indicator.accepted');

/** Retired indicators keep their data and history; nothing is ever hard-deleted. */
export const retireIndicator = (db: Db, actor: AuditActor, compactId: string, indicatorId: string) =>
  changeState(db, actor, compactId, indicatorId, ['proposed', 'active'], 'retired', 'indicator.retired');
