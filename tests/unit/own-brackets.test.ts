import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { compactTextSchema } from '@/server/editor/document-content';
import { ownBracketsPlugin } from '@/shared/editor/negotiation/own-brackets';

const me = { partyId: 'aldoria', userId: 'amina' };
const schema = compactTextSchema();

/** "The Mission shall [protect civilians] now." bracketed by `owner`. */
function stateWithBracketBy(owner: { partyId: string; userId: string }): EditorState {
  const bracket = schema.marks.bracket!.create(owner);
  const paragraph = schema.nodes.paragraph!.create(null, [
    schema.text('The Mission shall '),
    schema.text('protect civilians', [bracket]),
    schema.text(' now.'),
  ]);
  const doc = schema.nodes.doc!.create(null, schema.nodes.provision!.create({ id: 'p00000000001' }, paragraph));
  return EditorState.create({ doc, plugins: [ownBracketsPlugin(() => me)] });
}

/** Each bracketed run as "words:person". */
const bracketRuns = (doc: ProseMirrorNode) => {
  const runs: string[] = [];
  doc.descendants((node) => {
    const mark = node.marks.find((m) => m.type.name === 'bracket');
    if (node.isText && mark) runs.push(`${node.text}:${String(mark.attrs.userId)}`);
  });
  return runs;
};
const inside = 1 + 1 + 'The Mission shall protect'.length; // provision and paragraph openings, then the words

test('words typed inside a colleague’s bracket are bracketed in my own name (the server refuses another person’s name)', () => {
  const state = stateWithBracketBy({ partyId: 'aldoria', userId: 'bruno' });
  const typed = state.applyTransaction(state.tr.insertText(' all', inside)).state;
  assert.deepEqual(bracketRuns(typed.doc), ['protect:bruno', ' all:amina', ' civilians:bruno']);
});

test('my own bracket, another party’s bracket and a collaborator’s change are left as they are', () => {
  const mine = stateWithBracketBy(me);
  assert.deepEqual(bracketRuns(mine.applyTransaction(mine.tr.insertText(' all', inside)).state.doc), [
    'protect all civilians:amina',
  ]);
  const colleague = stateWithBracketBy({ partyId: 'aldoria', userId: 'bruno' });
  const remote = colleague.tr.insertText(' all', inside).setMeta(ySyncPluginKey, { isChangeOrigin: true });
  assert.deepEqual(bracketRuns(colleague.applyTransaction(remote).state.doc), ['protect all civilians:bruno']);
  const other = stateWithBracketBy({ partyId: 'varenia', userId: 'vera' });
  assert.deepEqual(bracketRuns(other.applyTransaction(other.tr.insertText(' all', inside)).state.doc), [
    'protect all civilians:vera',
  ]);
});
