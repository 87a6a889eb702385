import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeIndicatorStatus, type StatusInput } from '@/shared/framework/indicator-status';

const base: StatusInput = {
  measure: 'number',
  direction: 'increase',
  baseline: 10,
  target: 20,
  actual: null,
  rating: null,
  periodEnded: true,
};

const TABLE: [string, Partial<StatusInput>, string, string][] = [
  // name, input, status, reason
  ['increase, target reached', { actual: 20 }, 'on-track', 'share'],
  ['increase, 90 % of the way is on track', { actual: 19 }, 'on-track', 'share'],
  ['increase, 89 % is at risk', { actual: 18.9 }, 'at-risk', 'share'],
  ['increase, 60 % is at risk', { actual: 16 }, 'at-risk', 'share'],
  ['increase, 59 % is off track', { actual: 15.9 }, 'off-track', 'share'],
  ['increase, below the baseline is off track', { actual: 5 }, 'off-track', 'share'],
  ['increase, beyond the target is on track', { actual: 30 }, 'on-track', 'share'],
  ['decrease, target reached', { direction: 'decrease', baseline: 100, target: 50, actual: 50 }, 'on-track', 'share'],
  [
    'decrease, 70 % of the reduction',
    { direction: 'decrease', baseline: 100, target: 50, actual: 65 },
    'at-risk',
    'share',
  ],
  [
    'decrease, going up is off track',
    { direction: 'decrease', baseline: 100, target: 50, actual: 120 },
    'off-track',
    'share',
  ],
  ['zero baseline, increase', { baseline: 0, target: 40, actual: 36 }, 'on-track', 'share'],
  ['zero baseline, little progress', { baseline: 0, target: 40, actual: 10 }, 'off-track', 'share'],
  [
    'percentage measure uses the same rule',
    { measure: 'percentage', baseline: 20, target: 60, actual: 50 },
    'at-risk',
    'share',
  ],
  ['target equal to baseline, held', { baseline: 5, target: 5, actual: 5 }, 'on-track', 'target-held'],
  ['target equal to baseline, not held', { baseline: 5, target: 5, actual: 4 }, 'off-track', 'target-held'],
  [
    'decrease target equal to baseline, held',
    { direction: 'decrease', baseline: 5, target: 5, actual: 3 },
    'on-track',
    'target-held',
  ],
  ['baseline to be determined, increase', { baseline: null, target: 50, actual: 46 }, 'on-track', 'share'],
  [
    'baseline to be determined, decrease above target',
    { direction: 'decrease', baseline: null, target: 10, actual: 20 },
    'off-track',
    'share',
  ],
  ['missing target', { target: null, actual: 15 }, 'no-data', 'no-target'],
  ['nothing validated for a past period', { actual: null }, 'no-data', 'not-validated'],
  ['nothing validated for the current period', { actual: null, periodEnded: false }, 'no-data', 'not-due-yet'],
  [
    'qualitative takes the validator rating',
    { measure: 'qualitative', target: null, rating: 'at-risk' },
    'at-risk',
    'rating',
  ],
  ['qualitative without a rating', { measure: 'qualitative', target: null, rating: null }, 'no-data', 'not-validated'],
];

for (const [name, input, status, reason] of TABLE) {
  test(name, () => {
    const result = computeIndicatorStatus({ ...base, ...input });
    assert.deepEqual([result.status, result.reason], [status, reason]);
  });
}

test('thresholds are configurable per compact', () => {
  const strict = { onTrack: 1, atRisk: 0.8 };
  assert.equal(computeIndicatorStatus({ ...base, actual: 19 }, strict).status, 'at-risk');
  assert.equal(computeIndicatorStatus({ ...base, actual: 17 }, strict).status, 'off-track');
});
