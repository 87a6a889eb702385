import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '@/db/schema/audit';
import { user } from '@/db/schema/auth';
import { frameworkView } from '@/server/services/framework/framework-view';
import { getFrameworkSettings, listPeriods } from '@/server/services/framework/periods';
import { periodSheet } from '@/server/services/framework/progress';
import { deadlineAlerts } from '@/server/services/framework/deadline-alerts';
import { addMember, buildCompact, buildParty, buildUser, memberWithRole, type Member } from '../helpers/factories';
import { buildIndicator, configureQuarters, returnedBy, submittedBy } from '../helpers/framework-fixtures';
import { createTestDb } from '../helpers/test-db';
import type { CompactRole } from '@/shared/roles';

const db = createTestDb();
after(() => db.cleanup());

const calendar = {
  frequency: 'quarterly' as const,
  startDate: '2025-01-01',
  periods: 8,
  onTrackThreshold: 0.9,
  atRiskThreshold: 0.6,
  requireEvidence: false,
};

let compactId: string;
let periods: { id: string; label: string }[];
let partyId: string, otherPartyId: string;
let admin: Member, monitor: Member, otherMonitor: Member, validator: Member, reviewer: Member;
let reportedOne: string, missingOne: string, otherPartys: string, proposed: string;
const period = (label: string) => periods.find((p) => p.label === label)!;
const getPeriods = (id: string) => Object.fromEntries(listPeriods(db.db, id).map((p) => [p.label, p.id]));
/** A member as the services (and their policies) see them. */
const as = (member: Member, role: CompactRole) => ({ userId: member.id, partyId: member.partyId, role });

before(async () => {
  compactId = buildCompact(db, { title: 'Aldoria compact' }).id;
  partyId = buildParty(db).id;
  admin = await memberWithRole(db, compactId, 'admin', partyId);
  monitor = await memberWithRole(db, compactId, 'monitor', partyId);
  otherMonitor = await memberWithRole(db, compactId, 'monitor');
  otherPartyId = otherMonitor.partyId;
  validator = await memberWithRole(db, compactId, 'validator');
  reviewer = await memberWithRole(db, compactId, 'reviewer', partyId);
  // A deactivated monitor of the party is told nothing.
  const gone = await buildUser(db);
  addMember(db, compactId, gone.id, 'monitor', partyId);
  db.db.update(user).set({ deactivatedAt: new Date() }).where(eq(user.id, gone.id)).run();
  periods = configureQuarters(db, compactId, '2025-01-01', 8); // 2025-Q1 … 2026-Q4
  reportedOne = buildIndicator(db, compactId, partyId, { code: 'DL-1' }).id;
  missingOne = buildIndicator(db, compactId, partyId, { code: 'DL-2' }).id;
  otherPartys = buildIndicator(db, compactId, otherPartyId, { code: 'DL-3' }).id;
  proposed = buildIndicator(db, compactId, partyId, { code: 'DL-4' }, 'proposed').id;
  const asMonitor = { userId: monitor.id, partyId };
  const asValidator = { userId: validator.id, partyId: validator.partyId };
  submittedBy(db, asMonitor, compactId, reportedOne, period('2026-Q2').id);
  returnedBy(db, asMonitor, asValidator, compactId, reportedOne, period('2025-Q4').id);
});

const settingsAudits = (id: string) =>
  db.db
    .select({ before: auditEvents.before, after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.compactId, id), eq(auditEvents.action, 'framework.configured')))
    .all();

test('an administrator sets the reporting deadline with the framework settings, audited with what it replaced', async () => {
  const id = buildCompact(db).id;
  const owner = await memberWithRole(db, id, 'admin');
  await owner.caller.framework.configure({ compactId: id, ...calendar });
  assert.equal(getFrameworkSettings(db.db, id).reportingDeadlineDays, 30, 'thirty days by default');
  await owner.caller.framework.configure({ compactId: id, ...calendar, reportingDeadlineDays: 45 });
  assert.equal(getFrameworkSettings(db.db, id).reportingDeadlineDays, 45);
  const last = settingsAudits(id).at(-1)!;
  assert.equal((last.before as { reportingDeadlineDays: number }).reportingDeadlineDays, 30);
  assert.equal((last.after as { reportingDeadlineDays: number }).reportingDeadlineDays, 45);

  await owner.caller.framework.configure({ compactId: id, ...calendar, onTrackThreshold: 0.8 });
  assert.equal(getFrameworkSettings(db.db, id).reportingDeadlineDays, 45, 'left out, the offset stays as set');
});

test('an offset outside 0–180 days or not in whole days is refused with its reason and changes nothing', async () => {
  const id = buildCompact(db).id;
  const owner = await memberWithRole(db, id, 'admin');
  await owner.caller.framework.configure({ compactId: id, ...calendar, reportingDeadlineDays: 0 });
  const audits = settingsAudits(id).length;
  for (const reportingDeadlineDays of [181, -1, 2.5, 10_000])
    await assert.rejects(owner.caller.framework.configure({ compactId: id, ...calendar, reportingDeadlineDays }), {
      code: 'BAD_REQUEST',
      message: /whole number of days from 0 to 180/,
    });
  assert.equal(getFrameworkSettings(db.db, id).reportingDeadlineDays, 0);
  assert.equal(settingsAudits(id).length, audits, 'nothing audited');
  await owner.caller.framework.configure({ compactId: id, ...calendar, reportingDeadlineDays: 180 });
  assert.equal(getFrameworkSettings(db.db, id).reportingDeadlineDays, 180, 'the bounds themselves are allowed');
});

test('only those who manage the framework set the reporting deadline', async () => {
  for (const member of [monitor, validator, reviewer])
    await assert.rejects(member.caller.framework.configure({ compactId, ...calendar, reportingDeadlineDays: 5 }), {
      code: 'FORBIDDEN',
    });
  assert.equal(getFrameworkSettings(db.db, compactId).reportingDeadlineDays, 30);
});

test("the progress grid gives the period's deadline and each indicator's: done once submitted, else due soon", () => {
  const now = new Date('2026-07-25T09:00:00Z');
  const sheet = periodSheet(db.db, compactId, as(monitor, 'monitor'), period('2026-Q2').id, now);
  assert.deepEqual(sheet.deadlines.period, { state: 'due-soon', deadline: '2026-07-30', daysLeft: 5 });
  assert.deepEqual(sheet.deadlines.byIndicator, {
    [reportedOne]: { state: 'done', deadline: '2026-07-30', daysLeft: 5 },
    [missingOne]: { state: 'due-soon', deadline: '2026-07-30', daysLeft: 5 },
  });
  const earlier = periodSheet(db.db, compactId, as(monitor, 'monitor'), period('2026-Q1').id, now);
  assert.equal(earlier.deadlines.byIndicator[missingOne]!.state, 'overdue');
  assert.equal(earlier.deadlines.byIndicator[reportedOne]!.state, 'overdue', 'nothing reported for that quarter');
  const running = periodSheet(db.db, compactId, as(monitor, 'monitor'), period('2026-Q3').id, now);
  assert.deepEqual(running.deadlines.period, { state: 'not-yet-due', deadline: '2026-10-30', daysLeft: 97 });
});

test('the grid answered through tRPC carries the deadlines too', async () => {
  const sheet = await monitor.caller.progress.periodSheet({ compactId, periodId: period('2025-Q1').id });
  assert.equal(sheet.deadlines.period.deadline, '2025-04-30');
  assert.deepEqual(Object.keys(sheet.deadlines.byIndicator).sort(), [reportedOne, missingOne].sort());
});

test("a monitor's tasks carry their deadline, overdue first, then the nearest", () => {
  const tasks = frameworkView(db.db, compactId, as(monitor, 'monitor'), '2026-07-25').tasks;
  assert.deepEqual(
    tasks.map((task) => [task.kind, task.indicatorId, task.periodId, task.deadline?.state, task.deadline?.deadline]),
    [
      ['returned', reportedOne, period('2025-Q4').id, 'overdue', '2026-01-30'],
      ['due', missingOne, period('2026-Q2').id, 'due-soon', '2026-07-30'],
      ['due', reportedOne, period('2026-Q3').id, 'not-yet-due', '2026-10-30'],
      ['due', missingOne, period('2026-Q3').id, 'not-yet-due', '2026-10-30'],
    ],
  );
  const validatorTasks = frameworkView(db.db, compactId, as(validator, 'validator'), '2026-07-25').tasks;
  assert.deepEqual(
    validatorTasks.map((task) => [task.kind, task.deadline]),
    [['awaiting-validation', null]],
  );
});

test('the framework board gives each active indicator the deadline of the latest ended period', () => {
  const deadlines = (today: string) =>
    Object.fromEntries(
      frameworkView(db.db, compactId, as(reviewer, 'reviewer'), today).indicators.map((row) => [
        row.id,
        row.deadline?.state ?? null,
      ]),
    );
  assert.deepEqual(deadlines('2026-07-25'), {
    [reportedOne]: 'done',
    [missingOne]: 'due-soon',
    [otherPartys]: 'due-soon',
    [proposed]: null,
  });
  assert.deepEqual(deadlines('2026-07-31'), {
    [reportedOne]: 'done',
    [missingOne]: 'overdue',
    [otherPartys]: 'overdue',
    [proposed]: null,
  });
  assert.equal(deadlines('2026-07-01')[missingOne], 'due', 'Q2 just ended, a month to go');
  assert.equal(deadlines('2024-12-01')[missingOne], null, 'no period has ended yet');
});

const alertsOf = (id: string, now: string) =>
  deadlineAlerts(db.db, new Date(now))
    .filter((alert) => alert.compactId === id)
    .map((alert) => ({
      kind: alert.kind,
      key: alert.key,
      period: alert.period.label,
      indicator: alert.indicator.id,
      deadline: alert.deadline,
      monitors: alert.monitors.map((m) => m.userId),
      admins: alert.admins.map((m) => m.userId),
    }));

test("deadline alerts name the unreported indicators due soon, the reporting party's monitors and the admins", () => {
  assert.deepEqual(alertsOf(compactId, '2026-07-25T12:00:00Z'), [
    {
      kind: 'due-soon',
      key: `deadline-due-soon:${period('2026-Q2').id}:${missingOne}`,
      period: '2026-Q2',
      indicator: missingOne,
      deadline: '2026-07-30',
      monitors: [monitor.id],
      admins: [admin.id],
    },
    {
      kind: 'due-soon',
      key: `deadline-due-soon:${period('2026-Q2').id}:${otherPartys}`,
      period: '2026-Q2',
      indicator: otherPartys,
      deadline: '2026-07-30',
      monitors: [otherMonitor.id],
      admins: [admin.id],
    },
  ]);
});

test('deadline alerts name a missed deadline for a week after it, then no more', () => {
  const missed = alertsOf(compactId, '2026-08-06T23:00:00Z');
  assert.deepEqual(
    missed.map((a) => [a.kind, a.period, a.indicator]),
    [
      ['missed', '2026-Q2', missingOne],
      ['missed', '2026-Q2', otherPartys],
    ],
  );
  assert.deepEqual(alertsOf(compactId, '2026-08-07T00:00:00Z'), []);
  assert.deepEqual(alertsOf(compactId, '2026-07-10T00:00:00Z'), [], 'nothing is near before the window opens');
});

test("deadline alerts follow each compact's own offset and answer the same on every run", async () => {
  const id = buildCompact(db, { title: 'Varenia compact' }).id;
  const owner = await memberWithRole(db, id, 'admin');
  const watcher = await memberWithRole(db, id, 'monitor');
  await owner.caller.framework.configure({ compactId: id, ...calendar, startDate: '2026-01-01', periods: 4 });
  await owner.caller.framework.configure({
    compactId: id,
    ...calendar,
    startDate: '2026-01-01',
    periods: 4,
    reportingDeadlineDays: 0,
  });
  const indicator = buildIndicator(db, id, watcher.partyId).id;
  // With no offset, the last week of the running quarter is already "due soon"; the other compact's is far.
  const now = '2026-06-28T12:00:00Z';
  assert.deepEqual(
    alertsOf(id, now).map((a) => [a.kind, a.period, a.indicator, a.deadline, a.monitors, a.admins]),
    [['due-soon', '2026-Q2', indicator, '2026-06-30', [watcher.id], [owner.id]]],
  );
  assert.deepEqual(alertsOf(compactId, now), []);
  assert.deepEqual(deadlineAlerts(db.db, new Date(now)), deadlineAlerts(db.db, new Date(now)));
});

test("the board's deadline turns done as soon as the value is submitted, the same day", async () => {
  const id = buildCompact(db).id;
  const owner = await memberWithRole(db, id, 'admin');
  const reporter = await memberWithRole(db, id, 'monitor');
  await owner.caller.framework.configure({ compactId: id, ...calendar });
  const quarters = getPeriods(id);
  const indicator = buildIndicator(db, id, reporter.partyId).id;
  const stateOn = () =>
    frameworkView(db.db, id, as(owner, 'admin'), '2026-07-25').indicators.find((row) => row.id === indicator)?.deadline
      ?.state;
  assert.equal(stateOn(), 'due-soon');
  submittedBy(db, { userId: reporter.id, partyId: reporter.partyId }, id, indicator, quarters['2026-Q2']!);
  assert.equal(stateOn(), 'done');
});
