import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nameWithVisibleText } from '@/app/_components/a11y/visible-label';

test('a button’s accessible name contains its visible words, first; single letters, symbols and names that already contain them stay as they are', () => {
  assert.equal(nameWithVisibleText('Heading 1', 'H1'), 'H1 Heading 1');
  assert.equal(nameWithVisibleText('Insert an operative provision', '+OP'), '+OP Insert an operative provision');
  assert.equal(nameWithVisibleText('Bold', 'B'), 'Bold');
  assert.equal(nameWithVisibleText('Gras', 'B'), 'Gras');
  assert.equal(nameWithVisibleText('Make this provision operative', 'OP'), 'OP Make this provision operative');
  assert.equal(nameWithVisibleText('Bulleted list', '•'), 'Bulleted list');
  assert.equal(nameWithVisibleText('Bracket as ALD', 'Bracket as ALD'), 'Bracket as ALD');
});
