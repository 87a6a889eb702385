import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import {
  mapPlace,
  placeByAnchor,
  type HighlightAnchor,
} from '@/app/compacts/[compactId]/_components/comments/anchor-places';
import { toRelative, type YBinding } from '@/app/compacts/[compactId]/_components/comments/y-positions';
import { compactTextSchema, contentToYUpdate } from '@/server/editor/document-content';
import { resolveAnchor } from '@/server/services/comments/anchor';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { encodePosition, textRuns } from '../helpers/comment-fixtures';

const bracket = { type: 'bracket', attrs: { partyId: 'party-ald', userId: 'user-ald' } };

function textDoc() {
  const ydoc = new Y.Doc();
  Y.applyUpdate(
    ydoc,
    contentToYUpdate({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Ceasefire' }] },
        {
          type: 'provision',
          attrs: { id: 'provisiona001', kind: 'operative', state: 'open' },
          content: [
            {
              type: 'paragraph',
              content: [
                { type: 'text', text: 'The parties commit to ' },
                { type: 'text', text: 'a ceasefire', marks: [bracket] },
                { type: 'text', text: ' within 72 hours.' },
              ],
            },
          ],
        },
      ],
    }),
  );
  return ydoc;
}

/** The editor's view of the Yjs document: its ProseMirror document and the binding's mapping. */
function editorView(ydoc: Y.Doc): { doc: ProseMirrorNode; binding: YBinding } {
  const fragment = ydoc.getXmlFragment(DOCUMENT_FIELD);
  const { doc, mapping } = initProseMirrorDoc(fragment, compactTextSchema());
  return { doc, binding: { ydoc, fragment, mapping } };
}

/** Positions of the first occurrence of `phrase` in a text block. */
function rangeOf(doc: ProseMirrorNode, phrase: string): { from: number; to: number } {
  let range: { from: number; to: number } | null = null;
  doc.descendants((node, pos) => {
    if (range || !node.isTextblock) return !range;
    const index = node.textContent.indexOf(phrase);
    if (index >= 0) range = { from: pos + 1 + index, to: pos + 1 + index + phrase.length };
    return false;
  });
  if (!range) throw new Error(`"${phrase}" not found`);
  return range;
}

/** What the browser does on "Comment": the selection's relative positions. */
function browserAnchor(ydoc: Y.Doc, phrase: string): HighlightAnchor & { encoded: { start: string; end: string } } {
  const { doc, binding } = editorView(ydoc);
  const { from, to } = rangeOf(doc, phrase);
  const start = toRelative(binding, from);
  const end = toRelative(binding, to);
  return {
    id: 't1',
    start,
    end,
    provisionId: 'provisiona001',
    quote: phrase,
    resolved: false,
    encoded: { start: encodePosition(start), end: encodePosition(end) },
  };
}

function editElsewhere(ydoc: Y.Doc, edit: (run: Y.XmlText) => void) {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
  edit(textRuns(other)[1]!);
  Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(ydoc)));
}

const textAt = (doc: ProseMirrorNode, place: ReturnType<typeof placeByAnchor>) =>
  place.kind === 'text' ? doc.textBetween(place.from, place.to) : place.kind;

describe('anchors made in the browser', () => {
  for (const phrase of ['a ceasefire', 'The parties', 'within 72 hours.', 'commit to a cease', 'Ceasefire']) {
    test(`the server reads the same words the browser selected: “${phrase}”`, () => {
      const ydoc = textDoc();
      const anchor = browserAnchor(ydoc, phrase);
      assert.equal(resolveAnchor(ydoc, anchor.encoded).quote, phrase);
    });
  }

  test('the highlight lands on the same words after another client inserted before them', () => {
    const ydoc = textDoc();
    const anchor = browserAnchor(ydoc, 'a ceasefire');
    editElsewhere(ydoc, (run) => run.insert(0, 'Recalling resolution 2719, '));
    const { doc, binding } = editorView(ydoc);
    assert.equal(textAt(doc, placeByAnchor(doc, binding, anchor)), 'a ceasefire');
  });

  test('when the words are deleted the thread falls back to its provision, and finds its quote again if re-typed there', () => {
    const ydoc = textDoc();
    const anchor = browserAnchor(ydoc, 'a ceasefire');
    editElsewhere(ydoc, (run) => run.delete('The parties commit to '.length, 'a ceasefire'.length));
    let view = editorView(ydoc);
    assert.deepEqual(placeByAnchor(view.doc, view.binding, anchor), { kind: 'provision', pos: 11 });
    editElsewhere(ydoc, (run) => run.insert(run.length, ' Hence a ceasefire'));
    view = editorView(ydoc);
    const place = placeByAnchor(view.doc, view.binding, anchor);
    assert.equal(textAt(view.doc, place), 'a ceasefire');
    assert.equal(place.kind === 'text' && place.refound, true);
  });

  test('when its provision is deleted too, the thread’s text is gone', () => {
    const ydoc = textDoc();
    const anchor = browserAnchor(ydoc, 'a ceasefire');
    ydoc.getXmlFragment(DOCUMENT_FIELD).delete(1, 1);
    const { doc, binding } = editorView(ydoc);
    assert.deepEqual(placeByAnchor(doc, binding, anchor), { kind: 'gone' });
  });

  test('local edits carry a highlight along; deleting its words falls back to the provision', () => {
    const ydoc = textDoc();
    const anchor = browserAnchor(ydoc, 'a ceasefire');
    const { doc, binding } = editorView(ydoc);
    const place = placeByAnchor(doc, binding, anchor);
    const typed = new Transform(doc).insert(rangeOf(doc, 'The').from, compactTextSchema().text('Now '));
    const moved = mapPlace(place, typed.mapping, typed.doc, anchor);
    assert.equal(textAt(typed.doc, moved), 'a ceasefire');
    const { from, to } = rangeOf(typed.doc, 'a ceasefire');
    const cut = new Transform(typed.doc).delete(from, to);
    assert.equal(mapPlace(moved, cut.mapping, cut.doc, anchor).kind, 'provision');
  });
});
