import assert from 'node:assert/strict';
import { test } from 'node:test';
import { english } from '../helpers/i18n';
import {
  compareDeadlines,
  deadlineDaysProblem,
  deadlineStatus,
  reportingDeadline,
  type DeadlineStatus,
} from '@/shared/framework/deadline';

const q1 = { endsOn: '2027-03-31' };
const at = (iso: string) => new Date(iso);
const status = (now: string, reported = false, offsetDays = 30) =>
  deadlineStatus({ period: q1, offsetDays, reported, now: at(now) });

test('the deadline is the period end plus the offset, across month and year ends', () => {
  assert.equal(reportingDeadline('2027-03-31', 30), '2027-04-30');
  assert.equal(reportingDeadline('2027-12-31', 15), '2028-01-15');
  assert.equal(reportingDeadline('2028-02-28', 1), '2028-02-29');
  assert.equal(reportingDeadline('2027-06-30', 0), '2027-06-30');
});

test('a period that has not ended yet is not yet due while its deadline is far', () => {
  assert.deepEqual(status('2027-03-15T12:00:00Z'), { state: 'not-yet-due', deadline: '2027-04-30', daysLeft: 46 });
  assert.equal(status('2027-03-31T23:59:59Z').state, 'not-yet-due', 'the end day belongs to the period');
});

test('an ended period is due until the due-soon window, then due soon', () => {
  assert.deepEqual(status('2027-04-01T00:00:00Z'), { state: 'due', deadline: '2027-04-30', daysLeft: 29 });
  assert.equal(status('2027-04-22T10:00:00Z').state, 'due', 'eight days left');
  assert.deepEqual(status('2027-04-23T00:00:00Z'), { state: 'due-soon', deadline: '2027-04-30', daysLeft: 7 });
});

test('the deadline day itself is due soon with no day left; the next day is overdue', () => {
  assert.deepEqual(status('2027-04-30T23:59:59Z'), { state: 'due-soon', deadline: '2027-04-30', daysLeft: 0 });
  assert.deepEqual(status('2027-05-01T00:00:00Z'), { state: 'overdue', deadline: '2027-04-30', daysLeft: -1 });
});

test('days are counted in UTC whatever the time zone the instant is written in', () => {
  // 22:30 on the deadline day in New York is already the next day in UTC.
  assert.equal(status('2027-04-30T22:30:00-04:00').state, 'overdue');
  // 01:00 on 1 May in Tokyo is still the deadline day in UTC.
  assert.equal(status('2027-05-01T01:00:00+09:00').state, 'due-soon');
});

test('a submitted or validated value makes the period done, even after the deadline', () => {
  assert.equal(status('2027-06-01T00:00:00Z', true).state, 'done');
  assert.equal(status('2027-03-01T00:00:00Z', true).state, 'done');
});

test('with a short offset the last days of a running period are already due soon', () => {
  assert.equal(status('2027-03-31T08:00:00Z', false, 0).state, 'due-soon');
  assert.equal(status('2027-03-20T08:00:00Z', false, 0).state, 'not-yet-due');
  assert.equal(status('2027-04-01T08:00:00Z', false, 0).state, 'overdue');
});

test('the offset must be whole days from 0 to 180', () => {
  assert.equal(deadlineDaysProblem(0), null);
  assert.equal(deadlineDaysProblem(180), null);
  assert.match(english(deadlineDaysProblem(181)), /0 to 180/);
  assert.match(english(deadlineDaysProblem(-1)), /0 to 180/);
  assert.match(english(deadlineDaysProblem(1.5)), /whole number/);
});

test('overdue sorts first, then the nearest deadline, then done', () => {
  const s = (state: DeadlineStatus['state'], daysLeft: number): DeadlineStatus => ({ state, deadline: '', daysLeft });
  const sorted = [s('done', 3), s('due', 20), null, s('due-soon', 2), s('overdue', -40), s('overdue', -3)].sort(
    compareDeadlines,
  );
  assert.deepEqual(
    sorted.map((d) => d && `${d.state}${d.daysLeft}`),
    ['overdue-40', 'overdue-3', 'due-soon2', 'due20', 'done3', null],
  );
});
