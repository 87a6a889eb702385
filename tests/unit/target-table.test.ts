import assert from 'node:assert/strict';
import { test } from 'node:test';
import { english } from '../helpers/i18n';
import { readTargetRow } from '@/shared/framework/target-table';

test('a target row reads a plain number, or null when the row clears its target', () => {
  assert.deepEqual(readTargetRow('2025-Q1', 'number', { periodId: 'p', value: ' 12.5 ' }), { ok: true, value: 12.5 });
  assert.deepEqual(readTargetRow('2025-Q1', 'number', { periodId: 'p', clear: true }), { ok: true, value: null });
  assert.deepEqual(readTargetRow('2025', 'percentage', { year: 2025, value: '100' }), { ok: true, value: 100 });
});

test('a bad target row is refused with its row named: a comma, not a number, an empty cell, a percentage outside 0–100', () => {
  const problem = (measure: string, value: string) => {
    const reading = readTargetRow('2025-Q2', measure, { periodId: 'p', value });
    return reading.ok ? null : reading.problem;
  };
  assert.match(english(problem('number', '12,5')), /^2025-Q2: “12,5”: write a point/);
  assert.match(english(problem('number', 'lots')), /^2025-Q2: “lots” is not a number/);
  assert.match(english(problem('number', '  ')), /^2025-Q2: enter a number, or clear/);
  assert.match(english(problem('percentage', '100.5')), /^2025-Q2: A percentage target lies between 0 and 100/);
  assert.match(english(problem('qualitative', '3')), /^2025-Q2: Qualitative indicators have no numeric targets/);
});
