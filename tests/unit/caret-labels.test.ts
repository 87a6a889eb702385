import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelShift } from '@/app/compacts/[compactId]/_components/caret';

const box = { left: 100, right: 500 };

test('a caret label that fits stays where it is; one past an edge moves back inside by the overflow', () => {
  assert.equal(labelShift(box, { left: 200, right: 280 }), 0);
  assert.equal(labelShift(box, { left: 460, right: 540.4 }), -40);
  assert.equal(labelShift(box, { left: 70, right: 150 }), 30);
});

test('a label already shifted is measured from its own place, so its shift stays the same and is not written again', () => {
  // Shifted by -40 it now stands at 420–500: from its own place (460–540) it still needs -40.
  assert.equal(labelShift(box, { left: 420, right: 500 }, -40), -40);
  // Its caret moved back from the edge: the shift goes.
  assert.equal(labelShift(box, { left: 260, right: 340 }, -40), 0);
  // Right to left, a label past the left edge moved in by 30 stays moved by 30.
  assert.equal(labelShift(box, { left: 100, right: 180 }, 30), 30);
});
