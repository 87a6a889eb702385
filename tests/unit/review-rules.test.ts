import assert from 'node:assert/strict';
import { test } from 'node:test';
import { english } from '../helpers/i18n';
import { headlineStatus, type SnapshotIndicator } from '@/shared/reviews/indicator-snapshot';
import { cycleProblem, endOfCutOffDay, isCalendarDate, mayMoveFinding } from '@/shared/reviews/review-rules';

test('a cut-off is a real calendar date, not in the future, and covers its whole day in UTC', () => {
  assert.equal(isCalendarDate('2026-02-28'), true);
  assert.equal(isCalendarDate('2026-02-29'), false);
  assert.equal(isCalendarDate('2026-2-28'), false);
  assert.equal(cycleProblem({ name: 'Review', cutOff: '2026-11-22' }, '2026-11-22'), null);
  assert.match(english(cycleProblem({ name: 'Review', cutOff: '2026-11-23' }, '2026-11-22')), /future/);
  assert.match(english(cycleProblem({ name: 'Re\u202Eview', cutOff: '2026-01-01' }, '2026-11-22')), /text-direction/);
  assert.equal(endOfCutOffDay('2026-03-01').toISOString(), '2026-03-01T23:59:59.999Z');
});

test('a finding can only be closed; a question answered then closed, or closed at once; nothing reopens', () => {
  assert.equal(mayMoveFinding('finding', 'open', 'closed'), true);
  assert.equal(mayMoveFinding('finding', 'open', 'answered'), false);
  assert.equal(mayMoveFinding('question', 'open', 'answered'), true);
  assert.equal(mayMoveFinding('question', 'answered', 'closed'), true);
  assert.equal(mayMoveFinding('question', 'open', 'closed'), true);
  assert.equal(mayMoveFinding('question', 'closed', 'open'), false);
  assert.equal(mayMoveFinding('question', 'answered', 'open'), false);
});

test('an indicator without a headline point counts as having no data', () => {
  assert.equal(headlineStatus({ headline: null } as SnapshotIndicator), 'no-data');
});
