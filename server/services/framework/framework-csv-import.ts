import 'server-only';
import type Database from 'better-sqlite3';
import type { Db, Tx } from '@/db/client';
import {
  INDICATOR_AGGREGATIONS,
  INDICATOR_DIRECTIONS,
  INDICATOR_LEVELS,
  INDICATOR_MEASURES,
  INDICATOR_STATES,
  REPORTING_FREQUENCIES,
} from '@/shared/enums';
import { commitments, indicators, indicatorTargets } from '@/db/schema/framework';
import { recordAuditEvent, recordAuditEvents, type AuditActor } from '../audit';
import { bulkInsert } from '../bulk-insert';
import { listParties } from '../parties';
import { newId } from '../ids';
import { reservedKeyProblem } from '@/shared/reserved-keys';
import { listCommitments } from './commitments';
import type { CsvErrors } from './csv-errors';
import { listIndicators } from './indicators';
import { listPeriods } from './periods';

type Table = NonNullable<ReturnType<CsvErrors['readTable']>>;
export type FrameworkRowPlan = ReturnType<typeof planFrameworkRows>[number];

/** Checks every row of a framework file (reads only, outside any transaction) and returns what to write. */
export function planFrameworkRows(db: Db, compactId: string, { header, body, column }: Table, errors: CsvErrors) {
  const parties = new Map(listParties(db).map((p) => [p.shortCode.toLowerCase(), p.id]));
  const periods = new Map(listPeriods(db, compactId).map((p) => [p.label, p.id]));
  const existingCodes = new Set(listIndicators(db, compactId).map((i) => i.code.toLowerCase()));
  const seenCodes = new Set<string>();
  return body.map(({ line, cells }) => {
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
    if (!/^[A-Za-z0-9._-]{1,32}$/.test(code))
      errors.add(line, 'code', 'letters, digits, dots, dashes and underscores, 1 to 32');
    if (existingCodes.has(code.toLowerCase()))
      errors.add(line, 'code', 'an indicator with this code already exists in the compact');
    if (seenCodes.has(code.toLowerCase())) errors.add(line, 'code', 'this code appears twice in the file');
    seenCodes.add(code.toLowerCase());
    const title = get('title');
    if (!title || title.length > 300) errors.add(line, 'title', 'required, at most 300 characters');
    const baselineDate = get('baseline_date');
    if (baselineDate && !/^\d{4}-\d{2}-\d{2}$/.test(baselineDate))
      errors.add(line, 'baseline_date', 'use a date like 2026-12-31');
    const measure = oneOf('measure', INDICATOR_MEASURES);
    const baselineValue = number('baseline_value');
    if (measure === 'qualitative' && baselineValue !== null)
      errors.add(line, 'baseline_value', 'a qualitative indicator has no numeric baseline');
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
        if (!Number.isInteger(year) || year < 1990 || year > 2200)
          errors.add(line, name, 'not a year between 1990 and 2200');
        else targets.push({ year, value: number(name, raw) });
      }
    });
    if (measure === 'qualitative' && targets.length > 0)
      errors.add(line, 'target', 'qualitative indicators have no numeric targets');
    const disaggregation = get('disaggregation')
      ? get('disaggregation')
          .split('|')
          .map((d) => d.trim())
          .filter(Boolean)
      : [];
    if (disaggregation.length > 5 || disaggregation.some((d) => d.length > 40))
      errors.add(line, 'disaggregation', 'at most 5 dimensions of up to 40 characters');
    for (const dimension of disaggregation) {
      const reserved = reservedKeyProblem(dimension, 'disaggregation');
      if (reserved) errors.add(line, 'disaggregation', reserved);
    }
    const commitmentReference = get('commitment_reference');
    return {
      line,
      id: newId(),
      definition: {
        code,
        title,
        description: get('description').slice(0, 4000),
        level: oneOf('level', INDICATOR_LEVELS),
        measure,
        unit: get('unit').slice(0, 40),
        direction: oneOf('direction', INDICATOR_DIRECTIONS),
        aggregation: oneOf('aggregation', INDICATOR_AGGREGATIONS, 'per-period'),
        baselineValue,
        baselineDate: baselineDate || null,
        reportingFrequency: oneOf('reporting_frequency', REPORTING_FREQUENCIES, 'quarterly'),
        meansOfVerification: get('means_of_verification').slice(0, 2000),
        responsiblePartyId: party('responsible_party', true),
        sectionRef: get('section').slice(0, 200),
        disaggregation,
        state: oneOf('state', INDICATOR_STATES, 'active'),
      },
      commitment: commitmentReference
        ? {
            reference: commitmentReference.slice(0, 200),
            leadPartyId: party('commitment_lead_party', true),
            deliverable: get('commitment_deliverable') || commitmentReference,
          }
        : null,
      targets,
    };
  });
}

/** Inside the write transaction: what may have changed since the file was checked (codes, periods, parties). */
function recheck(tx: Tx, compactId: string, plans: FrameworkRowPlan[], errors: CsvErrors) {
  const codes = new Set(listIndicators(tx, compactId).map((i) => i.code.toLowerCase()));
  const periods = new Set(listPeriods(tx, compactId).map((p) => p.id));
  const parties = new Set(listParties(tx).map((p) => p.id));
  for (const plan of plans) {
    if (codes.has(plan.definition.code.toLowerCase()))
      errors.add(plan.line, 'code', 'an indicator with this code was added while the file was being checked');
    if (plan.targets.some((t) => t.periodId !== undefined && !periods.has(t.periodId)))
      errors.add(plan.line, 'target', 'the reporting periods changed while the file was being checked');
    if (
      ![plan.definition.responsiblePartyId, plan.commitment?.leadPartyId].every(
        (id) => id === undefined || parties.has(id),
      )
    )
      errors.add(plan.line, 'responsible_party', 'a party was removed while the file was being checked');
  }
}

/** Writes checked rows (prepared bulk inserts, so the transaction stays short). */
export function writeFrameworkRows(
  tx: Tx,
  sqlite: Database.Database,
  actor: AuditActor & { userId: string },
  compactId: string,
  plans: FrameworkRowPlan[],
  errors: CsvErrors,
) {
  recheck(tx, compactId, plans, errors);
  if (!errors.ok) return;
  const commitmentIds = new Map(
    listCommitments(tx, compactId)
      .filter((c) => !c.retired)
      .map((c) => [c.reference, c.id]),
  );
  const now = new Date();
  const indicatorRows = plans.map((plan) => {
    let commitmentId: string | null = null;
    if (plan.commitment) {
      commitmentId = commitmentIds.get(plan.commitment.reference) ?? null;
      if (!commitmentId) {
        commitmentId = newId();
        tx.insert(commitments)
          .values({ id: commitmentId, compactId, ...plan.commitment, createdAt: now })
          .run();
        commitmentIds.set(plan.commitment.reference, commitmentId);
        recordAuditEvent(tx, actor, {
          compactId,
          action: 'commitment.imported',
          entityType: 'commitment',
          entityId: commitmentId,
          after: plan.commitment,
        });
      }
    }
    return { id: plan.id, compactId, ...plan.definition, commitmentId, createdAt: now, updatedAt: now };
  });
  bulkInsert(sqlite, indicators, indicatorRows);
  bulkInsert(
    sqlite,
    indicatorTargets,
    plans.flatMap((plan) =>
      plan.targets.map((target) => ({
        indicatorId: plan.id,
        periodId: target.periodId ?? null,
        year: target.year ?? null,
        value: target.value,
        setBy: actor.userId,
        setAt: now,
      })),
    ),
  );
  recordAuditEvents(
    sqlite,
    actor,
    plans.map((plan) => ({
      compactId,
      action: 'indicator.imported',
      entityType: 'indicator',
      entityId: plan.id,
      after: { ...plan.definition, targets: plan.targets },
    })),
  );
}
