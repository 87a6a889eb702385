import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildCompact, buildParty, memberWithRole, type Member } from '../helpers/factories';
import { buildIndicator, configureQuarters, returnedBy, submittedBy } from '../helpers/framework-fixtures';
import { createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

let compactId: string;
let periods: { id: string; label: string }[];
let admin: Member, monitor: Member, otherMonitor: Member, validator: Member, reviewer: Member;
let onTime: string, late: string;

before(async () => {
  compactId = buildCompact(db).id;
  const partyId = buildParty(db).id;
  admin = await memberWithRole(db, compactId, 'admin', partyId);
  monitor = await memberWithRole(db, compactId, 'monitor', partyId);
  otherMonitor = await memberWithRole(db, compactId, 'monitor');
  validator = await memberWithRole(db, compactId, 'validator');
  reviewer = await memberWithRole(db, compactId, 'reviewer');
  periods = configureQuarters(db, compactId, '2025-01-01', 4);
  onTime = buildIndicator(db, compactId, partyId).id;
  late = buildIndicator(db, compactId, partyId).id;
  const asMonitor = { userId: monitor.id, partyId };
  const asValidator = { userId: validator.id, partyId: validator.partyId };
  submittedBy(db, asMonitor, compactId, onTime, periods[3]!.id);
  returnedBy(db, asMonitor, asValidator, compactId, onTime, periods[2]!.id);
});

const tasksOf = async (member: Member) =>
  (await member.caller.framework.view({ compactId })).tasks.map((t) => `${t.kind} ${t.indicatorId} ${t.periodId}`);

test("a monitor's tasks are their party's returned updates and the reports still due", async () => {
  assert.deepEqual(
    (await tasksOf(monitor)).sort(),
    [`returned ${onTime} ${periods[2]!.id}`, `due ${late} ${periods[2]!.id}`, `due ${late} ${periods[3]!.id}`].sort(),
  );
});

test('a validator is given the submissions to decide; a monitor of another party nothing of this party', async () => {
  assert.deepEqual(await tasksOf(validator), [`awaiting-validation ${onTime} ${periods[3]!.id}`]);
  assert.deepEqual(await tasksOf(otherMonitor), []);
});

test('administrators and reviewers, who may not report or validate, are given no progress tasks', async () => {
  assert.deepEqual(await tasksOf(admin), []);
  assert.deepEqual(await tasksOf(reviewer), []);
});
