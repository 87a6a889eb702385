import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { partyAwareUndoManager } from '@/shared/editor/negotiation/party-undo';

function paragraphDoc(): { doc: Y.Doc; text: Y.XmlText } {
  const doc = new Y.Doc();
  const provision = new Y.XmlElement('provision');
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText('The parties shall meet.');
  paragraph.insert(0, [text]);
  provision.insert(0, [paragraph]);
  doc.getXmlFragment(DOCUMENT_FIELD).insert(0, [provision]);
  return { doc, text };
}

test('undoing my insertion leaves the words another party has since bracketed (the server would refuse deleting them)', () => {
  const { doc, text } = paragraphDoc();
  const undo = partyAwareUndoManager(doc, () => ({ partyId: 'varenia', userId: 'v' }));
  doc.transact(() => text.insert(12, 'quarterly and '), ySyncPluginKey);
  // Aldoria (a remote change) brackets part of what Varenia typed.
  doc.transact(() => text.format(12, 9, { bracket: { partyId: 'aldoria', userId: 'a' } }), 'remote');
  undo.undo();
  const plain = (text.toDelta() as { insert: string }[]).map((run) => run.insert).join('');
  assert.equal(plain, 'The parties quarterlyshall meet.', 'Aldoria’s bracketed words stay; the rest is undone');
});

test('undoing my insertion still removes what nobody else bracketed', () => {
  const { doc, text } = paragraphDoc();
  const undo = partyAwareUndoManager(doc, () => ({ partyId: 'varenia', userId: 'v' }));
  doc.transact(() => text.insert(12, 'quarterly and '), ySyncPluginKey);
  undo.undo();
  assert.equal(text.toString(), 'The parties shall meet.');
});
