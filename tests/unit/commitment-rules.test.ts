import assert from 'node:assert/strict';
import { test } from 'node:test';
import { english } from '../helpers/i18n';
import { MAX_SUPPORTING_PARTIES, supportingPartiesProblem } from '@/shared/framework/commitment-rules';

test('supporting parties: none or several distinct ones other than the lead are fine', () => {
  assert.equal(supportingPartiesProblem('lead', []), null);
  assert.equal(supportingPartiesProblem('lead', ['a', 'b']), null);
});

test('supporting parties: the lead party, a party twice, or too many are each refused with their own reason', () => {
  assert.match(
    english(supportingPartiesProblem('lead', ['a', 'lead'])),
    /lead party cannot also be a supporting party/,
  );
  assert.match(english(supportingPartiesProblem('lead', ['a', 'a'])), /each supporting party once/);
  const many = Array.from({ length: MAX_SUPPORTING_PARTIES + 1 }, (_, i) => `p${i}`);
  assert.match(english(supportingPartiesProblem('lead', many)), new RegExp(`at most ${MAX_SUPPORTING_PARTIES}`));
  assert.equal(supportingPartiesProblem('lead', many.slice(1)), null);
});
