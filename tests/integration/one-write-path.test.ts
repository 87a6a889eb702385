// Each entity has one writer, used by its service and by the CSV imports: a rule of the service
// applies to an imported row with the same message, and a refused import writes nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { english, englishRows } from '../helpers/i18n';
import { CsvErrors } from '@/server/services/framework/csv-errors';
import { planFrameworkRows, writeFrameworkRows } from '@/server/services/framework/framework-csv-import';
import { buildCompact, buildParty, memberWithRole, type Member } from '../helpers/factories';
import {
  buildIndicator,
  quartersAroundToday,
  definition,
  progressInput,
  refusedImport,
  submittedBy,
} from '../helpers/framework-fixtures';
import { countRows, createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

let compactId: string;
let partyCode: string;
let partyId: string;
let otherPartyId: string;
let admin: Member, monitor: Member, validator: Member;
let started: { id: string; label: string }, future: { id: string; label: string; startsOn: string };

const HEADER = 'code,title,level,measure,direction,responsible_party,baseline_value';
const everything = () =>
  Object.fromEntries(
    ['indicators', 'indicator_targets', 'commitments', 'progress_updates', 'audit_events'].map((table) => [
      table,
      countRows(db, table),
    ]),
  );

/** The message a service call is refused with (and checks its code). */
async function refusal(call: Promise<unknown>, code: string): Promise<string> {
  try {
    await call;
  } catch (error) {
    assert.equal((error as { code?: string }).code, code);
    return (error as Error).message;
  }
  throw new Error('the call was accepted');
}

before(async () => {
  compactId = buildCompact(db).id;
  const party = buildParty(db, { shortCode: 'WRT' });
  partyId = party.id;
  partyCode = party.shortCode;
  otherPartyId = buildParty(db, { shortCode: 'OTH' }).id;
  admin = await memberWithRole(db, compactId, 'admin', partyId);
  monitor = await memberWithRole(db, compactId, 'monitor', partyId);
  validator = await memberWithRole(db, compactId, 'validator', partyId);
  ({ started, future } = quartersAroundToday(db, compactId));
});

test('a code taken in another case is refused by the service and by a framework import with the same message, and the refused import writes nothing', async () => {
  const taken = buildIndicator(db, compactId, partyId, { code: 'WP-TAKEN' });
  const message = await refusal(
    admin.caller.indicators.create({ compactId, ...definition(partyId, { code: 'wp-taken' }) }),
    'CONFLICT',
  );
  const before = everything();
  const result = await refusedImport(
    admin.caller.framework.importFrameworkCsv({
      compactId,
      csv: [
        HEADER,
        `WP-NEW,Fine,output,number,increase,${partyCode},`,
        `wp-taken,Clash,output,number,increase,${partyCode},`,
      ].join('\n'),
    }),
  );
  assert.deepEqual(englishRows(result.errors), [{ row: 3, column: 'code', reason: message }]);
  assert.match(message, new RegExp(taken.code));
  assert.deepEqual(everything(), before, 'nothing written, not even the row that was fine');
});

test('a qualitative indicator with a numeric baseline is refused by the service and by a framework import with the same message', async () => {
  const message = await refusal(
    admin.caller.indicators.create({ compactId, ...definition(partyId, { measure: 'qualitative', baselineValue: 3 }) }),
    'BAD_REQUEST',
  );
  const before = everything();
  const result = await refusedImport(
    admin.caller.framework.importFrameworkCsv({
      compactId,
      csv: [HEADER, `WP-Q,Qualitative,output,qualitative,increase,${partyCode},3`].join('\n'),
    }),
  );
  assert.deepEqual(englishRows(result.errors), [{ row: 2, column: 'baseline_value', reason: message }]);
  assert.deepEqual(everything(), before);
});

test('a numeric target for a qualitative indicator is refused by the service and by a framework import with the same message', async () => {
  const qualitative = buildIndicator(db, compactId, partyId, { measure: 'qualitative', baselineValue: null });
  const message = await refusal(
    admin.caller.indicators.setTarget({
      compactId,
      indicatorId: qualitative.id,
      target: { periodId: started.id, value: 5 },
    }),
    'BAD_REQUEST',
  );
  const before = everything();
  const result = await refusedImport(
    admin.caller.framework.importFrameworkCsv({
      compactId,
      csv: [`${HEADER},target:${started.label}`, `WP-QT,Qualitative,output,qualitative,increase,${partyCode},,5`].join(
        '\n',
      ),
    }),
  );
  assert.deepEqual(englishRows(result.errors), [{ row: 2, column: `target:${started.label}`, reason: message }]);
  assert.deepEqual(everything(), before);
});

test('a rule broken between the checks and the write is caught by the indicator writer inside the write transaction', async () => {
  const errors = new CsvErrors();
  const table = errors.readTable(
    [
      HEADER,
      `WP-RACE-1,Fine,output,number,increase,${partyCode},1`,
      `WP-RACE-2,Later taken,output,number,increase,${partyCode},`,
    ].join('\n'),
    ['code'],
  )!;
  const planned = planFrameworkRows(db.db, compactId, table, errors);
  assert.ok(errors.ok);
  buildIndicator(db, compactId, partyId, { code: 'wp-race-2' });
  const before = everything();
  const result = errors.writeAllOrNothing(db.db, planned.plans.length, (tx) =>
    writeFrameworkRows(tx, { userId: admin.id, partyId }, compactId, planned, errors),
  );
  assert.equal(result.ok, false);
  assert.deepEqual(
    result.errors.map((e) => [e.row, e.column]),
    [[3, 'code']],
  );
  assert.deepEqual(everything(), before);
});

test('progress on an indicator of another party is refused by the service and by a progress import with the same message', async () => {
  const theirs = buildIndicator(db, compactId, otherPartyId);
  const message = await refusal(
    monitor.caller.progress.saveDraft({ compactId, ...progressInput(theirs.id, started.id) }),
    'FORBIDDEN',
  );
  const before = everything();
  const result = await refusedImport(
    monitor.caller.framework.importProgressCsv({
      compactId,
      csv: `indicator_code,period,value\n${theirs.code},${started.label},4\n`,
    }),
  );
  assert.deepEqual(englishRows(result.errors), [{ row: 2, column: 'indicator_code', reason: message }]);
  assert.deepEqual(everything(), before);
});

test('progress for a period that has not started is refused by the service and by a progress import with the same message', async () => {
  const ours = buildIndicator(db, compactId, partyId);
  const message = await refusal(
    monitor.caller.progress.saveDraft({ compactId, ...progressInput(ours.id, future.id) }),
    'BAD_REQUEST',
  );
  const before = everything();
  const result = await refusedImport(
    monitor.caller.framework.importProgressCsv({
      compactId,
      csv: `indicator_code,period,value\n${ours.code},${started.label},4\n${ours.code},${future.label},4\n`,
    }),
  );
  assert.deepEqual(englishRows(result.errors), [{ row: 3, column: 'period', reason: message }]);
  assert.deepEqual(everything(), before, 'not even the row for the period that has started');
});

test('an imported progress row for a period with a validated value is a correction of it, as a draft from the form is', async () => {
  const ours = buildIndicator(db, compactId, partyId);
  const submitted = submittedBy(db, { userId: monitor.id, partyId }, compactId, ours.id, started.id);
  await validator.caller.progress.validate({ compactId, updateId: submitted.id, rating: null });
  const fromForm = await monitor.caller.progress.saveDraft({ compactId, ...progressInput(ours.id, started.id) });
  assert.deepEqual(
    await monitor.caller.framework.importProgressCsv({
      compactId,
      csv: `indicator_code,period,value\n${ours.code},${started.label},12\n`,
    }),
    { imported: 1 },
  );
  const imported = db.sqlite
    .prepare('SELECT supersedes_id AS supersedesId FROM progress_updates WHERE indicator_id = ? AND value = 12')
    .get(ours.id) as { supersedesId: string | null };
  assert.equal(fromForm.supersedesId, submitted.id);
  assert.equal(imported.supersedesId, submitted.id);
});

test('over-long text in an import is refused with its column, as the form and the API refuse it — never cut short', async () => {
  const before = everything();
  const longDescription = 'd'.repeat(4001);
  const framework = await refusedImport(
    admin.caller.framework.importFrameworkCsv({
      compactId,
      csv: [
        `${HEADER},description,means_of_verification,commitment_reference,commitment_lead_party`,
        `WP-LONG,Long,output,number,increase,${partyCode},,${longDescription},${'m'.repeat(2001)},${'r'.repeat(201)},${partyCode}`,
      ].join('\n'),
    }),
  );
  assert.deepEqual(framework.errors.map((e) => `${e.row} ${e.column} ${english(e.problem)}`).sort(), [
    '2 description At most 4000 characters.',
    '2 means_of_verification At most 2000 characters.',
  ]);
  // The commitment a row names is written with the indicators: its own rules answer once those pass.
  const commitment = await refusedImport(
    admin.caller.framework.importFrameworkCsv({
      compactId,
      csv: [
        `${HEADER},commitment_reference,commitment_lead_party`,
        `WP-LONG,Long,output,number,increase,${partyCode},,${'r'.repeat(201)},${partyCode}`,
      ].join('\n'),
    }),
  );
  assert.deepEqual(englishRows(commitment.errors), [
    { row: 2, column: 'commitment_reference', reason: 'At most 200 characters.' },
  ]);
  const ours = buildIndicator(db, compactId, partyId);
  const progress = await refusedImport(
    monitor.caller.framework.importProgressCsv({
      compactId,
      csv: `indicator_code,period,value,narrative\n${ours.code},${started.label},4,${'n'.repeat(8001)}\n`,
    }),
  );
  assert.deepEqual(englishRows(progress.errors), [{ row: 2, column: 'narrative', reason: 'At most 8000 characters.' }]);
  const afterIndicator = everything();
  assert.deepEqual({ ...afterIndicator, indicators: before.indicators, audit_events: before.audit_events }, before);
});
