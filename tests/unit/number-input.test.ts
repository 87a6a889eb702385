import assert from 'node:assert/strict';
import { test } from 'node:test';
import { english } from '../helpers/i18n';
import { parseNumberInput } from '@/shared/framework/number-input';

test('plain numbers are read; an empty field is no value', () => {
  for (const [raw, value] of [
    ['12', 12],
    [' 12.5 ', 12.5],
    ['-3', -3],
    ['.5', 0.5],
    ['1e3', 1000],
  ] as const)
    assert.deepEqual(parseNumberInput(raw), { ok: true, value }, raw);
  assert.deepEqual(parseNumberInput('  '), { ok: true, value: null });
});

test('“12,5” and “1,500” are refused, never guessed, and the problem says how to write them', () => {
  for (const raw of ['12,5', '1,500', '1,500.25']) {
    const parsed = parseNumberInput(raw);
    assert.ok(!parsed.ok && /a point for decimals and no thousands separator/.test(english(parsed.problem)), raw);
  }
  for (const raw of ['12 apples', '0x10', 'Infinity', '1.2.3']) assert.equal(parseNumberInput(raw).ok, false, raw);
});
