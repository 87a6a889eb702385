import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildCompact, buildParty, memberWithRole, type Member } from '../helpers/factories';
import { buildIndicator, configureQuarters } from '../helpers/framework-fixtures';
import { MAX_TARGET_TABLE_ROWS } from '@/shared/framework/target-table';
import { countRows, createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

let compactId: string;
let partyId: string;
let periods: { id: string; label: string }[];
let admin: Member;

before(async () => {
  compactId = buildCompact(db).id;
  partyId = buildParty(db).id;
  admin = await memberWithRole(db, compactId, 'admin', partyId);
  periods = configureQuarters(db, compactId, '2025-01-01', 8);
});

/** The target set for each period of the indicator (its own, not interpolated), in period order. */
async function ownTargets(indicatorId: string) {
  const detail = await admin.caller.indicators.detail({ compactId, indicatorId });
  return detail.series.map((p) => (p.target.source === 'period' ? p.target.value : null));
}

const targetEvents = (indicatorId: string) =>
  countRows(db, `audit_events WHERE action = 'indicator.target-set' AND entity_id = '${indicatorId}'`);

test('targets for many periods are saved in one call, and the change is audited with the values it replaces', async () => {
  const indicator = buildIndicator(db, compactId, partyId);
  const result = await admin.caller.indicators.setTargets({
    compactId,
    indicatorId: indicator.id,
    rows: [
      { periodId: periods[0]!.id, value: '10' },
      { periodId: periods[1]!.id, value: '12.5' },
      { periodId: periods[2]!.id, value: ' 15 ' },
      { year: 2026, value: '40' },
    ],
  });
  assert.equal(result.saved, 4);
  assert.deepEqual((await ownTargets(indicator.id)).slice(0, 3), [10, 12.5, 15]);
  assert.equal(targetEvents(indicator.id), 1);
  const [event] = db.sqlite
    .prepare(`SELECT before, after FROM audit_events WHERE action = 'indicator.target-set' AND entity_id = ?`)
    .all(indicator.id) as { before: string; after: string }[];
  assert.deepEqual(JSON.parse(event!.before), [null, null, null, null]);
  assert.equal((JSON.parse(event!.after) as unknown[]).length, 4);
});

test('one bad row refuses the whole table, names the row, and writes nothing', async () => {
  const indicator = buildIndicator(db, compactId, partyId, { measure: 'percentage', unit: '%', baselineValue: 10 });
  const rows = countRows(db, 'indicator_targets');
  const events = countRows(db, 'audit_events');
  const cases: [string, RegExp][] = [
    ['12,5', new RegExp(`${periods[1]!.label}: “12,5”: write a point for decimals`)],
    ['101', new RegExp(`${periods[1]!.label}: A percentage target lies between 0 and 100`)],
    ['-1', new RegExp(`${periods[1]!.label}: A percentage target lies between 0 and 100`)],
    ['ten', new RegExp(`${periods[1]!.label}: “ten” is not a number`)],
    ['', new RegExp(`${periods[1]!.label}: enter a number, or clear the target`)],
  ];
  for (const [bad, message] of cases) {
    await assert.rejects(
      admin.caller.indicators.setTargets({
        compactId,
        indicatorId: indicator.id,
        rows: [
          { periodId: periods[0]!.id, value: '50' },
          { periodId: periods[1]!.id, value: bad },
          { periodId: periods[2]!.id, value: '70' },
        ],
      }),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'BAD_REQUEST');
        assert.match(error.message, /^No target was saved\./);
        assert.match(error.message, message);
        return true;
      },
      bad,
    );
  }
  assert.equal(countRows(db, 'indicator_targets'), rows, 'no target written');
  assert.equal(countRows(db, 'audit_events'), events, 'no audit event');
});

test('a row twice, a period of another compact, or more rows than the bound are refused', async () => {
  const indicator = buildIndicator(db, compactId, partyId);
  const rows = countRows(db, 'indicator_targets');
  await assert.rejects(
    admin.caller.indicators.setTargets({
      compactId,
      indicatorId: indicator.id,
      rows: [
        { periodId: periods[0]!.id, value: '1' },
        { periodId: periods[0]!.id, value: '2' },
      ],
    }),
    { code: 'BAD_REQUEST', message: new RegExp(`${periods[0]!.label}: listed twice`) },
  );
  const elsewhere = configureQuarters(db, buildCompact(db).id, '2025-01-01', 2);
  await assert.rejects(
    admin.caller.indicators.setTargets({
      compactId,
      indicatorId: indicator.id,
      rows: [{ periodId: elsewhere[0]!.id, value: '1' }],
    }),
    { code: 'BAD_REQUEST', message: /reporting period this compact does not have/ },
  );
  await assert.rejects(
    admin.caller.indicators.setTargets({
      compactId,
      indicatorId: indicator.id,
      rows: Array.from({ length: MAX_TARGET_TABLE_ROWS + 1 }, () => ({ periodId: periods[0]!.id, value: '1' })),
    }),
    { code: 'BAD_REQUEST' },
  );
  assert.equal(countRows(db, 'indicator_targets'), rows);
});

test('clearing a target is an explicit row, audited; a row that is not sent (an emptied cell) keeps its target', async () => {
  const indicator = buildIndicator(db, compactId, partyId);
  await admin.caller.indicators.setTargets({
    compactId,
    indicatorId: indicator.id,
    rows: [
      { periodId: periods[0]!.id, value: '10' },
      { periodId: periods[1]!.id, value: '20' },
    ],
  });
  await admin.caller.indicators.setTargets({
    compactId,
    indicatorId: indicator.id,
    rows: [
      { periodId: periods[0]!.id, clear: true },
      { periodId: periods[2]!.id, value: '30' },
    ],
  });
  assert.deepEqual((await ownTargets(indicator.id)).slice(0, 3), [null, 20, 30]);
  const [, cleared] = db.sqlite
    .prepare(
      `SELECT before, after FROM audit_events WHERE action = 'indicator.target-set' AND entity_id = ? ORDER BY id`,
    )
    .all(indicator.id) as { before: string; after: string }[];
  assert.deepEqual(JSON.parse(cleared!.before), [10, null]);
  assert.deepEqual(
    (JSON.parse(cleared!.after) as { value: number | null }[]).map((t) => t.value),
    [null, 30],
  );
});

test('only framework managers save the targets table', async () => {
  const indicator = buildIndicator(db, compactId, partyId);
  const monitor = await memberWithRole(db, compactId, 'monitor', partyId);
  await assert.rejects(
    monitor.caller.indicators.setTargets({
      compactId,
      indicatorId: indicator.id,
      rows: [{ periodId: periods[0]!.id, value: '1' }],
    }),
    { code: 'FORBIDDEN' },
  );
});
