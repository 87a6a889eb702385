import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CsvReadError, parseCsv, toCsv, type CsvLimits } from '@/server/services/csv';

const LIMITS: CsvLimits = {
  maxChars: 2_000_000,
  maxColumns: 200,
  maxCellChars: 10_000,
  maxRowChars: 100_000,
  maxRows: 2_000,
  maxFilledCells: 60_000,
};

test('writes RFC 4180 with a BOM, quoting separators, quotes and line breaks', () => {
  const csv = toCsv(
    ['a', 'b'],
    [
      ['x,y', 'say "hi"'],
      ['two\nlines', 'plain'],
    ],
  );
  assert.equal(csv, '\uFEFFa,b\r\n"x,y","say ""hi"""\r\n"two\nlines",plain\r\n');
});

test('neutralises formula injection and restores it on import', () => {
  const csv = toCsv(
    ['cell', 'n'],
    [
      ['=HYPERLINK("x")', '1'],
      ['+1', '2'],
      ['-5x', '3'],
      ['@SUM(A1)', '4'],
      ['fine', '5'],
    ],
    ';',
  );
  assert.ok(csv.includes(`'=HYPERLINK`));
  assert.ok(csv.includes(`'-5x`));
  const { rows, separator } = parseCsv(csv, LIMITS);
  assert.equal(separator, ';');
  assert.deepEqual(
    rows.slice(1).map((r) => r[0]),
    ['=HYPERLINK("x")', '+1', '-5x', '@SUM(A1)', 'fine'],
  );
});

test('a cell holding the other separator is quoted, and a formula after either separator is neutralised', () => {
  const attack = `on track;=cmd|' /C calc'!A0`;
  const comma = toCsv(['status'], [[attack], ['a,@SUM(1)'], ['tab\there'], ['cr\rhere']], ',');
  assert.ok(
    comma.includes(`"'on track;=cmd|' /C calc'!A0"`),
    'quoted (so a semicolon spreadsheet does not split it) and neutralised',
  );
  assert.ok(comma.includes(`"'a,@SUM(1)"`));
  assert.ok(comma.includes('"tab\there"'));
  assert.ok(comma.includes('"cr\rhere"'));
  const semicolon = toCsv(['status'], [['x,=1+1']], ';');
  assert.ok(semicolon.includes(`"'x,=1+1"`), 'a comma in a semicolon export is quoted too');
  assert.deepEqual(
    parseCsv(comma, LIMITS)
      .rows.slice(1)
      .map((r) => r[0]),
    [attack, 'a,@SUM(1)', 'tab\there', 'cr\rhere'],
  );
  assert.deepEqual(parseCsv(semicolon, LIMITS).rows[1], ['x,=1+1']);
});

test('negative numbers export as numbers and round-trip', () => {
  const csv = toCsv(['n', 'm', 'e'], [['-3.5', '-12', '-1e-7']], ',');
  assert.ok(csv.includes('\r\n-3.5,-12,-1e-7\r\n'));
  assert.deepEqual(parseCsv(csv, LIMITS).rows[1], ['-3.5', '-12', '-1e-7']);
  assert.ok(toCsv(['n'], [['-1+2']]).includes(`'-1+2`), 'an expression that starts with a minus is still a formula');
});

test('every cell round-trips, apostrophes included', () => {
  const cells = [
    `'=x`,
    `''`,
    `'`,
    `'plain`,
    `-`,
    `=`,
    ` =1`,
    `a;b`,
    `"q"`,
    ` padded `,
    `x\r\ny`,
    `-3.5`,
    `'-3.5`,
    `@`,
    `\tstart`,
    `line\n=next`,
  ];
  for (const separator of [',', ';'] as const) {
    const { rows } = parseCsv(
      toCsv(
        ['c'],
        cells.map((c) => [c]),
        separator,
      ),
      LIMITS,
    );
    assert.deepEqual(
      rows.slice(1).map((r) => r[0]),
      cells,
      `with ${separator}`,
    );
  }
});

test('reads semicolon files from French-locale spreadsheets, with or without BOM', () => {
  assert.deepEqual(parseCsv('code;titre\r\nA1;"Taux; national"\r\n', LIMITS).rows, [
    ['code', 'titre'],
    ['A1', 'Taux; national'],
  ]);
  assert.deepEqual(parseCsv('\uFEFFa,b\nc,d', LIMITS).rows, [
    ['a', 'b'],
    ['c', 'd'],
  ]);
});

test('keeps blank records so row numbers match the file, with any line ending', () => {
  assert.deepEqual(parseCsv('a,b\r\n\r\nc,"d\ne"\nf,g\rh,i', LIMITS).rows, [
    ['a', 'b'],
    [''],
    ['c', 'd\ne'],
    ['f', 'g'],
    ['h', 'i'],
  ]);
});

test('an unclosed quote is an error', () => {
  assert.throws(
    () => parseCsv('a,b\n"open,x\n', LIMITS),
    (e: Error) => e instanceof CsvReadError && /not closed/.test(e.message),
  );
});

test('a header of a million commas is refused at the column bound', () => {
  const started = performance.now();
  assert.throws(
    () => parseCsv(','.repeat(1_000_000), LIMITS),
    (e: Error) => e instanceof CsvReadError && /more than 200 columns/.test(e.message),
  );
  console.log(`# a million commas refused in ${(performance.now() - started).toFixed(1)} ms`);
});

test('cells, rows, filled cells and the whole file are bounded', () => {
  const small = {
    ...LIMITS,
    maxColumns: 3,
    maxCellChars: 5,
    maxRowChars: 12,
    maxRows: 2,
    maxFilledCells: 4,
    maxChars: 100,
  };
  assert.deepEqual(parseCsv('a,b,c\n1,2,3\n', small).rows, [
    ['a', 'b', 'c'],
    ['1', '2', '3'],
  ]);
  assert.throws(() => parseCsv('a,b,c,d\n', small), /more than 3 columns/);
  assert.throws(() => parseCsv('a\n123456\n', small), /at most 5 characters/);
  assert.throws(() => parseCsv('a,b\n12345,12345,12345\n', small), /more than 12 characters/);
  assert.throws(() => parseCsv('a\n1\n2\n3\n', small), /more than 2 rows/);
  assert.throws(() => parseCsv('a,b,c\n1,2,3\n4,5\n', small), /more than 4 filled cells/);
  assert.throws(() => parseCsv('x'.repeat(101), small), /more than 100 characters/);
});
