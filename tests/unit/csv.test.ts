import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv, toCsv } from '../../server/services/csv';

test('writes RFC 4180 with a BOM, quoting separators, quotes and line breaks', () => {
  const csv = toCsv(['a', 'b'], [['x,y', 'say "hi"'], ['two\nlines', 'plain']]);
  assert.equal(csv, '\uFEFFa,b\r\n"x,y","say ""hi"""\r\n"two\nlines",plain\r\n');
});

test('neutralises formula injection and restores it on import', () => {
  const csv = toCsv(['cell', 'n'], [['=HYPERLINK("x")', '1'], ['+1', '2'], ['-5', '3'], ['@SUM(A1)', '4'], ['fine', '5']], ';');
  assert.ok(csv.includes(`'=HYPERLINK`));
  assert.ok(csv.includes(`'-5`));
  const { rows, separator } = parseCsv(csv);
  assert.equal(separator, ';');
  assert.deepEqual(rows.slice(1).map((r) => r[0]), ['=HYPERLINK("x")', '+1', '-5', '@SUM(A1)', 'fine']);
});

test('reads semicolon files from French-locale spreadsheets, with or without BOM', () => {
  assert.deepEqual(parseCsv('code;titre\r\nA1;"Taux; national"\r\n').rows, [['code', 'titre'], ['A1', 'Taux; national']]);
  assert.deepEqual(parseCsv('\uFEFFa,b\nc,d').rows, [['a', 'b'], ['c', 'd']]);
});

test('an unclosed quote is an error', () => {
  assert.throws(() => parseCsv('a,b\n"open,x\n'), /not closed/);
});
