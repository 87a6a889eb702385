import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { TRPCError } from '@trpc/server';
import { verifyStoredChain } from '@/server/services/audit-verify';
import { stopChainVerifier } from '@/server/services/audit-chain-status';
import { seedDemoIfEmpty } from '@/server/services/demo-seed';
import { computeFramework } from '@/server/services/framework/framework-view';
import { configureFramework } from '@/server/services/framework/periods';
import { reviewCycleView } from '@/server/services/reviews/cycle-view';
import { openReviewCycle, snapshotHash } from '@/server/services/reviews/open-cycle';
import { createAutomaticVersions } from '@/server/services/versions/automatic-versions';
import { buildCompact, buildParty, memberWithRole, type Member } from '../helpers/factories';
import { buildIndicator, configureQuarters } from '../helpers/framework-fixtures';
import { backdateCompact, editStoredAt, targetSetAt, validatedAt } from '../helpers/review-fixtures';
import { countRows, createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(async () => {
  await stopChainVerifier();
  db.cleanup();
});

const actorOf = (member: Member) => ({ userId: member.id, partyId: member.partyId });

/**
 * A compact whose text and framework were set up on 10 January 2026: quarters of 2025–2026, one
 * indicator (target 100 for 2025-Q4 and 2026-Q1), a monitor and a validator of its party.
 */
async function reviewedCompact() {
  const compactId = buildCompact(db, { text: 'The parties meet.' }).id;
  const party = buildParty(db);
  const admin = await memberWithRole(db, compactId, 'admin', party.id);
  const reviewer = await memberWithRole(db, compactId, 'reviewer', party.id);
  const negotiator = await memberWithRole(db, compactId, 'negotiator', party.id);
  const monitor = await memberWithRole(db, compactId, 'monitor', party.id);
  const validator = await memberWithRole(db, compactId, 'validator', party.id);
  const periods = configureQuarters(db, compactId) as { id: string; label: string }[];
  const period = (label: string) => periods.find((p) => p.label === label)!.id;
  const indicator = buildIndicator(db, compactId, party.id);
  backdateCompact(db, compactId, '2026-01-10T09:00:00Z');
  targetSetAt(db, actorOf(admin), compactId, indicator.id, period('2025-Q4'), 100, '2026-01-10T10:00:00Z');
  targetSetAt(db, actorOf(admin), compactId, indicator.id, period('2026-Q1'), 100, '2026-01-10T10:00:00Z');
  const people = { monitor: actorOf(monitor), validator: actorOf(validator) };
  return {
    compactId,
    admin,
    reviewer,
    negotiator,
    monitor,
    indicator,
    period,
    validated: (periodLabel: string, value: number, when: string) =>
      validatedAt(db, people, compactId, indicator.id, period(periodLabel), value, when),
  };
}

const eventsOf = (compactId: string, prefix: string) =>
  db.sqlite
    .prepare(
      `SELECT action, actor_user_id AS actor, entity_id AS entityId, after FROM audit_events
               WHERE compact_id = ? AND action LIKE ? ORDER BY id`,
    )
    .all(compactId, `${prefix}%`) as { action: string; actor: string; entityId: string; after: string }[];

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    assert.ok(error instanceof TRPCError, String(error));
    return error.code;
  }
}

test('opening a cycle freezes the text as stored by the end of the cut-off day (UTC): later edits are not in its baseline', async () => {
  const { compactId, admin, negotiator } = await reviewedCompact();
  editStoredAt(db, compactId, 'Before the cut-off, ', actorOf(negotiator), '2026-03-01T23:59:00Z');
  editStoredAt(db, compactId, 'After it, ', actorOf(negotiator), '2026-03-02T00:00:01Z');
  const opened = await admin.caller.reviews.open({ compactId, name: 'Annual review 2026', cutOff: '2026-03-01' });

  const baseline = await admin.caller.versions.get({ compactId, versionId: opened.baselineVersionId });
  assert.match(baseline.plainText, /Before the cut-off, The parties meet\./);
  assert.doesNotMatch(baseline.plainText, /After it/);
  assert.equal(baseline.kind, 'named');
  assert.equal(baseline.name, 'Baseline — Annual review 2026');
  assert.deepEqual(
    baseline.contributors.map((c) => c.userId),
    [null, negotiator.id],
  );
  // The History screen lists it with the named versions.
  const named = await admin.caller.versions.list({ compactId, kind: 'named' });
  assert.deepEqual(
    named.versions.map((v) => v.id),
    [opened.baselineVersionId],
  );

  const [event] = eventsOf(compactId, 'review-cycle.');
  assert.equal(event!.action, 'review-cycle.opened');
  assert.equal(event!.actor, admin.id);
  const after = JSON.parse(event!.after) as Record<string, unknown>;
  assert.equal(after.baselineVersionId, opened.baselineVersionId);
  assert.equal(after.baselineContentHash, baseline.contentHash);
  assert.equal(after.cutOff, '2026-03-01');
  const view = await admin.caller.reviews.get({ compactId, cycleId: opened.id });
  assert.equal(after.indicatorSnapshotHash, snapshotHash(view.snapshot));
  assert.equal(verifyStoredChain(db.sqlite, compactId).ok, true);
});

test('a baseline freezing an older text than the newest version is numbered after it, credits only earlier contributors and repeats no automatic version', async () => {
  const { compactId, admin, negotiator } = await reviewedCompact();
  editStoredAt(db, compactId, 'Early, ', actorOf(negotiator), '2026-02-01T12:00:00Z');
  editStoredAt(db, compactId, 'Late, ', actorOf(admin), '2026-06-01T12:00:00Z');
  const rev1 = await negotiator.caller.versions.create({ compactId, name: 'Rev.1' });
  const opened = await admin.caller.reviews.open({ compactId, name: 'Review of spring', cutOff: '2026-03-31' });
  const baseline = await admin.caller.versions.get({ compactId, versionId: opened.baselineVersionId });
  assert.equal(baseline.number, rev1.number + 1);
  assert.ok(baseline.uptoUpdateId < rev1.uptoUpdateId);
  assert.deepEqual(
    baseline.contributors.map((c) => c.userId),
    [null, negotiator.id],
  );
  // The sweep finds nothing new past Rev.1 (the baseline is behind it): no duplicate version.
  const swept = await createAutomaticVersions(db.db, Date.now() + 3_600_000);
  const ours = (await admin.caller.versions.list({ compactId })).versions.map((v) => v.id);
  assert.deepEqual(
    swept.filter((v) => ours.includes(v.id)),
    [],
  );
  // A later named version spans from Rev.1, not from the older baseline.
  editStoredAt(db, compactId, 'Later still, ', actorOf(negotiator), '2026-07-01T12:00:00Z');
  const rev2 = await negotiator.caller.versions.create({ compactId, name: 'Rev.2' });
  const listed = await admin.caller.versions.get({ compactId, versionId: rev2.id });
  assert.deepEqual(
    listed.contributors.map((c) => [c.userId, c.updates]),
    [[negotiator.id, 1]],
  );
});

test('the indicator snapshot holds values validated and targets set by the cut-off; a value validated later shows only as a change since', async () => {
  const { compactId, admin, validated, indicator, period } = await reviewedCompact();
  validated('2025-Q4', 95, '2026-02-15T12:00:00Z');
  const late = validated('2026-Q1', 40, '2026-03-02T08:00:00Z');
  targetSetAt(db, actorOf(admin), compactId, indicator.id, period('2025-Q4'), 200, '2026-03-05T00:00:00Z');
  const opened = await admin.caller.reviews.open({ compactId, name: 'Annual review 2026', cutOff: '2026-03-01' });
  const view = await admin.caller.reviews.get({ compactId, cycleId: opened.id });

  const [frozen] = view.snapshot.indicators;
  const q4 = frozen!.periods.find((p) => p.label === '2025-Q4')!;
  const q1 = frozen!.periods.find((p) => p.label === '2026-Q1')!;
  assert.deepEqual([q4.actual, q4.target, q4.status], [95, 100, 'on-track']);
  assert.equal(q1.actual, null);
  assert.deepEqual(frozen!.headline, {
    label: '2025-Q4',
    actual: 95,
    target: 100,
    status: 'on-track',
    reason: frozen!.headline!.reason,
    share: 0.95,
  });
  assert.deepEqual(view.snapshot.thresholds, { onTrack: 0.9, atRisk: 0.6 });
  // The live framework has moved on (the later target, the later value); the snapshot has not.
  const live = computeFramework(db.db, compactId, '2026-11-01').indicators[0]!;
  assert.equal(live.series.find((p) => p.label === '2025-Q4')!.target.value, 200);
  assert.equal(view.sinceCutOff.total, 1);
  const [since] = view.sinceCutOff.values;
  assert.deepEqual(
    [since!.updateId, since!.periodLabel, since!.value, since!.atCutOff],
    [
      late,
      '2026-Q1',
      40,
      {
        actual: null,
        rating: null,
      },
    ],
  );
  assert.equal(view.statusChanges, null, 'the first cycle has nothing to compare its statuses with');
});

test("the snapshot's statuses are what the framework computes with today = the cut-off when nothing changed since", async () => {
  const { compactId, admin, validated } = await reviewedCompact();
  validated('2025-Q3', 50, '2025-10-15T12:00:00Z');
  validated('2025-Q4', 70, '2026-01-20T12:00:00Z');
  const opened = await admin.caller.reviews.open({ compactId, name: 'Snapshot check', cutOff: '2026-02-28' });
  const { snapshot } = await admin.caller.reviews.get({ compactId, cycleId: opened.id });
  const framework = computeFramework(db.db, compactId, '2026-02-28');
  assert.deepEqual(
    snapshot.indicators.map((i) => ({ id: i.id, headline: i.headline, statuses: i.periods.map((p) => p.status) })),
    framework.indicators.map((i) => ({ id: i.id, headline: i.headline, statuses: i.series.map((p) => p.status) })),
  );
  assert.equal(snapshot.indicators[0]!.headline!.status, 'at-risk');
});

test("the second cycle's view lists the indicators whose status moved since the first, why, and the text redline since its baseline", async () => {
  const { compactId, admin, reviewer, negotiator, validated } = await reviewedCompact();
  validated('2025-Q4', 95, '2026-02-15T12:00:00Z');
  const first = await admin.caller.reviews.open({ compactId, name: 'Review 1', cutOff: '2026-03-01' });
  editStoredAt(db, compactId, 'Amended: ', actorOf(negotiator), '2026-04-10T12:00:00Z');
  validated('2026-Q1', 40, '2026-04-20T12:00:00Z');
  const second = await admin.caller.reviews.open({ compactId, name: 'Review 2', cutOff: '2026-06-30' });

  const view = await reviewer.caller.reviews.get({ compactId, cycleId: second.id });
  assert.equal(view.previousCycle?.id, first.id);
  assert.equal(view.from?.versionId, first.baselineVersionId);
  assert.equal(view.statusChanges?.length, 1);
  const [change] = view.statusChanges!;
  assert.equal(change!.before?.status, 'on-track');
  assert.deepEqual(
    [change!.after?.status, change!.after?.label, change!.after?.actual, change!.after?.target],
    ['off-track', '2026-Q1', 40, 100],
  );
  assert.equal(view.sinceCutOff.total, 0);
  const inserted = JSON.stringify(view.redline.blocks);
  assert.match(inserted, /Amended: /);
  assert.equal(
    view.redline.authors.some((a) => a.userId === negotiator.id),
    true,
  );
  assert.equal(view.redline.provisions.length, 1);
  const list = await reviewer.caller.reviews.list({ compactId });
  assert.deepEqual(
    list.map((c) => c.name),
    ['Review 2', 'Review 1'],
  );
});

test('only administrators open and close cycles, only reviewers and administrators record findings, every member reads', async () => {
  const { compactId, admin, reviewer, negotiator, monitor } = await reviewedCompact();
  assert.equal(
    await codeOf(reviewer.caller.reviews.open({ compactId, name: 'Mine', cutOff: '2026-03-01' })),
    'FORBIDDEN',
  );
  assert.equal(
    await codeOf(negotiator.caller.reviews.open({ compactId, name: 'Mine', cutOff: '2026-03-01' })),
    'FORBIDDEN',
  );
  const cycle = await admin.caller.reviews.open({ compactId, name: 'Review', cutOff: '2026-03-01' });
  const general = { compactId, cycleId: cycle.id, subjectType: 'general' as const, kind: 'finding' as const };
  assert.equal(await codeOf(negotiator.caller.reviews.addFinding({ ...general, body: 'Hm.' })), 'FORBIDDEN');
  assert.equal(await codeOf(monitor.caller.reviews.addFinding({ ...general, body: 'Hm.' })), 'FORBIDDEN');
  await reviewer.caller.reviews.addFinding({ ...general, body: 'Reporting is late.' });
  await admin.caller.reviews.addFinding({ ...general, body: 'Agreed.' });
  assert.equal((await monitor.caller.reviews.findings({ compactId, cycleId: cycle.id })).length, 2);
  assert.equal(await codeOf(monitor.caller.reviews.get({ compactId, cycleId: cycle.id })), 'OK');
  assert.equal(await codeOf(reviewer.caller.reviews.close({ compactId, cycleId: cycle.id })), 'FORBIDDEN');
  await admin.caller.reviews.close({ compactId, cycleId: cycle.id });
  assert.equal(
    await codeOf(reviewer.caller.reviews.addFinding({ ...general, body: 'Too late.' })),
    'CONFLICT',
    'a closed cycle takes no more findings',
  );
});

test('findings and questions per provision and indicator: answered and closed with who and when, audited, never deleted', async () => {
  const { compactId, admin, reviewer, indicator } = await reviewedCompact();
  const cycle = await admin.caller.reviews.open({ compactId, name: 'Review', cutOff: '2026-03-01' });
  const [provision] = await reviewer.caller.provisions.list({ compactId });
  const question = await reviewer.caller.reviews.addFinding({
    compactId,
    cycleId: cycle.id,
    subjectType: 'provision',
    subjectId: provision!.id,
    kind: 'question',
    body: 'Who meets, and how often?',
  });
  assert.equal(question.subjectLabel, 'OP 1');
  const finding = await reviewer.caller.reviews.addFinding({
    compactId,
    cycleId: cycle.id,
    subjectType: 'indicator',
    subjectId: indicator.id,
    kind: 'finding',
    body: 'The baseline is undocumented.',
  });
  assert.equal(finding.subjectLabel, indicator.code);
  await admin.caller.reviews.setFindingStatus({
    compactId,
    findingId: question.id,
    status: 'answered',
    resolution: 'Quarterly.',
  });
  await reviewer.caller.reviews.setFindingStatus({ compactId, findingId: question.id, status: 'closed' });
  assert.equal(
    await codeOf(reviewer.caller.reviews.setFindingStatus({ compactId, findingId: finding.id, status: 'answered' })),
    'CONFLICT',
    'a finding is not a question',
  );
  await reviewer.caller.reviews.setFindingStatus({ compactId, findingId: finding.id, status: 'closed' });
  const listed = await reviewer.caller.reviews.findings({ compactId, cycleId: cycle.id });
  const shown = listed.find((f) => f.id === question.id)!;
  assert.equal(shown.status, 'closed');
  assert.equal(shown.resolution, 'Quarterly.');
  assert.ok(shown.statusChangedAt instanceof Date);
  assert.equal(shown.statusChangedBy, listed.find((f) => f.id === finding.id)!.createdBy);

  assert.deepEqual(
    eventsOf(compactId, 'review-finding.').map((e) => e.action),
    [
      'review-finding.asked',
      'review-finding.recorded',
      'review-finding.answered',
      'review-finding.closed',
      'review-finding.closed',
    ],
  );
  assert.equal(verifyStoredChain(db.sqlite, compactId).ok, true);
  assert.throws(() => db.sqlite.prepare('DELETE FROM review_findings WHERE id = ?').run(question.id), /never deleted/);
  assert.throws(() => db.sqlite.prepare('DELETE FROM review_cycles WHERE id = ?').run(cycle.id), /never deleted/);
  assert.throws(
    () => db.sqlite.prepare(`UPDATE review_cycles SET indicator_snapshot = '{}' WHERE id = ?`).run(cycle.id),
    /frozen/,
  );
  for (const bad of [
    { subjectType: 'provision' as const, subjectId: 'no-such-provision' },
    { subjectType: 'indicator' as const, subjectId: 'no-such-indicator' },
    { subjectType: 'indicator' as const, subjectId: null },
    { subjectType: 'general' as const, subjectId: indicator.id },
  ])
    assert.equal(
      await codeOf(
        reviewer.caller.reviews.addFinding({ compactId, cycleId: cycle.id, kind: 'finding', body: 'x', ...bad }),
      ),
      'BAD_REQUEST',
    );
  assert.equal(
    await codeOf(
      reviewer.caller.reviews.addFinding({
        compactId,
        cycleId: cycle.id,
        subjectType: 'general',
        kind: 'finding',
        body: 'x'.repeat(4001),
      }),
    ),
    'BAD_REQUEST',
  );
});

test('names are bounded and unique per compact, the cut-off is a real date not in the future nor before the last cycle; a refusal writes nothing', async () => {
  const { compactId, admin } = await reviewedCompact();
  await admin.caller.reviews.open({ compactId, name: 'Annual review 2026', cutOff: '2026-03-01' });
  const counts = () => ['review_cycles', 'versions', 'audit_events'].map((table) => countRows(db, table));
  const before = counts();
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const refusals: [string, { name: string; cutOff: string }][] = [
    ['CONFLICT', { name: 'ANNUAL REVIEW 2026', cutOff: '2026-04-01' }],
    ['BAD_REQUEST', { name: 'x'.repeat(121), cutOff: '2026-04-01' }],
    ['BAD_REQUEST', { name: '   ', cutOff: '2026-04-01' }],
    ['BAD_REQUEST', { name: 'Next', cutOff: tomorrow }],
    ['BAD_REQUEST', { name: 'Next', cutOff: '2026-02-30' }],
    ['BAD_REQUEST', { name: 'Next', cutOff: '1 March 2026' }],
    ['BAD_REQUEST', { name: 'Earlier', cutOff: '2026-02-01' }],
  ];
  for (const [code, input] of refusals)
    assert.equal(await codeOf(admin.caller.reviews.open({ compactId, ...input })), code, JSON.stringify(input));
  assert.deepEqual(counts(), before);
  const today = new Date().toISOString().slice(0, 10);
  assert.equal(await codeOf(admin.caller.reviews.open({ compactId, name: 'x'.repeat(120), cutOff: today })), 'OK');
});

test('on the demo data, a cycle cut off today freezes exactly the statuses the framework shows today', async () => {
  const demo = createTestDb();
  try {
    await seedDemoIfEmpty(demo.db);
    const { id: compactId } = demo.sqlite.prepare('SELECT id FROM compacts LIMIT 1').get() as { id: string };
    const admin = demo.sqlite
      .prepare(`SELECT user_id AS userId, party_id AS partyId FROM memberships WHERE compact_id = ? AND role = 'admin'`)
      .get(compactId) as { userId: string; partyId: string };
    const today = new Date().toISOString().slice(0, 10);
    const opened = openReviewCycle(
      demo.db,
      { ...admin, role: 'admin' },
      { compactId, name: 'Annual review', cutOff: today },
    );
    const view = await reviewCycleView(demo, compactId, opened.id);
    const framework = computeFramework(demo.db, compactId, today);
    assert.ok(view.snapshot.indicators.length > 0);
    assert.deepEqual(
      view.snapshot.indicators.map((i) => [i.code, i.headline]),
      framework.indicators.map((i) => [i.code, i.headline]),
    );
    assert.equal(verifyStoredChain(demo.sqlite, compactId).ok, true);
  } finally {
    demo.cleanup();
  }
});

test('closing with a blank reason stores no resolution, and its event says there was none', async () => {
  const { compactId, admin, reviewer } = await reviewedCompact();
  const cycle = await admin.caller.reviews.open({ compactId, name: 'Review', cutOff: '2026-03-01' });
  const finding = await reviewer.caller.reviews.addFinding({
    compactId,
    cycleId: cycle.id,
    subjectType: 'general',
    kind: 'finding',
    body: 'Nothing to add.',
  });
  await reviewer.caller.reviews.setFindingStatus({
    compactId,
    findingId: finding.id,
    status: 'closed',
    resolution: '   ',
  });
  const [shown] = await reviewer.caller.reviews.findings({ compactId, cycleId: cycle.id });
  assert.equal(shown!.resolution, null);
  const closed = eventsOf(compactId, 'review-finding.closed');
  assert.equal(JSON.parse(closed[0]!.after).withResolution, false);
});

test('the snapshot uses the status thresholds in force at the cut-off, not those set since', async () => {
  const { compactId, admin, validated } = await reviewedCompact();
  validated('2025-Q4', 85, '2026-02-15T12:00:00Z');
  // After the cut-off, the thresholds are lowered: 85 % of target would now read "on track".
  configureFramework(db.db, actorOf(admin), compactId, {
    frequency: 'quarterly',
    startDate: '2025-01-01',
    periods: 8,
    onTrackThreshold: 0.8,
    atRiskThreshold: 0.5,
    requireEvidence: false,
  });
  const opened = await admin.caller.reviews.open({ compactId, name: 'Thresholds then in force', cutOff: '2026-03-01' });
  const view = await admin.caller.reviews.get({ compactId, cycleId: opened.id });
  assert.deepEqual(view.snapshot.thresholds, { onTrack: 0.9, atRisk: 0.6 });
  const q4 = view.snapshot.indicators[0]!.periods.find((p) => p.label === '2025-Q4')!;
  assert.deepEqual([q4.actual, q4.status], [85, 'at-risk']);
  assert.equal(
    computeFramework(db.db, compactId, '2026-03-01').settings.onTrackThreshold,
    0.8,
    'the live framework uses the new ones',
  );
});
