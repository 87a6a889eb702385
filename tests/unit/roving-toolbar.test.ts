import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rovingIndex } from '@/app/_components/a11y/use-roving-toolbar';

test('in a toolbar, the arrow keys move to the next or previous button and go round the ends; Home and End go to the first and last', () => {
  assert.equal(rovingIndex('ArrowRight', 1, 4, false), 2);
  assert.equal(rovingIndex('ArrowLeft', 1, 4, false), 0);
  assert.equal(rovingIndex('ArrowRight', 3, 4, false), 0);
  assert.equal(rovingIndex('ArrowLeft', 0, 4, false), 3);
  assert.equal(rovingIndex('ArrowDown', 1, 4, false), 2);
  assert.equal(rovingIndex('ArrowUp', 1, 4, false), 0);
  assert.equal(rovingIndex('Home', 2, 4, false), 0);
  assert.equal(rovingIndex('End', 0, 4, false), 3);
  assert.equal(rovingIndex('Enter', 1, 4, false), null);
  assert.equal(rovingIndex('ArrowRight', 0, 0, false), null);
});

test('right to left, ArrowLeft moves to the next button (laid out on the left) and ArrowRight to the previous; Up, Down, Home and End are not mirrored', () => {
  assert.equal(rovingIndex('ArrowLeft', 1, 4, true), 2);
  assert.equal(rovingIndex('ArrowRight', 1, 4, true), 0);
  assert.equal(rovingIndex('ArrowRight', 0, 4, true), 3);
  assert.equal(rovingIndex('ArrowDown', 1, 4, true), 2);
  assert.equal(rovingIndex('ArrowUp', 1, 4, true), 0);
  assert.equal(rovingIndex('Home', 2, 4, true), 0);
  assert.equal(rovingIndex('End', 0, 4, true), 3);
});
