import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { english } from '../helpers/i18n';
import { CsvErrors } from '@/server/services/framework/csv-errors';
import { planFrameworkRows, writeFrameworkRows } from '@/server/services/framework/framework-csv-import';
import { listPeriods } from '@/server/services/framework/periods';
import { buildCompact, buildParty, memberWithRole, type Member } from '../helpers/factories';
import {
  buildIndicator,
  configureQuarters,
  draftBy,
  frameworkCsv,
  progressInput,
  refusedImport,
} from '../helpers/framework-fixtures';
import { countRows, createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

let compactId: string;
let admin: Member;
let monitor: Member;
let partyCode: string;
let indicator: { id: string; code: string };
let q1: string;

const counts = () => ({
  indicators: countRows(db, 'indicators'),
  targets: countRows(db, 'indicator_targets'),
  updates: countRows(db, 'progress_updates'),
  audit: countRows(db, 'audit_events'),
});
const polluted = () => ({
  object: ({} as Record<string, unknown>).x,
  constructor: (Object as unknown as Record<string, unknown>).x,
});

before(async () => {
  compactId = buildCompact(db).id;
  const party = buildParty(db);
  partyCode = party.shortCode;
  admin = await memberWithRole(db, compactId, 'admin', party.id);
  monitor = await memberWithRole(db, compactId, 'monitor', party.id);
  configureQuarters(db, compactId, '2025-01-01', 8);
  indicator = buildIndicator(db, compactId, party.id, { disaggregation: ['sex'] });
  q1 = listPeriods(db.db, compactId)[0]!.id;
});

test('a progress import with a __proto__ disaggregation cell gets a row error, imports nothing and leaves Object.prototype alone', async () => {
  const before = counts();
  const csv = [
    'indicator_code,period,value,disaggregation',
    `${indicator.code},2025-Q1,1,__proto__:x=1`,
    `${indicator.code},2025-Q1,1,constructor:x=1`,
    `${indicator.code},2025-Q1,1,sex:__proto__=1`,
    `${indicator.code},2025-Q1,1,sex:prototype=1`,
  ].join('\n');
  const result = await refusedImport(monitor.caller.framework.importProgressCsv({ compactId, csv }));
  assert.equal(result.ok, false);
  assert.deepEqual(
    result.errors.map((e) => [e.row, e.column]),
    [
      [2, 'disaggregation'],
      [3, 'disaggregation'],
      [4, 'disaggregation'],
      [5, 'disaggregation'],
    ],
  );
  assert.match(english(result.errors[0]!.problem), /“__proto__” cannot be used as a disaggregation name/);
  assert.match(english(result.errors[2]!.problem), /“__proto__” cannot be used as a category name/);
  assert.deepEqual(polluted(), { object: undefined, constructor: undefined });
  assert.deepEqual(counts(), before);
});

test('saving a draft refuses reserved disaggregation names, on create and on update, and the indicator page keeps working', async () => {
  const input = { compactId, ...progressInput(indicator.id, q1, { value: 1 }) };
  const draft = await monitor.caller.progress.saveDraft({ ...input, disaggregated: { sex: { female: 1 } } });
  const before = counts();
  for (const disaggregated of [
    JSON.parse('{"__proto__":{"x":1}}'),
    { sex: { constructor: 1 } },
    { sex: JSON.parse('{"__proto__":1}') },
    { prototype: {} },
  ]) {
    await assert.rejects(
      monitor.caller.progress.saveDraft({ ...input, disaggregated }),
      (e: Error & { code?: string }) => e.code === 'BAD_REQUEST' && /cannot be used as a/.test(e.message),
    );
    await assert.rejects(
      monitor.caller.progress.saveDraft({ ...input, updateId: draft.id, disaggregated }),
      /cannot be used as a/,
    );
  }
  assert.deepEqual(counts(), before);
  assert.deepEqual(polluted(), { object: undefined, constructor: undefined });
  const detail = await admin.caller.indicators.detail({ compactId, indicatorId: indicator.id });
  assert.ok(detail, 'the indicator page still answers (a stored “constructor” key used to break its serialisation)');
  assert.throws(
    () =>
      draftBy(db, { userId: monitor.id, partyId: monitor.partyId }, compactId, indicator.id, q1, {
        disaggregated: { sex: { constructor: 1 } },
      }),
    /cannot be used as a category name/,
    'the service refuses it too',
  );
});

test('indicator definitions refuse reserved disaggregation names, by form and by CSV', async () => {
  const before = counts();
  const definition = {
    compactId,
    code: 'RES-1',
    title: 'Reserved',
    description: '',
    level: 'output' as const,
    measure: 'number' as const,
    unit: '',
    direction: 'increase' as const,
    aggregation: 'per-period' as const,
    baselineValue: 0,
    baselineDate: null,
    reportingFrequency: 'quarterly' as const,
    meansOfVerification: '',
    responsiblePartyId: monitor.partyId,
    commitmentId: null,
    sectionRef: '',
  };
  await assert.rejects(
    admin.caller.indicators.create({ ...definition, disaggregation: ['__proto__'] }),
    /cannot be used as a disaggregation name/,
  );
  await assert.rejects(
    admin.caller.indicators.create({ ...definition, disaggregation: ['constructor'] }),
    /cannot be used as a disaggregation name/,
  );
  const csv = `code,title,level,measure,direction,responsible_party,disaggregation\nRES-2,Reserved,output,number,increase,${partyCode},region|constructor\n`;
  const result = await refusedImport(admin.caller.framework.importFrameworkCsv({ compactId, csv }));
  assert.deepEqual(
    result.errors.map((e) => [e.row, e.column]),
    [[2, 'disaggregation']],
  );
  assert.deepEqual(counts(), before);
});

test('evidence links other than http(s) are refused by the form and by CSV, and nothing changes', async () => {
  const input = { compactId, ...progressInput(indicator.id, q1, { value: 1 }) };
  const draft = await monitor.caller.progress.saveDraft({
    ...input,
    evidenceLinks: ['https://example.org/report.pdf'],
  });
  const before = counts();
  for (const link of [
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'JAVASCRIPT:alert(1)',
    `https://example.org/${'x'.repeat(2000)}`,
  ]) {
    await assert.rejects(
      monitor.caller.progress.saveDraft({ ...input, evidenceLinks: [link] }),
      (e: Error & { code?: string }) =>
        e.code === 'BAD_REQUEST' && /evidence links start with http:\/\/ or https:\/\//.test(e.message),
    );
    await assert.rejects(
      monitor.caller.progress.saveDraft({
        ...input,
        updateId: draft.id,
        evidenceLinks: ['https://example.org/ok', link],
      }),
      /is not a web link/,
    );
    const csv = `indicator_code,period,value,evidence_links\n${indicator.code},2025-Q1,1,https://example.org/ok ${link}\n`;
    const result = await refusedImport(monitor.caller.framework.importProgressCsv({ compactId, csv }));
    assert.deepEqual(
      result.errors.map((e) => [e.row, e.column]),
      [[2, 'evidence_links']],
    );
    assert.match(english(result.errors[0]!.problem), /is not a web link/);
  }
  assert.deepEqual(counts(), before);
  const [stored] = db.sqlite
    .prepare('SELECT evidence_links AS links FROM progress_updates WHERE id = ?')
    .all(draft.id) as { links: string }[];
  assert.deepEqual(JSON.parse(stored!.links), ['https://example.org/report.pdf']);
  assert.throws(
    () =>
      draftBy(db, { userId: monitor.id, partyId: monitor.partyId }, compactId, indicator.id, q1, {
        evidenceLinks: ['javascript:alert(1)'],
      }),
    /is not a web link/,
    'the service refuses it too',
  );
});

test('a header of a million commas is refused at the column bound and imports nothing', async () => {
  const before = counts();
  const started = performance.now();
  const result = await refusedImport(
    admin.caller.framework.importFrameworkCsv({ compactId, csv: ','.repeat(1_000_000) }),
  );
  const elapsed = performance.now() - started;
  assert.equal(result.ok, false);
  assert.match(english(result.errors[0]!.problem), /more than 200 columns \(the limit is 200\)/);
  assert.deepEqual(counts(), before);
  console.log(`# a million-comma header refused through tRPC in ${elapsed.toFixed(1)} ms`);
});

test('an import at the filled-cell cap leaves every row in; one cell over it is refused and writes nothing', async () => {
  const capped = buildCompact(db).id;
  const cappedAdmin = await memberWithRole(db, capped, 'admin', monitor.partyId);
  configureQuarters(db, capped, '2025-01-01', 14);
  const atCap = frameworkCsv(1000, 14, partyCode); // 1,000 × (6 + 14) = 20,000 filled cells: the default cap
  const over = `${frameworkCsv(1000, 14, partyCode, 'O')},one more`;
  const before = counts();
  const refused = await refusedImport(
    cappedAdmin.caller.framework.importFrameworkCsv({ compactId: capped, csv: over }),
  );
  assert.equal(refused.ok, false);
  assert.match(english(refused.errors[0]!.problem), /more than 20000 filled cells/);
  assert.deepEqual(counts(), before);
  const started = performance.now();
  assert.deepEqual(await cappedAdmin.caller.framework.importFrameworkCsv({ compactId: capped, csv: atCap }), {
    imported: 1000,
  });
  console.log(
    `# 1,000 indicators × 14 targets (the filled-cell cap) imported end to end in ${(performance.now() - started).toFixed(1)} ms`,
  );
  assert.equal(countRows(db, `indicators WHERE compact_id = '${capped}'`), 1000);
  assert.equal(countRows(db, 'indicator_targets') - before.targets, 14_000);
});

test('a progress import over the row cap is refused and writes nothing', async () => {
  const rows = Array.from({ length: 2001 }, () => `${indicator.code},2025-Q1,1`);
  const before = counts();
  const result = await refusedImport(
    monitor.caller.framework.importProgressCsv({ compactId, csv: ['indicator_code,period,value', ...rows].join('\n') }),
  );
  assert.match(english(result.errors[0]!.problem), /more than 2000 rows/);
  assert.deepEqual(counts(), before);
  const atCap = await monitor.caller.framework.importProgressCsv({
    compactId,
    csv: ['indicator_code,period,value', ...rows.slice(1)].join('\n'),
  });
  assert.deepEqual(atCap, { imported: 2000 });
  assert.equal(counts().updates, before.updates + 2000);
});

test('a code taken between the checks and the write is caught inside the write transaction, and nothing lands', async () => {
  const errors = new CsvErrors();
  const table = errors.readTable(frameworkCsv(3, 2, partyCode, 'RACE'), ['code'])!;
  const planned = planFrameworkRows(db.db, compactId, table, errors);
  assert.ok(errors.ok);
  await admin.caller.framework.importFrameworkCsv({
    compactId,
    csv: frameworkCsv(1, 0, partyCode, 'RACE').replace('RACE-0', 'race-1'),
  });
  const before = counts();
  const result = errors.writeAllOrNothing(db.db, planned.plans.length, (tx) =>
    writeFrameworkRows(tx, { userId: admin.id, partyId: admin.partyId }, compactId, planned, errors),
  );
  assert.equal(result.ok, false);
  assert.deepEqual(
    result.errors.map((e) => [e.row, e.column]),
    [[3, 'code']],
  );
  assert.deepEqual(counts(), before);
});

test('a disaggregation stored before reserved names were refused is read back without them, and the indicator page still answers', async () => {
  const draft = await monitor.caller.progress.saveDraft({
    compactId,
    indicatorId: indicator.id,
    periodId: q1,
    value: 2,
    rating: null,
    narrative: 'old row',
    disaggregated: { sex: { female: 2 } },
    evidenceLinks: [],
    confidence: 'medium',
    comment: '',
  });
  db.sqlite
    .prepare('UPDATE progress_updates SET disaggregated = ? WHERE id = ?')
    .run('{"sex":{"female":2,"constructor":0,"__proto__":{"x":1}},"prototype":{}}', draft.id);
  const detail = await admin.caller.indicators.detail({ compactId, indicatorId: indicator.id });
  const row = JSON.stringify(detail).includes('old row');
  assert.ok(row, 'the indicator page answers with the old row');
  const exported = await admin.caller.framework.exportProgressCsv({ compactId, separator: ',' });
  assert.ok(exported.includes('sex:female=2,'), 'only the real category is exported');
  assert.ok(!/constructor|__proto__|prototype/.test(exported));
  assert.deepEqual(polluted(), { object: undefined, constructor: undefined });
});
