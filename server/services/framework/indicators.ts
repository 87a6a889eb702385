import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import type { IndicatorLevel, IndicatorMeasure, ReportingFrequency } from '@/shared/enums';
import { indicators } from '@/db/schema/framework';
import { recordAuditEvent, type AuditActor } from '../audit';
import { DomainError } from '../domain-error';
import { newId } from '../ids';
import { reservedKeyProblem } from '@/shared/reserved-keys';
import { assertPartiesExist, requireCommitment } from './commitments';

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

export function requireIndicator(db: DbOrTx, compactId: string, indicatorId: string) {
  const [row] = db
    .select(indicatorColumns)
    .from(indicators)
    .where(and(eq(indicators.compactId, compactId), eq(indicators.id, indicatorId)))
    .all();
  if (!row) throw new DomainError('NOT_FOUND', 'No such indicator in this compact.');
  return row;
}

function validate(db: DbOrTx, compactId: string, definition: IndicatorDefinition, exceptId: string | null) {
  assertPartiesExist(db, [definition.responsiblePartyId]);
  if (definition.commitmentId) requireCommitment(db, compactId, definition.commitmentId);
  const clash = listIndicators(db, compactId).find(
    (i) => i.code.toLowerCase() === definition.code.toLowerCase() && i.id !== exceptId,
  );
  if (clash) throw new DomainError('CONFLICT', `Another indicator already has the code ${clash.code}.`);
  const reserved = definition.disaggregation.map((d) => reservedKeyProblem(d, 'disaggregation')).find(Boolean);
  if (reserved) throw new DomainError('BAD_REQUEST', reserved);
  if (definition.measure === 'qualitative' && definition.baselineValue !== null) {
    throw new DomainError('BAD_REQUEST', 'A qualitative indicator has no numeric baseline.');
  }
}

/** Admins define active indicators; negotiators propose them (an admin accepts later). */
export function createIndicator(
  db: Db,
  actor: AuditActor & { userId: string },
  compactId: string,
  definition: IndicatorDefinition,
  state: 'active' | 'proposed',
) {
  return db.transaction((tx) => {
    validate(tx, compactId, definition, null);
    const id = newId();
    const now = new Date();
    tx.insert(indicators)
      .values({
        id,
        compactId,
        ...definition,
        state,
        proposedBy: state === 'proposed' ? actor.userId : null,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    recordAuditEvent(tx, actor, {
      compactId,
      action: state === 'proposed' ? 'indicator.proposed' : 'indicator.created',
      entityType: 'indicator',
      entityId: id,
      after: definition,
    });
    return requireIndicator(tx, compactId, id);
  });
}

export function updateIndicator(
  db: Db,
  actor: AuditActor,
  compactId: string,
  indicatorId: string,
  definition: IndicatorDefinition,
) {
  return db.transaction((tx) => {
    const before = requireIndicator(tx, compactId, indicatorId);
    if (before.state === 'retired') throw new DomainError('CONFLICT', 'A retired indicator cannot be changed.');
    validate(tx, compactId, definition, indicatorId);
    tx.update(indicators)
      .set({ ...definition, updatedAt: new Date() })
      .where(eq(indicators.id, indicatorId))
      .run();
    recordAuditEvent(tx, actor, {
      compactId,
      action: 'indicator.updated',
      entityType: 'indicator',
      entityId: indicatorId,
      before,
      after: definition,
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
    if (!from.includes(before.state)) throw new DomainError('CONFLICT', `This indicator is ${before.state}.`);
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
