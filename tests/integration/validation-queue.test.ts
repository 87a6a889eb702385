import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import { auditEvents } from '@/db/schema/audit';
import { compacts, memberships } from '@/db/schema/compacts';
import { progressUpdates } from '@/db/schema/framework';
import { verifyStoredChain } from '@/server/services/audit-verify';
import { MAX_BULK_VALIDATIONS } from '@/shared/framework/progress-rules';
import { addMember, buildCompact, buildParty, memberWithRole, type Member } from '../helpers/factories';
import { buildIndicator, configureQuarters, draftBy, submittedBy } from '../helpers/framework-fixtures';
import { countRows, countStatements, createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

/** A compact with a monitor's party, its first quarter, and a way to report in it. */
async function compactWithMonitor(title: string) {
  const compactId = buildCompact(db, { title }).id;
  const party = buildParty(db);
  const monitor = await memberWithRole(db, compactId, 'monitor', party.id);
  const [period] = configureQuarters(db, compactId, '2025-01-01', 4);
  const report = (overrides: { narrative?: string; comment?: string } = {}, submittedAt?: Date) => {
    const indicatorId = buildIndicator(db, compactId, party.id).id;
    const update = submittedBy(db, { userId: monitor.id, partyId: party.id }, compactId, indicatorId, period!.id, {
      confidence: 'low',
      ...overrides,
    });
    if (submittedAt) db.db.update(progressUpdates).set({ submittedAt }).where(eq(progressUpdates.id, update.id)).run();
    return update.id;
  };
  return { compactId, party, monitor, periodId: period!.id, report };
}

let validator: Member;
let alpha: Awaited<ReturnType<typeof compactWithMonitor>>;
let beta: Awaited<ReturnType<typeof compactWithMonitor>>;
let gamma: Awaited<ReturnType<typeof compactWithMonitor>>;
let delta: Awaited<ReturnType<typeof compactWithMonitor>>;
const ids: Record<string, string> = {};

before(async () => {
  alpha = await compactWithMonitor('Alpha compact');
  beta = await compactWithMonitor('Beta compact');
  gamma = await compactWithMonitor('Gamma compact');
  delta = await compactWithMonitor('Delta compact');
  validator = await memberWithRole(db, alpha.compactId, 'validator');
  addMember(db, beta.compactId, validator.id, 'validator');
  // In Gamma the same person is a monitor of another party: they do not validate there.
  addMember(db, gamma.compactId, validator.id, 'monitor');
  ids.alphaOld = alpha.report({ narrative: 'Older one', comment: 'See annex' }, new Date('2026-01-01T00:00:00Z'));
  ids.betaMiddle = beta.report({}, new Date('2026-02-01T00:00:00Z'));
  ids.alphaNew = alpha.report({}, new Date('2026-03-01T00:00:00Z'));
  ids.gamma = gamma.report();
  ids.delta = delta.report();
  const indicatorId = buildIndicator(db, alpha.compactId, alpha.party.id).id;
  ids.alphaDraft = draftBy(
    db,
    { userId: alpha.monitor.id, partyId: alpha.party.id },
    alpha.compactId,
    indicatorId,
    alpha.periodId,
  ).id;
});

const queueIds = async (member: Member = validator) =>
  (await member.caller.validation.queue()).items.map((item) => item.update.id);
const statesOf = (updateIds: string[]) =>
  db.db
    .select({ id: progressUpdates.id, state: progressUpdates.state })
    .from(progressUpdates)
    .where(inArray(progressUpdates.id, updateIds))
    .all()
    .map((r) => r.state);

test('the queue lists every submission where the person validates, oldest first, and nothing else', async () => {
  assert.deepEqual(await queueIds(), [ids.alphaOld, ids.betaMiddle, ids.alphaNew]);
  const queue = await validator.caller.validation.queue();
  assert.deepEqual(
    queue.compacts.map((c) => c.title),
    ['Alpha compact', 'Beta compact'],
  );
  assert.equal(queue.truncated, false);
});

test('each queue row carries the compact, indicator, party, period, submitter and everything entered', async () => {
  const [first] = (await validator.caller.validation.queue()).items;
  assert.ok(first);
  assert.equal(first.compactTitle, 'Alpha compact');
  assert.equal(first.party.shortCode, alpha.party.shortCode);
  assert.equal(first.periodLabel, '2025-Q1');
  assert.match(first.indicator.code, /^IND-/);
  assert.equal(first.update.submittedByName, (await alpha.monitor.caller.account.me()).name);
  assert.deepEqual(first.update.submittedAt, new Date('2026-01-01T00:00:00Z'));
  assert.deepEqual(
    [first.update.narrative, first.update.comment, first.update.confidence, first.update.files],
    ['Older one', 'See annex', 'low', []],
  );
  assert.equal(first.update.can.validate, true);
  assert.deepEqual(first.target, { value: null, source: 'none' });
});

test('a person who validates nowhere has an empty queue and no link to it', async () => {
  assert.deepEqual(await queueIds(alpha.monitor), []);
  assert.equal((await alpha.monitor.caller.account.me()).validatesAnywhere, false);
  assert.equal((await validator.caller.account.me()).validatesAnywhere, true);
});

test('bulk validation refuses an update of a compact where the caller does not validate, and changes nothing', async () => {
  const events = countRows(db, 'audit_events');
  await assert.rejects(
    validator.caller.validation.validateMany({ updateIds: [ids.alphaNew!, ids.gamma!], note: 'All fine' }),
    { code: 'FORBIDDEN', message: /1 of the selected updates .* Nothing was validated\./ },
  );
  await assert.rejects(
    validator.caller.validation.validateMany({ updateIds: [ids.alphaNew!, ids.delta!] }),
    { code: 'NOT_FOUND', message: /1 of the selected updates do not exist/ },
    'a compact the caller does not belong to is not revealed',
  );
  assert.deepEqual(statesOf([ids.alphaNew!, ids.gamma!, ids.delta!]), ['submitted', 'submitted', 'submitted']);
  assert.equal(countRows(db, 'audit_events'), events);
});

test('bulk validation of an update that is not submitted is refused whole, naming it', async () => {
  const events = countRows(db, 'audit_events');
  await assert.rejects(validator.caller.validation.validateMany({ updateIds: [ids.alphaNew!, ids.alphaDraft!] }), {
    code: 'CONFLICT',
    message: /^IND-\d+ 2025-Q1: Only submitted updates can be decided; this one is draft\. Nothing was validated\.$/,
  });
  assert.deepEqual(statesOf([ids.alphaNew!]), ['submitted']);
  assert.equal(countRows(db, 'audit_events'), events);
});

test('bulk validation takes at most 100 updates', async () => {
  const tooMany = Array.from({ length: MAX_BULK_VALIDATIONS + 1 }, (_, i) => `id-${i}`);
  await assert.rejects(validator.caller.validation.validateMany({ updateIds: tooMany }), { code: 'BAD_REQUEST' });
  await assert.rejects(validator.caller.validation.validateMany({ updateIds: [] }), { code: 'BAD_REQUEST' });
});

test("a validator's own submission is listed but cannot be validated, alone or in a batch", async () => {
  // A monitor of Alpha who reported, then became a validator there.
  const former = await memberWithRole(db, alpha.compactId, 'monitor', alpha.party.id);
  const indicatorId = buildIndicator(db, alpha.compactId, alpha.party.id).id;
  const own = (ids.own = submittedBy(
    db,
    { userId: former.id, partyId: alpha.party.id },
    alpha.compactId,
    indicatorId,
    alpha.periodId,
  ).id);
  db.db
    .update(memberships)
    .set({ role: 'validator' })
    .where(and(eq(memberships.compactId, alpha.compactId), eq(memberships.userId, former.id)))
    .run();
  const item = (await former.caller.validation.queue()).items.find((i) => i.update.id === own);
  assert.equal(item?.update.can.validate, false);
  await assert.rejects(former.caller.validation.validateMany({ updateIds: [ids.alphaNew!, own] }), {
    code: 'FORBIDDEN',
    message: /own submission/,
  });
  await assert.rejects(
    former.caller.validation.validateMany({ updateIds: [ids.alphaNew!, own, ids.alphaDraft!] }),
    {
      code: 'FORBIDDEN',
      message: /^IND-\d+ 2025-Q1: You cannot validate .* IND-\d+ 2025-Q1: Only submitted .* is draft\./,
    },
    'every refused update is named, in the order selected',
  );
  assert.deepEqual(statesOf([ids.alphaNew!, own]), ['submitted', 'submitted']);
});

test("bulk validation validates many across compacts with one note, each audited in its compact's chain", async () => {
  const result = await validator.caller.validation.validateMany({
    updateIds: [ids.alphaOld!, ids.betaMiddle!, ids.alphaOld!],
    note: ' Consistent with the mission reports. ',
  });
  assert.deepEqual(result.validated.sort(), [ids.alphaOld!, ids.betaMiddle!].sort());
  const rows = db.db
    .select({ state: progressUpdates.state, note: progressUpdates.validationNote, by: progressUpdates.decidedBy })
    .from(progressUpdates)
    .where(inArray(progressUpdates.id, [ids.alphaOld!, ids.betaMiddle!]))
    .all();
  assert.deepEqual(
    rows,
    Array(2).fill({ state: 'validated', note: 'Consistent with the mission reports.', by: validator.id }),
  );
  for (const [compact, updateId] of [
    [alpha, ids.alphaOld!],
    [beta, ids.betaMiddle!],
  ] as const) {
    const [event] = db.db
      .select({ compactId: auditEvents.compactId, after: auditEvents.after, party: auditEvents.actorPartyId })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, updateId), eq(auditEvents.action, 'progress.validated')))
      .all();
    const partyThere = db.db
      .select({ partyId: memberships.partyId })
      .from(memberships)
      .where(and(eq(memberships.compactId, compact.compactId), eq(memberships.userId, validator.id)))
      .all()[0]!.partyId;
    assert.deepEqual(event, {
      compactId: compact.compactId,
      after: { state: 'validated', rating: null, note: 'Consistent with the mission reports.' },
      party: partyThere,
    });
    assert.ok(verifyStoredChain(db.sqlite, compact.compactId).ok);
  }
  assert.deepEqual(await queueIds(), [ids.alphaNew, ids.own], 'what was not selected still waits');
});

test('a single return from the queue takes the update out of it, with its reason on the grid', async () => {
  await validator.caller.progress.return({
    compactId: alpha.compactId,
    updateId: ids.alphaNew!,
    reason: 'Add the source document.',
  });
  assert.deepEqual(await queueIds(), [ids.own]);
  const sheet = await alpha.monitor.caller.progress.periodSheet({
    compactId: alpha.compactId,
    periodId: alpha.periodId,
  });
  const returned = sheet.rows.find((r) => r.latest?.id === ids.alphaNew);
  assert.equal(returned?.latest?.returnedReason, 'Add the source document.');
});

test('an archived compact leaves the queue and its submissions cannot be validated in bulk', async () => {
  const epsilon = await compactWithMonitor('Epsilon compact');
  addMember(db, epsilon.compactId, validator.id, 'validator');
  const waiting = epsilon.report();
  assert.ok((await queueIds()).includes(waiting));
  db.db.update(compacts).set({ archivedAt: new Date() }).where(eq(compacts.id, epsilon.compactId)).run();
  assert.ok(!(await queueIds()).includes(waiting));
  await assert.rejects(validator.caller.validation.validateMany({ updateIds: [waiting], note: '' }));
  assert.deepEqual(statesOf([waiting]), ['submitted']);
});

test('bulk validation in an archived compact says it is archived, not that the role does not validate', async () => {
  const zeta = await compactWithMonitor('Zeta compact');
  addMember(db, zeta.compactId, validator.id, 'validator');
  const waiting = zeta.report();
  db.db.update(compacts).set({ archivedAt: new Date() }).where(eq(compacts.id, zeta.compactId)).run();
  await assert.rejects(validator.caller.validation.validateMany({ updateIds: [waiting], note: '' }), {
    code: 'FORBIDDEN',
    message: /archived compacts, which are read only\. Nothing was validated\./,
  });
  assert.deepEqual(statesOf([waiting]), ['submitted']);
});

test('bulk validation tells people with a few statements per call, not several per update', async () => {
  const compact = await compactWithMonitor('Counted compact');
  await memberWithRole(db, compact.compactId, 'monitor', compact.party.id);
  const counter = await memberWithRole(db, compact.compactId, 'validator');
  const smtp = process.env.SMTP_URL;
  const publicUrl = process.env.PUBLIC_URL;
  // E-mail configured (nothing sends here: the outbox is not running), so the e-mails are queued too.
  process.env.SMTP_URL = 'smtp://127.0.0.1:1';
  process.env.PUBLIC_URL = 'https://compacts.example.test';
  const counted = countStatements(db);
  const statementsFor = async (count: number) => {
    const updateIds = Array.from({ length: count }, () => compact.report());
    counted.take();
    await counter.caller.validation.validateMany({ updateIds, note: 'Checked.' });
    return counted.take();
  };
  try {
    const few = await statementsFor(2);
    const many = await statementsFor(42);
    assert.ok(many - few <= 4, `40 more updates took ${many - few} more statements (${few} for 2)`);
    const told = db.sqlite
      .prepare("SELECT count(*) AS n FROM notifications WHERE kind = 'progress-validated' AND compact_id = ?")
      .get(compact.compactId) as { n: number };
    assert.equal(told.n, 44 * 2, 'each update still tells both monitors of the party');
    const mailed = db.sqlite
      .prepare("SELECT count(*) AS n FROM email_outbox WHERE kind = 'progress-validated'")
      .get() as { n: number };
    assert.equal(mailed.n, 44 * 2, 'and e-mails them');
  } finally {
    counted.stop();
    process.env.SMTP_URL = smtp ?? '';
    process.env.PUBLIC_URL = publicUrl ?? '';
    if (smtp === undefined) delete process.env.SMTP_URL;
    if (publicUrl === undefined) delete process.env.PUBLIC_URL;
  }
});
