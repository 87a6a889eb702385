import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { tableEditing } from '@tiptap/pm/tables';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { compactTextSchema } from '@/server/editor/document-content';
import { repairsAfterLocalEditsOnly } from '@/shared/editor/compact-table';

test('an irregular table is repaired after a local edit, but not after a collaborator’s change (which every editor would repair at once)', () => {
  const schema = compactTextSchema();
  const paragraph = (text: string) => schema.nodes.paragraph!.create(null, schema.text(text));
  const cell = (text: string) => schema.nodes.tableCell!.create(null, paragraph(text));
  // The second row is one cell short, as after concurrent column edits.
  const table = schema.nodes.table!.create(null, [
    schema.nodes.tableRow!.create(null, [cell('a'), cell('b')]),
    schema.nodes.tableRow!.create(null, [cell('c')]),
  ]);
  const doc = schema.nodes.doc!.create(null, schema.nodes.provision!.create({ id: null }, [paragraph('Intro'), table]));
  const state = EditorState.create({
    doc,
    selection: TextSelection.create(doc, 3),
    plugins: [repairsAfterLocalEditsOnly(tableEditing())],
  });
  let inShortRow = -1; // inside the text "c", in the short row
  doc.descendants((node, pos) => {
    if (node.isText && node.text === 'c') inShortRow = pos + 1;
  });
  const cellsInLastRow = (s: EditorState) => s.doc.firstChild!.child(1).lastChild!.childCount;

  const remote = state.tr.insertText('!', inShortRow).setMeta(ySyncPluginKey, { isChangeOrigin: true });
  assert.equal(cellsInLastRow(state.apply(remote)), 1, 'left for the collaborator’s own editor');
  assert.equal(cellsInLastRow(state.applyTransaction(remote).state), 1);

  const local = state.tr.insertText('?', inShortRow);
  assert.equal(cellsInLastRow(state.applyTransaction(local).state), 2, 'repaired after a local edit');
});
