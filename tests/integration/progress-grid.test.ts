import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '@/db/schema/audit';
import { storeEvidence } from '@/server/services/framework/evidence';
import { VALIDATION_NOTE_MAX } from '@/shared/framework/progress-rules';
import { buildCompact, buildParty, memberWithRole, type Member } from '../helpers/factories';
import { buildIndicator, configureQuarters, progressInput } from '../helpers/framework-fixtures';
import { createTestDb } from '../helpers/test-db';

const db = createTestDb();
const evidenceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'grid-evidence-'));
after(() => {
  db.cleanup();
  fs.rmSync(evidenceDir, { recursive: true, force: true });
});

let compactId: string;
let partyId: string;
let periods: { id: string; label: string }[];
let admin: Member, monitor: Member, validator: Member;
let counted: string, qualitative: string;
let reportedId: string;

const entered = {
  value: 8,
  narrative: 'Eight patrols in the north and south.',
  disaggregated: { region: { north: 5, south: 3 } },
  evidenceLinks: ['https://example.org/patrol-report'],
  confidence: 'high' as const,
  comment: 'Figures from the joint operations centre.',
};

before(async () => {
  compactId = buildCompact(db).id;
  partyId = buildParty(db).id;
  admin = await memberWithRole(db, compactId, 'admin', partyId);
  monitor = await memberWithRole(db, compactId, 'monitor', partyId);
  validator = await memberWithRole(db, compactId, 'validator');
  periods = configureQuarters(db, compactId, '2025-01-01', 8);
  counted = buildIndicator(db, compactId, partyId, { baselineValue: 0, disaggregation: ['region'] }).id;
  qualitative = buildIndicator(db, compactId, partyId, {
    measure: 'qualitative',
    unit: '',
    baselineValue: null,
    baselineDate: null,
  }).id;
  // A yearly target: the quarters before 2025-Q4 are interpolated from the baseline (0 → 40).
  await admin.caller.indicators.setTarget({ compactId, indicatorId: counted, target: { year: 2025, value: 40 } });
  await admin.caller.indicators.setTarget({
    compactId,
    indicatorId: counted,
    target: { periodId: periods[2]!.id, value: 25 },
  });
  const draft = await monitor.caller.progress.saveDraft({
    compactId,
    ...progressInput(counted, periods[0]!.id, entered),
  });
  reportedId = draft.id;
  storeEvidence(
    db.db,
    { userId: monitor.id, partyId },
    compactId,
    draft.id,
    { name: 'patrol-log.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n% patrols\n') },
    evidenceDir,
  );
  await monitor.caller.progress.submit({ compactId, updateId: draft.id });
});

const rowOf = async (periodIndex: number, indicatorId: string) => {
  const sheet = await monitor.caller.progress.periodSheet({ compactId, periodId: periods[periodIndex]!.id });
  return sheet.rows.find((r) => r.indicator.id === indicatorId)!;
};

test('a submitted update on the grid carries everything the monitor entered, its files included', async () => {
  const { latest } = await rowOf(0, counted);
  assert.ok(latest);
  assert.equal(latest.state, 'submitted');
  const { value, narrative, disaggregated, evidenceLinks, confidence, comment } = latest;
  assert.deepEqual({ value, narrative, disaggregated, evidenceLinks, confidence, comment }, entered);
  assert.deepEqual(
    latest.files.map((f) => f.filename),
    ['patrol-log.pdf'],
  );
  assert.equal(latest.submittedByName, (await monitor.caller.account.me()).name);
  assert.equal(latest.can.withdraw, true);
});

test("each grid row shows the period's target and says when it is interpolated", async () => {
  const first = await rowOf(0, counted);
  assert.deepEqual(first.target, { value: 10, source: 'interpolated' });
  const own = await rowOf(2, counted);
  assert.deepEqual(own.target, { value: 25, source: 'period' });
  const yearEnd = await rowOf(3, counted);
  assert.deepEqual(yearEnd.target, { value: 40, source: 'year' });
  const none = await rowOf(0, qualitative);
  assert.deepEqual(none.target, { value: null, source: 'none' });
});

test('a validator sees every field and file before deciding, validates with a note, and the note is audited', async () => {
  const [update] = (await validator.caller.indicators.detail({ compactId, indicatorId: counted })).updates;
  assert.ok(update);
  assert.equal(update.can.validate, true);
  assert.deepEqual(
    [update.narrative, update.disaggregated, update.confidence, update.comment, update.evidenceLinks],
    [entered.narrative, entered.disaggregated, entered.confidence, entered.comment, entered.evidenceLinks],
  );
  assert.deepEqual(
    update.files.map((f) => f.filename),
    ['patrol-log.pdf'],
  );
  await validator.caller.progress.validate({
    compactId,
    updateId: reportedId,
    rating: null,
    note: '  Checked against the JOC log.  ',
  });
  const [event] = db.db
    .select({ after: auditEvents.after, actorPartyId: auditEvents.actorPartyId })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, reportedId), eq(auditEvents.action, 'progress.validated')))
    .all();
  assert.deepEqual(event, {
    after: { state: 'validated', rating: null, note: 'Checked against the JOC log.' },
    actorPartyId: validator.partyId,
  });
});

test("the validator's note is returned to the monitor on the grid and in the indicator's history", async () => {
  const { latest } = await rowOf(0, counted);
  assert.equal(latest?.state, 'validated');
  assert.equal(latest?.validationNote, 'Checked against the JOC log.');
  assert.equal(latest?.decidedByName, (await validator.caller.account.me()).name);
  const [update] = (await monitor.caller.indicators.detail({ compactId, indicatorId: counted })).updates;
  assert.equal(update?.validationNote, 'Checked against the JOC log.');
});

test('the next period shows the previous validated value with its period', async () => {
  const next = await rowOf(1, counted);
  assert.deepEqual(next.previousValidated, { periodId: periods[0]!.id, label: '2025-Q1', value: 8, rating: null });
  assert.equal(next.latest, null);
  assert.equal((await rowOf(0, counted)).previousValidated, null, 'nothing was validated before 2025-Q1');
  assert.equal((await rowOf(1, qualitative)).previousValidated, null);
});

test('a validation note over the bound is refused and the update stays submitted', async () => {
  const draft = await monitor.caller.progress.saveDraft({
    compactId,
    ...progressInput(counted, periods[1]!.id, { value: 3, disaggregated: {} }),
  });
  await monitor.caller.progress.submit({ compactId, updateId: draft.id });
  await assert.rejects(
    validator.caller.progress.validate({
      compactId,
      updateId: draft.id,
      rating: null,
      note: 'x'.repeat(VALIDATION_NOTE_MAX + 1),
    }),
    { code: 'BAD_REQUEST' },
  );
  const { latest } = await rowOf(1, counted);
  assert.deepEqual([latest?.state, latest?.validationNote], ['submitted', null]);
});

test('a validation without a note stores none and audits none', async () => {
  const { latest } = await rowOf(1, counted);
  await validator.caller.progress.validate({ compactId, updateId: latest!.id, rating: null });
  const [event] = db.db
    .select({ after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, latest!.id), eq(auditEvents.action, 'progress.validated')))
    .all();
  assert.deepEqual(event?.after, { state: 'validated', rating: null });
  assert.equal((await rowOf(1, counted)).latest?.validationNote, null);
});
