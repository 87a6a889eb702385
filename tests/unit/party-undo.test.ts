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

/** Two provisions: "Alpha" agreed, "Bravo" open. */
function agreedDoc(): { doc: Y.Doc; fragment: Y.XmlFragment } {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
  const make = (id: string, state: string, words: string) => {
    const provision = new Y.XmlElement('provision');
    provision.setAttribute('id', id);
    provision.setAttribute('kind', 'operative');
    provision.setAttribute('state', state);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(words)]);
    provision.insert(0, [paragraph]);
    return provision;
  };
  fragment.insert(0, [make('alpha0000000', 'agreed', 'Alpha.'), make('bravo0000000', 'open', 'Bravo.')]);
  return { doc, fragment };
}

const layout = (fragment: Y.XmlFragment) =>
  fragment.toArray().map((element) => {
    const provision = element as Y.XmlElement;
    return `${String(provision.getAttribute('id'))}:${String(provision.getAttribute('state'))}`;
  });

test('undoing the deletion of an agreed provision brings back its words and id, but open; redo and undo keep working', () => {
  const { doc, fragment } = agreedDoc();
  const undo = partyAwareUndoManager(doc, () => ({ partyId: 'varenia', userId: 'v' }));
  doc.transact(() => fragment.delete(0, 1), ySyncPluginKey);
  assert.deepEqual(layout(fragment), ['bravo0000000:open']);

  undo.undo();
  assert.deepEqual(layout(fragment), ['alpha0000000:open', 'bravo0000000:open']);
  assert.ok(fragment.toString().includes('Alpha.'));
  assert.equal(undo.redoStack.length, 1, 'the undo can be redone');
  undo.redo();
  assert.deepEqual(layout(fragment), ['bravo0000000:open']);
  assert.equal(undo.undoStack.length, 1, 'and undone again');
  undo.undo();
  assert.deepEqual(layout(fragment), ['alpha0000000:open', 'bravo0000000:open']);
});

test('undoing a move of an agreed provision (attributes rewritten in place) puts it back agreed: nothing was taken from it', () => {
  const { doc, fragment } = agreedDoc();
  const undo = partyAwareUndoManager(doc, () => ({ partyId: 'varenia', userId: 'v' }));
  const [first, second] = fragment.toArray() as Y.XmlElement[];
  doc.transact(() => {
    first!.setAttribute('id', 'bravo0000000');
    first!.setAttribute('state', 'open');
    second!.setAttribute('id', 'alpha0000000');
    second!.setAttribute('state', 'agreed');
  }, ySyncPluginKey);
  assert.deepEqual(layout(fragment), ['bravo0000000:open', 'alpha0000000:agreed']);
  undo.undo();
  assert.deepEqual(layout(fragment), ['alpha0000000:agreed', 'bravo0000000:open']);
});
