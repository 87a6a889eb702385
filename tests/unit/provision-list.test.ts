import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { JSONContent } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import { compactTextSchema } from '@/server/editor/document-content';
import { listProvisions } from '@/shared/negotiation/provisions';

const ALD = { partyId: 'party-ald', userId: 'user-ald' };
const provision = (i: number): JSONContent => ({
  type: 'provision',
  attrs: { id: `abcdef${String(i).padStart(6, '0')}`, kind: 'operative', state: 'open' },
  content: [{ type: 'paragraph', content: [{ type: 'text', text: `Provision ${i} says this.` }] }],
});

test('the live provision list re-reads only the provisions an edit changed, and reads them right', () => {
  const schema = compactTextSchema();
  const doc = schema.nodeFromJSON({ type: 'doc', content: Array.from({ length: 30 }, (_, i) => provision(i)) });
  let state = EditorState.create({ doc });
  const before = listProvisions(state.doc);

  const third = before[2]!;
  const bracket = schema.marks.bracket!.create(ALD);
  state = state.apply(state.tr.addMark(third.pos + 2, third.pos + 11, bracket).insertText('Now ', third.pos + 2));
  const after = listProvisions(state.doc);

  assert.deepEqual(after[2]!.bracketParties, ['party-ald'], 'the edited provision is read again');
  assert.equal(after[2]!.firstWords, 'Now Provision 2 says this.');
  assert.equal(after[20]!.firstWords, 'Provision 20 says this.');
  for (const index of [0, 1, 3, 20, 29])
    assert.equal(after[index]!.bracketParties, before[index]!.bracketParties, `provision ${index} is not walked again`);
});
