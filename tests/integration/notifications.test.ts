import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { notify } from '@/server/services/notifications/notify';
import { NOTIFICATION_RETENTION_MS, pruneNotifications, pruneStatement } from '@/server/services/notifications/inbox';
import { notificationArgs } from '@/server/services/notifications/notification-args';
import { notifyDeadlineAlerts } from '@/server/services/notifications/deadline-notices';
import { deadlineAlerts } from '@/server/services/framework/deadline-alerts';
import { buildCompact, buildParty, callerFor, memberWithRole, type Member } from '../helpers/factories';
import { buildIndicator, configureQuarters, definition, progressInput } from '../helpers/framework-fixtures';
import { countRows, countStatements, createTestDb } from '../helpers/test-db';

// No SMTP_URL here: the app works without e-mail and queues none.
delete process.env.SMTP_URL;
delete process.env.PUBLIC_URL;

const db = createTestDb();
after(() => db.cleanup());

let compactId: string;
let partyId: string;
let periods: { id: string; label: string }[];
let admin: Member, negotiator: Member, monitor: Member, colleague: Member, otherMonitor: Member;
let validator: Member, secondValidator: Member, reviewer: Member;

before(async () => {
  compactId = buildCompact(db, { title: 'Aldoria compact' }).id;
  partyId = buildParty(db, { shortCode: 'UNSMA' }).id;
  admin = await memberWithRole(db, compactId, 'admin', partyId);
  negotiator = await memberWithRole(db, compactId, 'negotiator', partyId);
  monitor = await memberWithRole(db, compactId, 'monitor', partyId);
  colleague = await memberWithRole(db, compactId, 'monitor', partyId);
  otherMonitor = await memberWithRole(db, compactId, 'monitor');
  validator = await memberWithRole(db, compactId, 'validator');
  secondValidator = await memberWithRole(db, compactId, 'validator');
  reviewer = await memberWithRole(db, compactId, 'reviewer');
  periods = configureQuarters(db, compactId, '2025-01-01', 8);
});

const unread = async (member: Member) => (await member.caller.notifications.unreadCount()).unread;
const kindsOf = async (member: Member) => (await member.caller.notifications.list({})).items.map((item) => item.kind);

async function submitFor(indicatorId: string, periodIndex: number) {
  const draft = await monitor.caller.progress.saveDraft({
    compactId,
    ...progressInput(indicatorId, periods[periodIndex]!.id, { value: 7 }),
  });
  return monitor.caller.progress.submit({ compactId, updateId: draft.id });
}

describe('notifications in the app', () => {
  test('a submission tells every validator of the compact, and neither the monitor who submitted nor anyone else', async () => {
    const indicator = buildIndicator(db, compactId, partyId);
    const before = await Promise.all([validator, secondValidator, monitor, reviewer, admin].map(unread));
    await submitFor(indicator.id, 0);
    const afterwards = await Promise.all([validator, secondValidator, monitor, reviewer, admin].map(unread));
    assert.deepEqual(
      afterwards.map((n, i) => n - before[i]!),
      [1, 1, 0, 0, 0],
    );
    const [latest] = (await validator.caller.notifications.list({ limit: 1 })).items;
    assert.equal(latest?.kind, 'progress-submitted');
    assert.equal(latest?.href, `/compacts/${compactId}/indicators/${indicator.id}`);
    assert.equal(latest?.args.indicator, indicator.code);
    assert.equal(latest?.args.period, periods[0]!.label);
    assert.equal(Object.getPrototypeOf(latest?.args), null, 'arguments are read back without a prototype');
  });

  test('submitting again after withdrawing tells the validators nothing new; submitting again after a return does', async () => {
    const indicator = buildIndicator(db, compactId, partyId);
    const before = await unread(validator);
    const update = await submitFor(indicator.id, 4);
    for (let i = 0; i < 3; i++) {
      await monitor.caller.progress.withdraw({ compactId, updateId: update.id });
      await monitor.caller.progress.submit({ compactId, updateId: update.id });
    }
    assert.equal((await unread(validator)) - before, 1, 'one notice, however often it is withdrawn and submitted');
    await validator.caller.progress.return({ compactId, updateId: update.id, reason: 'Add the source.' });
    await monitor.caller.progress.submit({ compactId, updateId: update.id });
    assert.equal((await unread(validator)) - before, 2, 'a resubmission after a return is news');
  });

  test('validating tells the monitor who submitted and the monitors of that party, not the validator or other parties', async () => {
    const indicator = buildIndicator(db, compactId, partyId);
    const update = await submitFor(indicator.id, 1);
    const before = await Promise.all([monitor, colleague, otherMonitor, validator].map(unread));
    await validator.caller.progress.validate({ compactId, updateId: update.id, rating: null });
    const afterwards = await Promise.all([monitor, colleague, otherMonitor, validator].map(unread));
    assert.deepEqual(
      afterwards.map((n, i) => n - before[i]!),
      [1, 1, 0, 0],
    );
    assert.equal((await kindsOf(monitor))[0], 'progress-validated');
  });

  test('returning tells the submitting monitor with the reason', async () => {
    const indicator = buildIndicator(db, compactId, partyId);
    const update = await submitFor(indicator.id, 2);
    await validator.caller.progress.return({ compactId, updateId: update.id, reason: 'Add the source document.' });
    const [latest] = (await monitor.caller.notifications.list({ limit: 1 })).items;
    assert.equal(latest?.kind, 'progress-returned');
    assert.equal(latest?.args.reason, 'Add the source document.');
  });

  test('a proposed indicator tells the compact administrators, not the negotiator who proposed it', async () => {
    const before = await Promise.all([admin, negotiator].map(unread));
    await negotiator.caller.indicators.propose({ compactId, ...definition(partyId) });
    const afterwards = await Promise.all([admin, negotiator].map(unread));
    assert.deepEqual(
      afterwards.map((n, i) => n - before[i]!),
      [1, 0],
    );
    assert.equal((await kindsOf(admin))[0], 'indicator-proposed');
  });

  test('an invitation to someone who has an account waits in their bell; without e-mail settings the link is shown and no e-mail is queued', async () => {
    const invited = await memberWithRole(db, buildCompact(db).id, 'reviewer');
    const result = await admin.caller.members.invite({
      compactId,
      email: invited.email,
      partyId,
      role: 'reviewer',
      signatory: false,
    });
    assert.match(result.path, /^\/invite\//, 'the admin still gets the link to copy');
    const [latest] = (await invited.caller.notifications.list({ limit: 1 })).items;
    assert.equal(latest?.kind, 'invitation');
    assert.equal(latest?.href, '/compacts');
    assert.equal(latest?.args.compact, 'Aldoria compact');
    assert.equal(countRows(db, 'email_outbox'), 0);
  });

  test('a change that rolls back tells no one', () => {
    const before = countRows(db, 'notifications');
    assert.throws(() =>
      db.db.transaction((tx) => {
        notify(tx, null, [validator.id], {
          kind: 'progress-submitted',
          compactId,
          href: null,
          args: notificationArgs({}),
        });
        throw new Error('the change failed');
      }),
    );
    assert.equal(countRows(db, 'notifications'), before);
  });

  test('arguments keep string values only, bounded, and never a prototype key', () => {
    const args = notificationArgs({ indicator: 'AU-1', __proto__: 'x', constructor: 'y', long: 'z'.repeat(500), n: 3 });
    assert.deepEqual({ ...args }, { indicator: 'AU-1', long: 'z'.repeat(200), n: '3' });
  });
});

describe('the bell belongs to its owner', () => {
  test('the unread count falls as notifications are marked read, one or all', async () => {
    const indicator = buildIndicator(db, compactId, partyId);
    await submitFor(indicator.id, 3);
    await submitFor(buildIndicator(db, compactId, partyId).id, 3);
    const count = await unread(secondValidator);
    assert.ok(count >= 2);
    const [first] = (await secondValidator.caller.notifications.list({ limit: 1 })).items;
    assert.deepEqual(await secondValidator.caller.notifications.markRead({ ids: [first!.id] }), { marked: 1 });
    assert.equal(await unread(secondValidator), count - 1);
    await secondValidator.caller.notifications.markAllRead();
    assert.equal(await unread(secondValidator), 0);
    const list = await secondValidator.caller.notifications.list({});
    assert.ok(list.items.every((item) => item.readAt !== null));
  });

  test('nobody else can read or mark your notifications', async () => {
    await submitFor(buildIndicator(db, compactId, partyId).id, 4);
    const [mine] = (await validator.caller.notifications.list({ limit: 1 })).items;
    assert.ok(mine && mine.readAt === null);
    const theirs = await reviewer.caller.notifications.list({ limit: 50 });
    assert.ok(theirs.items.every((item) => item.id !== mine.id));
    assert.deepEqual(await reviewer.caller.notifications.markRead({ ids: [mine.id] }), { marked: 0 });
    await reviewer.caller.notifications.markAllRead();
    const [still] = (await validator.caller.notifications.list({ limit: 1 })).items;
    assert.equal(still?.id, mine.id);
    assert.equal(still?.readAt, null);
  });

  test('signed-out callers are refused', async () => {
    const anonymous = await callerFor(db, null);
    await assert.rejects(anonymous.notifications.unreadCount(), { code: 'UNAUTHORIZED' });
  });

  test('the list pages newest first without repeats', async () => {
    const first = await validator.caller.notifications.list({ limit: 2 });
    assert.equal(first.items.length, 2);
    assert.ok(first.nextCursor);
    const next = await validator.caller.notifications.list({ limit: 2, cursor: first.nextCursor });
    const ids = [...first.items, ...next.items].map((item) => item.id);
    assert.equal(new Set(ids).size, ids.length);
    const times = [...first.items, ...next.items].map((item) => item.createdAt.getTime());
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
  });
});

describe('retention', () => {
  test('old notifications are deleted, a submission notice too; a deadline alert keeps its row so it is never repeated', () => {
    const userId = validator.id;
    const notice = (kind: 'progress-submitted' | 'deadline-missed', dedupeKey?: string) =>
      notify(db.db, null, [userId], { kind, compactId, href: null, args: notificationArgs({}), dedupeKey });
    notice('progress-submitted');
    notice('progress-submitted', 'progress-submitted:retention-test:new');
    notice('deadline-missed', 'deadline-missed:retention-test');
    const kept = () =>
      db.sqlite
        .prepare("SELECT kind, dedupe_key AS dedupeKey FROM notifications WHERE user_id = ? AND args = '{}'")
        .all(userId) as { kind: string; dedupeKey: string | null }[];
    assert.equal(kept().length, 3);
    pruneNotifications(db.db, new Date(Date.now() + NOTIFICATION_RETENTION_MS + 60_000));
    assert.deepEqual(kept(), [{ kind: 'deadline-missed', dedupeKey: 'deadline-missed:retention-test' }]);
  });

  test('the retention sweep finds old notifications by their age index, not by reading every row', () => {
    const { sql, params } = pruneStatement(db.db, new Date()).toSQL();
    const plan = db.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(params as unknown[])) as { detail: string }[];
    assert.ok(
      plan.some((step) => /USING INDEX notifications_created/.test(step.detail)),
      plan.map((step) => step.detail).join('; '),
    );
  });
});

describe('deadline alerts', () => {
  test('each (period, indicator, party, kind) reaches each monitor of the party and each admin once, however often the sweep finds it', async () => {
    const indicator = buildIndicator(db, compactId, partyId);
    const alertsAt = (now: string) =>
      deadlineAlerts(db.db, new Date(now)).filter((alert) => alert.indicator.id === indicator.id);
    const soon = alertsAt('2026-07-25T12:00:00Z');
    assert.equal(soon.length, 1);
    assert.equal(notifyDeadlineAlerts(db.db, soon), 3, 'the two monitors of the party and the admin');
    assert.equal(notifyDeadlineAlerts(db.db, alertsAt('2026-07-26T12:00:00Z')), 0, 'found again: nobody is told twice');
    const missed = alertsAt('2026-08-06T23:00:00Z');
    assert.equal(notifyDeadlineAlerts(db.db, [...missed, ...missed]), 3, 'missed is another alert, told once');
    const [latest] = (await colleague.caller.notifications.list({ limit: 1 })).items;
    assert.equal(latest?.kind, 'deadline-missed');
    assert.equal(latest?.args.indicator, indicator.code);
    assert.equal(latest?.args.period, '2026-Q2');
    assert.equal(latest?.args.due, '2026-07-30');
    assert.ok(!(await kindsOf(otherMonitor)).includes('deadline-missed'), 'monitors of other parties are not told');
    assert.ok(!(await kindsOf(negotiator)).includes('deadline-approaching'), 'nor negotiators');
  });

  test('a sweep writes with a few statements whatever the number of alerts, told or not', () => {
    const made = Array.from({ length: 12 }, () => buildIndicator(db, compactId, partyId).id);
    const alerts = deadlineAlerts(db.db, new Date('2026-07-25T12:00:00Z')).filter((alert) =>
      made.includes(alert.indicator.id),
    );
    assert.equal(alerts.length, 12);
    const counted = countStatements(db);
    const sweep = (some: typeof alerts) => {
      counted.take();
      const told = notifyDeadlineAlerts(db.db, some);
      return { told, statements: counted.take() };
    };
    try {
      assert.deepEqual(sweep(alerts.slice(0, 2)), { told: 6, statements: 2 });
      assert.deepEqual(sweep(alerts), { told: 30, statements: 2 }, 'ten more alerts, the same two statements');
      assert.deepEqual(sweep(alerts), { told: 0, statements: 2 }, 'found again: nobody is told twice');
    } finally {
      counted.stop();
    }
  });
});
