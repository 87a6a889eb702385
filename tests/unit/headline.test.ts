import assert from 'node:assert/strict';
import { test } from 'node:test';
import { headlineOf, type HeadlineSource } from '@/shared/framework/headline';

const point = (label: string, ended: boolean, actual: number | null): HeadlineSource => ({
  label,
  ended,
  actual,
  rating: null,
  target: 100,
  status: actual === null ? 'no-data' : 'on-track',
  reason: actual === null ? (ended ? 'not-validated' : 'not-due-yet') : 'share',
  ...(actual === null ? {} : { share: actual / 100 }),
});

test('the headline is the newest validated value while no period has ended since', () => {
  const headline = headlineOf([point('2026-Q1', true, 95), point('2026-Q2', false, null)]);
  assert.deepEqual(headline, {
    label: '2026-Q1',
    actual: 95,
    target: 100,
    status: 'on-track',
    reason: 'share',
    share: 0.95,
  });
  // A value validated early for the running period is newer still.
  assert.equal(headlineOf([point('2026-Q1', true, null), point('2026-Q2', false, 92)])?.label, '2026-Q2');
});

test('an older value never reads as on track once a period has ended without one: overdue, with its age', () => {
  const series = [
    point('2025-Q3', true, 95),
    point('2025-Q4', true, null),
    point('2026-Q1', true, null),
    point('2026-Q2', true, null),
    point('2026-Q3', true, null),
    point('2026-Q4', false, null),
  ];
  assert.deepEqual(headlineOf(series), {
    label: '2026-Q3',
    actual: null,
    target: 100,
    status: 'no-data',
    reason: 'overdue',
    lastValidated: '2025-Q3',
    missedPeriods: 4,
  });
});

test('nothing validated yet: the latest ended period, with no data; nothing ended or reported: no headline', () => {
  assert.deepEqual(headlineOf([point('2026-Q1', true, null), point('2026-Q2', false, null)]), {
    label: '2026-Q1',
    actual: null,
    target: 100,
    status: 'no-data',
    reason: 'not-validated',
  });
  assert.equal(headlineOf([point('2026-Q4', false, null)]), null);
});
