import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildCompact, buildParty, memberWithRole } from '../helpers/factories';
import { buildIndicator, configureQuarters, progressInput, refusedImport } from '../helpers/framework-fixtures';
import { countRows, createTestDb } from '../helpers/test-db';
import { seedDemoIfEmpty } from '@/server/services/demo-seed';
import { computeFramework } from '@/server/services/framework/framework-view';
import { indicatorDetail } from '@/server/services/framework/indicator-detail';

const db = createTestDb();
after(() => db.cleanup());

type Member = Awaited<ReturnType<typeof memberWithRole>>;
let compactId: string;
let periods: { id: string; label: string }[];
let partyId: string;
let admin: Member, monitor: Member, otherMonitor: Member, validator: Member, secondValidator: Member, reviewer: Member;

before(async () => {
  compactId = buildCompact(db).id;
  partyId = buildParty(db, { shortCode: 'UNSMA' }).id;
  admin = await memberWithRole(db, compactId, 'admin', partyId);
  monitor = await memberWithRole(db, compactId, 'monitor', partyId);
  otherMonitor = await memberWithRole(db, compactId, 'monitor');
  validator = await memberWithRole(db, compactId, 'validator');
  secondValidator = await memberWithRole(db, compactId, 'validator');
  reviewer = await memberWithRole(db, compactId, 'reviewer');
  periods = configureQuarters(db, compactId, '2025-01-01', 8);
});

describe('progress workflow', () => {
  test('draft → submitted → validated changes the computed status; validated is locked', async () => {
    const indicator = buildIndicator(db, compactId, partyId, { baselineValue: 0 });
    await admin.caller.indicators.setTarget({
      compactId,
      indicatorId: indicator.id,
      target: { periodId: periods[0]!.id, value: 100 },
    });
    const draft = await monitor.caller.progress.saveDraft({
      compactId,
      ...progressInput(indicator.id, periods[0]!.id, { value: 95 }),
    });
    await monitor.caller.progress.submit({ compactId, updateId: draft.id });
    const before = (await reviewer.caller.indicators.detail({ compactId, indicatorId: indicator.id })).series[0]!;
    assert.equal(before.status, 'no-data', 'submitted is not validated yet');
    await validator.caller.progress.validate({ compactId, updateId: draft.id, rating: null });
    const after = (await reviewer.caller.indicators.detail({ compactId, indicatorId: indicator.id })).series[0]!;
    assert.deepEqual([after.status, after.actual], ['on-track', 95]);
    await assert.rejects(
      monitor.caller.progress.saveDraft({
        compactId,
        updateId: draft.id,
        ...progressInput(indicator.id, periods[0]!.id, { value: 1 }),
      }),
      { code: 'CONFLICT' },
    );
    await assert.rejects(monitor.caller.progress.submit({ compactId, updateId: draft.id }), { code: 'CONFLICT' });
    await assert.rejects(
      secondValidator.caller.progress.return({ compactId, updateId: draft.id, reason: 'Too late' }),
      { code: 'CONFLICT' },
    );
  });

  test('a correction is a new update that supersedes the validated one; both stay', async () => {
    const indicator = buildIndicator(db, compactId, partyId);
    await admin.caller.indicators.setTarget({
      compactId,
      indicatorId: indicator.id,
      target: { periodId: periods[1]!.id, value: 10 },
    });
    const first = await monitor.caller.progress.saveDraft({
      compactId,
      ...progressInput(indicator.id, periods[1]!.id, { value: 2 }),
    });
    await monitor.caller.progress.submit({ compactId, updateId: first.id });
    await validator.caller.progress.validate({ compactId, updateId: first.id, rating: null });
    const correction = await monitor.caller.progress.saveDraft({
      compactId,
      ...progressInput(indicator.id, periods[1]!.id, { value: 9.5 }),
    });
    assert.equal(correction.supersedesId, first.id);
    await monitor.caller.progress.submit({ compactId, updateId: correction.id });
    await validator.caller.progress.validate({ compactId, updateId: correction.id, rating: null });
    const detail = await reviewer.caller.indicators.detail({ compactId, indicatorId: indicator.id });
    assert.equal(detail.series[1]!.actual, 9.5);
    assert.equal(detail.series[1]!.status, 'on-track');
    assert.deepEqual(
      detail.updates.map((u) => u.state),
      ['validated', 'validated'],
    );
  });

  test('a validator cannot validate or return their own submission', async () => {
    const indicator = buildIndicator(db, compactId, partyId);
    const validatorMonitor = await memberWithRole(db, compactId, 'monitor', partyId);
    const update = await validatorMonitor.caller.progress.saveDraft({
      compactId,
      ...progressInput(indicator.id, periods[2]!.id),
    });
    await validatorMonitor.caller.progress.submit({ compactId, updateId: update.id });
    // the same person, now a validator
    await admin.caller.members.update({ compactId, userId: validatorMonitor.id, role: 'validator', signatory: false });
    await assert.rejects(validatorMonitor.caller.progress.validate({ compactId, updateId: update.id, rating: null }), {
      code: 'FORBIDDEN',
    });
    await assert.rejects(validatorMonitor.caller.progress.return({ compactId, updateId: update.id, reason: 'Mine' }), {
      code: 'FORBIDDEN',
    });
  });

  test('monitors report only for their own party; returned updates carry a discussion until resubmitted', async () => {
    const indicator = buildIndicator(db, compactId, partyId);
    await assert.rejects(
      otherMonitor.caller.progress.saveDraft({ compactId, ...progressInput(indicator.id, periods[3]!.id) }),
      { code: 'FORBIDDEN' },
    );
    const update = await monitor.caller.progress.saveDraft({
      compactId,
      ...progressInput(indicator.id, periods[3]!.id),
    });
    await monitor.caller.progress.submit({ compactId, updateId: update.id });
    await validator.caller.progress.return({ compactId, updateId: update.id, reason: 'Which source?' });
    await monitor.caller.progress.comment({ compactId, updateId: update.id, body: 'The quarterly POC report.' });
    await assert.rejects(otherMonitor.caller.progress.comment({ compactId, updateId: update.id, body: 'Not mine' }), {
      code: 'FORBIDDEN',
    });
    await monitor.caller.progress.saveDraft({
      compactId,
      updateId: update.id,
      ...progressInput(indicator.id, periods[3]!.id, { evidenceLinks: ['https://example.org/poc-q4.pdf'] }),
    });
    await monitor.caller.progress.submit({ compactId, updateId: update.id });
    const [latest] = (await reviewer.caller.indicators.detail({ compactId, indicatorId: indicator.id })).updates;
    assert.equal(latest!.state, 'submitted');
    assert.deepEqual(
      latest!.discussion.map((c) => c.body),
      ['Which source?', 'The quarterly POC report.'],
    );
  });

  test('a monitor withdraws their party’s submission before it is decided: a draft again, recorded; not once decided, not another party’s', async () => {
    const indicator = buildIndicator(db, compactId, partyId);
    const update = await monitor.caller.progress.saveDraft({
      compactId,
      ...progressInput(indicator.id, periods[2]!.id),
    });
    await monitor.caller.progress.submit({ compactId, updateId: update.id });
    await assert.rejects(otherMonitor.caller.progress.withdraw({ compactId, updateId: update.id }), {
      code: 'FORBIDDEN',
    });
    const withdrawn = await monitor.caller.progress.withdraw({ compactId, updateId: update.id });
    assert.equal(withdrawn.state, 'draft');
    assert.equal(withdrawn.submittedBy, null);
    await assert.rejects(validator.caller.progress.validate({ compactId, updateId: update.id, rating: null }), {
      code: 'CONFLICT',
    });
    const event = db.sqlite
      .prepare(
        "SELECT actor_user_id AS actor, after FROM audit_events WHERE action = 'progress.withdrawn' AND entity_id = ?",
      )
      .get(update.id) as { actor: string; after: string };
    assert.deepEqual([event.actor, JSON.parse(event.after)], [monitor.id, { state: 'draft' }]);
    // Submitted again and validated: no longer the party's to withdraw.
    await monitor.caller.progress.submit({ compactId, updateId: update.id });
    await validator.caller.progress.validate({ compactId, updateId: update.id, rating: null });
    await assert.rejects(monitor.caller.progress.withdraw({ compactId, updateId: update.id }), { code: 'CONFLICT' });
    const [shown] = (await monitor.caller.indicators.detail({ compactId, indicatorId: indicator.id })).updates;
    assert.equal(shown!.can.withdraw, false);
  });

  test('inline validation: disaggregation must add up, percentages stay in range, nothing is written', async () => {
    const indicator = buildIndicator(db, compactId, partyId, { disaggregation: ['sex'] });
    const percentage = buildIndicator(db, compactId, partyId, { measure: 'percentage' });
    const before = countRows(db, 'progress_updates');
    await assert.rejects(
      monitor.caller.progress.saveDraft({
        compactId,
        ...progressInput(indicator.id, periods[4]!.id, { value: 10, disaggregated: { sex: { female: 4, male: 5 } } }),
      }),
      { code: 'BAD_REQUEST', message: /add up to 9/ },
    );
    await assert.rejects(
      monitor.caller.progress.saveDraft({
        compactId,
        ...progressInput(indicator.id, periods[4]!.id, { value: 10, disaggregated: { region: { north: 10 } } }),
      }),
      { code: 'BAD_REQUEST' },
    );
    await assert.rejects(
      monitor.caller.progress.saveDraft({ compactId, ...progressInput(percentage.id, periods[4]!.id, { value: 140 }) }),
      { code: 'BAD_REQUEST' },
    );
    const csv = await refusedImport(
      monitor.caller.framework.importProgressCsv({
        compactId,
        csv: `indicator_code,period,value\n${percentage.code},${periods[4]!.label},140\n`,
      }),
    );
    assert.deepEqual(
      csv.errors.map((e) => [e.row, e.column]),
      [[2, 'value']],
      'CSV imports pass the same checks',
    );
    assert.equal(countRows(db, 'progress_updates'), before);
    await monitor.caller.progress.saveDraft({
      compactId,
      ...progressInput(indicator.id, periods[4]!.id, { value: 10, disaggregated: { sex: { female: 4, male: 6 } } }),
    });
  });

  test('qualitative: the monitor proposes a rating, the validator confirms or changes it', async () => {
    const indicator = buildIndicator(db, compactId, partyId, { measure: 'qualitative', baselineValue: null });
    const update = await monitor.caller.progress.saveDraft({
      compactId,
      ...progressInput(indicator.id, periods[0]!.id, {
        value: null,
        rating: 'on-track',
        narrative: 'Dialogue resumed.',
      }),
    });
    await monitor.caller.progress.submit({ compactId, updateId: update.id });
    await validator.caller.progress.validate({ compactId, updateId: update.id, rating: 'at-risk' });
    const point = (await reviewer.caller.indicators.detail({ compactId, indicatorId: indicator.id })).series[0]!;
    assert.deepEqual([point.status, point.reason], ['at-risk', 'rating']);
  });
});

describe('targets', () => {
  test('yearly targets are interpolated over the periods and every change is kept with who and when', async () => {
    const indicator = buildIndicator(db, compactId, partyId, { baselineValue: 0 });
    await admin.caller.indicators.setTarget({
      compactId,
      indicatorId: indicator.id,
      target: { year: 2025, value: 80 },
    });
    await admin.caller.indicators.setTarget({
      compactId,
      indicatorId: indicator.id,
      target: { year: 2025, value: 40 },
    });
    const detail = await reviewer.caller.indicators.detail({ compactId, indicatorId: indicator.id });
    assert.deepEqual(
      detail.series.slice(0, 4).map((p) => [p.target.value, p.target.source]),
      [
        [10, 'interpolated'],
        [20, 'interpolated'],
        [30, 'interpolated'],
        [40, 'year'],
      ],
    );
    assert.deepEqual(
      detail.targetHistory.map((t) => t.value),
      [80, 40],
    );
    await admin.caller.indicators.setTarget({
      compactId,
      indicatorId: indicator.id,
      target: { periodId: periods[1]!.id, value: 25 },
    });
    await admin.caller.indicators.setTarget({
      compactId,
      indicatorId: indicator.id,
      target: { periodId: periods[1]!.id, value: null },
    });
    const cleared = await reviewer.caller.indicators.detail({ compactId, indicatorId: indicator.id });
    assert.deepEqual(
      [cleared.series[1]!.target.value, cleared.series[1]!.target.source],
      [20, 'interpolated'],
      'a cleared period target falls back to the yearly one',
    );
    assert.ok(detail.targetHistory.every((t) => t.setBy && t.setAt instanceof Date));
  });
});

describe('indicators', () => {
  test('negotiators propose, admins accept; retired indicators keep their data', async () => {
    const negotiator = await memberWithRole(db, compactId, 'negotiator');
    const proposed = await negotiator.caller.indicators.propose({
      compactId,
      code: 'PROP-1',
      title: 'Proposed by a party',
      description: '',
      level: 'outcome',
      measure: 'number',
      unit: '',
      direction: 'increase',
      aggregation: 'per-period',
      baselineValue: null,
      baselineDate: null,
      reportingFrequency: 'quarterly',
      meansOfVerification: '',
      responsiblePartyId: partyId,
      commitmentId: null,
      sectionRef: '',
      disaggregation: [],
    });
    assert.equal(proposed.state, 'proposed');
    await assert.rejects(
      monitor.caller.progress.saveDraft({ compactId, ...progressInput(proposed.id, periods[0]!.id) }),
      { code: 'CONFLICT' },
    );
    assert.equal((await admin.caller.indicators.accept({ compactId, indicatorId: proposed.id })).state, 'active');
    await admin.caller.indicators.retire({ compactId, indicatorId: proposed.id });
    assert.equal(
      (await reviewer.caller.indicators.detail({ compactId, indicatorId: proposed.id })).indicator.state,
      'retired',
    );
  });

  test('a percentage target or baseline outside 0–100 is refused with the field named, and nothing is written', async () => {
    const indicator = buildIndicator(db, compactId, partyId, { measure: 'percentage', unit: '%', baselineValue: 20 });
    const targets = () => countRows(db, 'indicator_targets');
    const before = targets();
    for (const value of [-1, 100.5, 250]) {
      await assert.rejects(
        admin.caller.indicators.setTarget({
          compactId,
          indicatorId: indicator.id,
          target: { periodId: periods[0]!.id, value },
        }),
        (error: Error) => /A percentage target lies between 0 and 100/.test(error.message),
      );
    }
    assert.equal(targets(), before);
    await admin.caller.indicators.setTarget({
      compactId,
      indicatorId: indicator.id,
      target: { periodId: periods[0]!.id, value: 100 },
    });
    assert.equal(targets(), before + 1, '100 % is a target');
    const definition = (await reviewer.caller.indicators.detail({ compactId, indicatorId: indicator.id })).indicator;
    await assert.rejects(
      admin.caller.indicators.update({
        compactId,
        indicatorId: indicator.id,
        ...definition,
        commitmentId: null,
        baselineValue: 140,
      }),
      (error: Error) => /A percentage baseline lies between 0 and 100/.test(error.message),
    );
  });

  test('codes are unique per compact', async () => {
    const indicator = buildIndicator(db, compactId, partyId);
    await assert.rejects(
      admin.caller.indicators.create({
        compactId,
        ...(await reviewer.caller.indicators.detail({ compactId, indicatorId: indicator.id })).indicator,
        commitmentId: null,
        code: indicator.code.toLowerCase(),
      }),
      { code: 'CONFLICT' },
    );
  });

  test('every change writes an audit event in the same transaction', () => {
    const actions = new Set(
      (
        db.sqlite.prepare('SELECT DISTINCT action FROM audit_events WHERE compact_id = ?').all(compactId) as {
          action: string;
        }[]
      ).map((r) => r.action),
    );
    for (const action of [
      'framework.configured',
      'indicator.target-set',
      'progress.drafted',
      'progress.submitted',
      'progress.validated',
      'progress.returned',
      'progress.commented',
      'progress.correction-drafted',
      'indicator.proposed',
      'indicator.accepted',
      'indicator.retired',
    ]) {
      assert.ok(actions.has(action), action);
    }
  });
});

test('on the demo data, an indicator last validated long ago reads overdue with its age, and the board and the indicator page show the same headline', async () => {
  const demo = createTestDb();
  try {
    await seedDemoIfEmpty(demo.db);
    const { id: compactId } = demo.sqlite.prepare('SELECT id FROM compacts').get() as { id: string };
    // The demo's quarters are laid out around today; AU-1's last validated value is several quarters old.
    const today = new Date().toISOString().slice(0, 10);
    const board = computeFramework(demo.db, compactId, today);
    const au1 = board.indicators.find((indicator) => indicator.code === 'AU-1')!;
    const lastWithData = au1.series.findLastIndex((point) => point.actual !== null || point.rating !== null);
    const ended = new Set(board.periods.filter((period) => period.endsOn < today).map((period) => period.id));
    const endedSince = au1.series.slice(lastWithData + 1).filter((point) => ended.has(point.periodId));
    assert.ok(lastWithData >= 0 && endedSince.length > 0, 'the demo has AU-1 validated once, periods ended since');
    assert.equal(au1.series[lastWithData]!.status, 'on-track', 'its last value alone would read on track');
    assert.equal(au1.headline?.status, 'no-data');
    assert.equal(au1.headline?.reason, 'overdue');
    assert.equal(au1.headline?.lastValidated, au1.series[lastWithData]!.label);
    assert.equal(au1.headline?.missedPeriods, endedSince.length);
    const admin = demo.sqlite
      .prepare(
        "SELECT u.id AS userId, m.party_id AS partyId FROM user u JOIN memberships m ON m.user_id = u.id WHERE u.email = 'admin@secretariat.example'",
      )
      .get() as { userId: string; partyId: string };
    for (const indicator of board.indicators) {
      const detail = indicatorDetail(demo.db, { ...admin, role: 'admin' }, compactId, indicator.id, today);
      assert.deepEqual(
        detail.headline,
        indicator.headline,
        `${indicator.code}: one rule on the board and the indicator page`,
      );
    }
  } finally {
    demo.cleanup();
  }
});

test('a value validated early for the running period is the headline, and the board shows no overdue period beside it', async () => {
  const fresh = buildCompact(db).id;
  const party = buildParty(db);
  const freshAdmin = await memberWithRole(db, fresh, 'admin', party.id);
  const freshMonitor = await memberWithRole(db, fresh, 'monitor', party.id);
  const freshValidator = await memberWithRole(db, fresh, 'validator', party.id);
  const today = new Date().toISOString().slice(0, 10);
  const quarters = configureQuarters(db, fresh, `${Number(today.slice(0, 4)) - 1}-01-01`, 12) as {
    id: string;
    startsOn: string;
    endsOn: string;
  }[];
  const running = quarters.find((quarter) => quarter.startsOn <= today && today <= quarter.endsOn)!;
  const indicator = buildIndicator(db, fresh, party.id, { baselineValue: 0 });
  await freshAdmin.caller.indicators.setTarget({
    compactId: fresh,
    indicatorId: indicator.id,
    target: { periodId: running.id, value: 100 },
  });
  const draft = await freshMonitor.caller.progress.saveDraft({
    compactId: fresh,
    ...progressInput(indicator.id, running.id, { value: 95 }),
  });
  await freshMonitor.caller.progress.submit({ compactId: fresh, updateId: draft.id });
  await freshValidator.caller.progress.validate({ compactId: fresh, updateId: draft.id, rating: null });

  const [row] = computeFramework(db.db, fresh, today).indicators;
  assert.deepEqual([row!.headline?.status, row!.headline?.actual], ['on-track', 95]);
  assert.equal(row!.overduePeriod, null, 'the board’s overdue mark follows the headline');
});
