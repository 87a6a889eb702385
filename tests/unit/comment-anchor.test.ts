import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import { contentToYUpdate } from '@/server/editor/document-content';
import { provisionIdsOf, resolveAnchor } from '@/server/services/comments/anchor';
import { base64ToBytes, bytesToBase64 } from '@/shared/comments/anchor-encoding';
import { COMMENT_QUOTE_MAX } from '@/shared/comments/comment-rules';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { anchorIn, encodePosition, textRuns } from '../helpers/comment-fixtures';

const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text: value, marks });
const provision = (id: string, ...content: JSONContent[]): JSONContent => ({
  type: 'provision',
  attrs: { id, kind: 'operative', state: 'open' },
  content,
});

function docOf(...content: JSONContent[]): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, contentToYUpdate({ type: 'doc', content }));
  return doc;
}

/** A second replica of `doc` (another client), and a way to send its changes back. */
function replicaOf(doc: Y.Doc) {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  return {
    other,
    sendTo: (target: Y.Doc) => Y.applyUpdate(target, Y.encodeStateAsUpdate(other, Y.encodeStateVector(target))),
  };
}

const refused = (fn: () => unknown, message: RegExp) =>
  assert.throws(fn, (error: Error & { code?: string }) => error.code === 'BAD_REQUEST' && message.test(error.message));

const standard = () =>
  docOf(
    { type: 'heading', attrs: { level: 1 }, content: [text('Section one')] },
    provision('provisiona001', paragraph(text('The parties commit to a ceasefire within 72 hours.'))),
    provision('provisionb002', paragraph(text('The mission shall report quarterly.'))),
  );

describe('reading the quote of an anchor', () => {
  test('the quote is the text between the two positions, in the provision that holds it', () => {
    const doc = standard();
    assert.deepEqual(resolveAnchor(doc, anchorIn(doc, 'a ceasefire').anchor), {
      quote: 'a ceasefire',
      provisionId: 'provisiona001',
    });
  });

  test('text in a section heading has no provision', () => {
    const doc = standard();
    assert.deepEqual(resolveAnchor(doc, anchorIn(doc, 'Section').anchor), { quote: 'Section', provisionId: null });
  });

  test('bracketed text is quoted as plain words, without its formatting', () => {
    const bracket = { type: 'bracket', attrs: { partyId: 'party-ald', userId: 'user-ald' } };
    const doc = docOf(
      provision('provisionc003', paragraph(text('within '), text('72 hours', [bracket]), text(' of signature'))),
    );
    assert.equal(resolveAnchor(doc, anchorIn(doc, 'within 72 hours of').anchor).quote, 'within 72 hours of');
  });

  test('the anchor follows its words through another client’s insert before them and deletion after them', () => {
    const doc = standard();
    const { anchor } = anchorIn(doc, 'a ceasefire');
    const { other, sendTo } = replicaOf(doc);
    const run = textRuns(other)[1]!;
    run.insert(0, 'Henceforth, ');
    run.delete(run.length - 'within 72 hours.'.length, 'within 72 hours.'.length);
    sendTo(doc);
    assert.equal(textRuns(doc)[1]!.toString(), 'Henceforth, The parties commit to a ceasefire ');
    assert.equal(resolveAnchor(doc, anchor).quote, 'a ceasefire');
  });

  test('words typed inside the anchored range become part of it', () => {
    const doc = standard();
    const { anchor } = anchorIn(doc, 'a ceasefire');
    textRuns(doc)[1]!.insert('The parties commit to a'.length, ' lasting');
    assert.equal(resolveAnchor(doc, anchor).quote, 'a lasting ceasefire');
  });

  test('every provision id of the document is known', () => {
    assert.deepEqual([...provisionIdsOf(standard())].sort(), ['provisiona001', 'provisionb002']);
  });
});

describe('anchors that are refused', () => {
  test('ends in two different paragraphs', () => {
    const doc = standard();
    const anchor = { start: anchorIn(doc, 'ceasefire').anchor.start, end: anchorIn(doc, 'quarterly').anchor.end };
    refused(() => resolveAnchor(doc, anchor), /within one paragraph/);
  });

  test('an end before the start, and an empty range', () => {
    const doc = standard();
    const { start, end } = anchorIn(doc, 'ceasefire').anchor;
    refused(() => resolveAnchor(doc, { start: end, end: start }), /before its start/);
    refused(() => resolveAnchor(doc, { start, end: start }), /empty/);
  });

  test('a quote longer than the limit', () => {
    const long = 'word '.repeat(COMMENT_QUOTE_MAX / 4);
    const doc = docOf(provision('provisiond004', paragraph(text(long))));
    refused(() => resolveAnchor(doc, anchorIn(doc, long.slice(0, COMMENT_QUOTE_MAX + 1)).anchor), /at most/);
    assert.equal(
      resolveAnchor(doc, anchorIn(doc, long.slice(0, COMMENT_QUOTE_MAX)).anchor).quote.length,
      COMMENT_QUOTE_MAX,
    );
  });

  test('positions that are not base64, not a relative position, or too long', () => {
    const doc = standard();
    const { end } = anchorIn(doc, 'ceasefire').anchor;
    for (const start of [
      'not base64!',
      'AAAA',
      bytesToBase64(new Uint8Array([255, 255, 255, 255, 255])),
      'A'.repeat(400),
    ])
      refused(() => resolveAnchor(doc, { start, end }), /could not be read|not in the stored compact text/);
  });

  test('positions in another document, in text deleted since, or in a different root type', () => {
    const doc = standard();
    const elsewhere = standard();
    refused(() => resolveAnchor(doc, anchorIn(elsewhere, 'ceasefire').anchor), /not in the stored compact text/);

    const { anchor } = anchorIn(doc, 'quarterly');
    doc.getXmlFragment(DOCUMENT_FIELD).delete(2, 1);
    refused(() => resolveAnchor(doc, anchor), /not in the stored compact text/);

    const other = doc.getText('elsewhere');
    other.insert(0, 'hello world');
    const outside = {
      start: encodePosition(Y.createRelativePositionFromTypeIndex(other, 0, -1)),
      end: encodePosition(Y.createRelativePositionFromTypeIndex(other, 5, -1)),
    };
    refused(() => resolveAnchor(doc, outside), /not in the stored compact text|within one paragraph/);
    const rootNamed = bytesToBase64(Y.encodeRelativePosition(new Y.RelativePosition(null, 'made-up', null, -1)));
    refused(() => resolveAnchor(doc, { start: rootNamed, end: rootNamed }), /not in the stored compact text/);
    assert.equal(doc.share.has('made-up'), false, 'a named root type is never created by reading an anchor');
  });
});

test('base64 round trip of anchor bytes, and text that is not base64', () => {
  const bytes = new Uint8Array([0, 1, 2, 250, 255, 128]);
  assert.deepEqual(base64ToBytes(bytesToBase64(bytes)), bytes);
  assert.equal(base64ToBytes('abc'), null);
  assert.equal(base64ToBytes('ab c'), null);
});
