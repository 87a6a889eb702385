import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sortQueue, waitingDays } from '@/app/validation/_components/queue-order';

const item = (id: string, compactTitle: string, code: string, periodLabel: string, submittedAt: string) => ({
  compactTitle,
  indicator: { code },
  periodLabel,
  update: { id, submittedAt: new Date(submittedAt) },
});

const items = [
  item('a', 'Beta', 'IND-10', '2025-Q1', '2026-03-01T00:00:00Z'),
  item('b', 'Alpha', 'IND-2', '2025-Q2', '2026-01-01T00:00:00Z'),
  item('c', 'Alpha', 'IND-10', '2025-Q1', '2026-02-01T00:00:00Z'),
  item('d', 'Beta', 'IND-3', '2025-Q1', '2025-12-01T00:00:00Z'),
];
const ids = (sorted: typeof items) => sorted.map((i) => i.update.id);

test('the queue is oldest submission first by default, newest first on request', () => {
  assert.deepEqual(ids(sortQueue(items, 'oldest')), ['d', 'b', 'c', 'a']);
  assert.deepEqual(ids(sortQueue(items, 'newest')), ['a', 'c', 'b', 'd']);
});

test('sorted by compact, each compact keeps its oldest submission first', () => {
  assert.deepEqual(ids(sortQueue(items, 'compact')), ['b', 'c', 'd', 'a']);
});

test('sorted by indicator, codes compare as people read them (IND-2 before IND-10)', () => {
  assert.deepEqual(ids(sortQueue(items, 'indicator')), ['b', 'd', 'c', 'a']);
});

test('sorting returns a copy and leaves the answer as it came', () => {
  sortQueue(items, 'newest');
  assert.deepEqual(ids(items), ['a', 'b', 'c', 'd']);
});

test('a submission waits whole days, none on the day it was made', () => {
  const submitted = new Date('2026-01-01T10:00:00Z');
  assert.equal(waitingDays(submitted, new Date('2026-01-01T23:00:00Z')), 0);
  assert.equal(waitingDays(submitted, new Date('2026-01-04T09:59:59Z')), 2);
  assert.equal(waitingDays(submitted, new Date('2026-01-04T10:00:00Z')), 3);
  assert.equal(waitingDays(null, new Date()), 0);
});
