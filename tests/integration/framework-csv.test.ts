import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { english } from '../helpers/i18n';
import { buildCompact, buildParty, memberWithRole } from '../helpers/factories';
import { configureQuarters, refusedImport } from '../helpers/framework-fixtures';
import { countRows, createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

type Member = Awaited<ReturnType<typeof memberWithRole>>;
let compactId: string;
let admin: Member;
let monitor: Member;

const FRAMEWORK = [
  'code;title;level;measure;direction;aggregation;baseline_value;baseline_date;responsible_party;section;commitment_reference;commitment_lead_party;commitment_deliverable;disaggregation;target:2025-Q1;target:2025-Q2;target-year:2026',
  'POC-1;Protection incidents reported;outcome;number;decrease;per-period;120;2024-12-31;UNSMA;Protection of civilians;2.1;UNSMA;Early-warning network;region;100;90;60',
  'POL-1;"Local dialogues held; with youth";output;number;increase;cumulative;0;2024-12-31;ALD;Political priorities;;;;;;5;',
  'POL-2;Inclusiveness of the dialogue;impact;qualitative;increase;per-period;;;ALD;Political priorities;;;;;;;',
].join('\r\n');

before(async () => {
  compactId = buildCompact(db).id;
  const mission = buildParty(db, { name: 'UN Stabilization Mission in Aldoria', shortCode: 'UNSMA' });
  buildParty(db, { name: 'Government of the Republic of Aldoria', shortCode: 'ALD' });
  admin = await memberWithRole(db, compactId, 'admin', mission.id);
  monitor = await memberWithRole(db, compactId, 'monitor', mission.id);
  configureQuarters(db, compactId, '2025-01-01', 8);
});

test('an import with errors reports them by row and column and imports nothing', async () => {
  const broken = FRAMEWORK.replace('POL-1;', 'POL 1;')
    .replace(';UNSMA;Protection', ';XXX;Protection')
    .replace(';90;60', ';ninety;60');
  const before = {
    indicators: countRows(db, 'indicators'),
    commitments: countRows(db, 'commitments'),
    targets: countRows(db, 'indicator_targets'),
  };
  const result = await refusedImport(admin.caller.framework.importFrameworkCsv({ compactId, csv: `\uFEFF${broken}` }));
  assert.equal(result.ok, false);
  assert.deepEqual(result.errors.map((e) => [e.row, e.column]).sort(), [
    [2, 'responsible_party'],
    [2, 'target:2025-Q2'],
    [3, 'code'],
  ]);
  assert.match(english(result.errors.find((e) => e.column === 'target:2025-Q2')!.problem), /ninety/);
  assert.deepEqual(
    {
      indicators: countRows(db, 'indicators'),
      commitments: countRows(db, 'commitments'),
      targets: countRows(db, 'indicator_targets'),
    },
    before,
  );
});

test('a valid file imports indicators, their commitment and targets; export → import into an empty compact gives the same framework', async () => {
  const result = await admin.caller.framework.importFrameworkCsv({ compactId, csv: FRAMEWORK });
  assert.deepEqual(result, { imported: 3 });
  const exported = await admin.caller.framework.exportFrameworkCsv({ compactId, separator: ';' });
  assert.ok(exported.startsWith('\uFEFFcode;title;'));

  const emptyCompact = buildCompact(db).id;
  const otherAdmin = await memberWithRole(db, emptyCompact, 'admin');
  configureQuarters(db, emptyCompact, '2025-01-01', 8);
  assert.deepEqual(await otherAdmin.caller.framework.importFrameworkCsv({ compactId: emptyCompact, csv: exported }), {
    imported: 3,
  });
  const again = await otherAdmin.caller.framework.exportFrameworkCsv({ compactId: emptyCompact, separator: ';' });
  assert.equal(again, exported);
});

test('progress import lands as drafts, only for the monitor’s own indicators, and exports with formula cells neutralised', async () => {
  const bad =
    'indicator_code,period,value,disaggregation\nPOC-1,2025-Q1,80,region:north=30|region:south=40\n\nPOL-1,2025-Q1,3,\n';
  const refused = await refusedImport(monitor.caller.framework.importProgressCsv({ compactId, csv: bad }));
  assert.deepEqual(
    refused.errors.map((e) => [e.row, e.column]),
    [
      [2, 'disaggregation'],
      [4, 'indicator_code'],
    ],
    'rows are numbered as in the file, blank ones included',
  );
  assert.equal(countRows(db, 'progress_updates'), 0);

  const good =
    'indicator_code,period,value,narrative,disaggregation\nPOC-1,2025-Q1,80,=cmd|calc,region:north=30|region:south=50\nPOC-1,2025-Q2,70,,\n';
  assert.deepEqual(await monitor.caller.framework.importProgressCsv({ compactId, csv: good }), { imported: 2 });
  assert.equal(countRows(db, "progress_updates WHERE state = 'draft'"), 2);
  const exported = await admin.caller.framework.exportProgressCsv({ compactId, separator: ',' });
  assert.ok(exported.includes(`'=cmd|calc`), 'a cell that starts with = is neutralised');
  assert.ok(exported.includes('region:north=30|region:south=50'));
});

test('a progress export quotes cells holding the other separator, neutralises formulas after either one, keeps negative numbers, and re-imports exactly', async () => {
  const attack = `on track;=cmd|' /C calc'!A0`;
  const csv = `indicator_code;period;value;narrative\nPOC-1;2025-Q3;-3.5;"${attack}"\nPOC-1;2025-Q4;-12;"a,@SUM(A1)"\n`;
  assert.deepEqual(await monitor.caller.framework.importProgressCsv({ compactId, csv }), { imported: 2 });
  const comma = await admin.caller.framework.exportProgressCsv({ compactId, separator: ',' });
  const semicolon = await admin.caller.framework.exportProgressCsv({ compactId, separator: ';' });
  for (const exported of [comma, semicolon]) {
    assert.ok(
      exported.includes(`"'${attack}"`),
      'quoted, so a spreadsheet in either locale keeps it in one text cell, and neutralised',
    );
    assert.ok(exported.includes(`"'a,@SUM(A1)"`));
  }
  assert.match(comma, /,-3\.5,/, 'a negative number stays a number');
  assert.match(semicolon, /;-12;/);
  const stored = () =>
    db.sqlite.prepare('SELECT narrative, value FROM progress_updates ORDER BY rowid').all() as {
      narrative: string;
      value: number | null;
    }[];
  const sorted = (rows: { narrative: string; value: number | null }[]) => rows.map((r) => JSON.stringify(r)).sort();
  const original = stored();
  assert.deepEqual(await monitor.caller.framework.importProgressCsv({ compactId, csv: comma }), {
    imported: original.length,
  });
  assert.deepEqual(
    sorted(stored().slice(original.length)),
    sorted(original),
    'export → import gives the same narratives and values',
  );
});

test('a count written with a comma (“12,5”, “1,500”) is refused with the cell named, never read as 12.5 or 1.5; nothing is imported', async () => {
  const before = countRows(db, 'progress_updates');
  const csv =
    'indicator_code;period;value;disaggregation\nPOC-1;2026-Q1;"12,5";\nPOC-1;2026-Q2;"1,500";region:north=1|region:south=2\n';
  const refused = await refusedImport(monitor.caller.framework.importProgressCsv({ compactId, csv }));
  const commaErrors = refused.errors.filter((e) =>
    /a point for decimals and no thousands separator/.test(english(e.problem)),
  );
  assert.deepEqual(
    commaErrors.map((e) => [e.row, e.column]),
    [
      [2, 'value'],
      [3, 'value'],
    ],
    JSON.stringify(refused.errors),
  );
  assert.equal(countRows(db, 'progress_updates'), before);
});
