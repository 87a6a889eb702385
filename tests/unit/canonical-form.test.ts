import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import { yDocToContent } from '@/server/editor/document-content';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { canonicalText, contentHash, CANONICAL_FORM_VERSION } from '@/shared/history/canonical-form';

const ALD = { partyId: 'party-ald', userId: 'user-ald-1' };
const ALD_COLLEAGUE = { partyId: 'party-ald', userId: 'user-ald-2' };
const VAR = { partyId: 'party-var', userId: 'user-var-1' };

/** A document holding one provision element whose paragraph's text `write` types. */
function docWith(provisionId: string, write: (text: Y.XmlText) => void, attrs: Record<string, string> = {}): Y.Doc {
  const doc = new Y.Doc();
  const provision = new Y.XmlElement('provision');
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  doc.transact(() => {
    doc.getXmlFragment(DOCUMENT_FIELD).insert(0, [provision]);
    provision.setAttribute('id', provisionId);
    provision.setAttribute('kind', attrs.kind ?? 'operative');
    provision.setAttribute('state', attrs.state ?? 'open');
    provision.insert(0, [paragraph]);
    paragraph.insert(0, [text]);
  });
  write(text);
  return doc;
}

const SENTENCE = 'The parties agree to meet every quarter.';
const BRACKETED = { from: SENTENCE.indexOf('every'), length: 'every quarter'.length };

/** Typed in one go, bracketed as one proposal. */
const typedInOrder = (text: Y.XmlText) => {
  text.insert(0, SENTENCE);
  text.format(BRACKETED.from, BRACKETED.length, { bracket: ALD });
};

/** Typed out of order with a typo corrected, bracketed in two goes by two colleagues of one party. */
const typedOutOfOrder = (text: Y.XmlText) => {
  text.insert(0, 'agree to meet every quarter.');
  text.insert(0, 'The partys ');
  text.delete('The part'.length, 'ys'.length);
  text.insert('The part'.length, 'ies');
  text.insert(SENTENCE.indexOf('every'), 'XX');
  text.delete(SENTENCE.indexOf('every'), 2);
  text.format(BRACKETED.from, 'every '.length, { bracket: ALD_COLLEAGUE });
  text.format(BRACKETED.from + 'every '.length, 'quarter'.length, { bracket: ALD });
};

const hashOf = (doc: Y.Doc) => contentHash(yDocToContent(doc));
const reference = () => hashOf(docWith('aaaaaaaaaaaa', typedInOrder));

describe('the canonical form of a compact text', () => {
  test('its content hash is the lowercase hex SHA-256 of the canonical text, under form version 1', () => {
    const content = yDocToContent(docWith('aaaaaaaaaaaa', typedInOrder));
    assert.equal(CANONICAL_FORM_VERSION, 1);
    assert.equal(contentHash(content), createHash('sha256').update(canonicalText(content), 'utf8').digest('hex'));
    assert.match(contentHash(content), /^[0-9a-f]{64}$/);
  });

  test('identical text from two different Yjs histories, under different provision ids, has the same hash', () => {
    const inOrder = docWith('aaaaaaaaaaaa', typedInOrder);
    const outOfOrder = docWith('bbbbbbbbbbbb', typedOutOfOrder);
    assert.notDeepEqual(Y.encodeStateAsUpdate(inOrder), Y.encodeStateAsUpdate(outOfOrder), 'different Yjs bytes');
    assert.notDeepEqual(yDocToContent(inOrder), yDocToContent(outOfOrder), 'different rendered JSON');
    assert.equal(hashOf(outOfOrder), hashOf(inOrder));
  });

  test('the canonical text keeps the bracket party, merges its pieces and leaves out ids and proposing persons', () => {
    const text = canonicalText(yDocToContent(docWith('bbbbbbbbbbbb', typedOutOfOrder)));
    assert.equal(
      text,
      '{"content":[{"attrs":{"kind":"operative","state":"open"},"content":[{"content":[' +
        '{"text":"The parties agree to meet ","type":"text"},' +
        '{"marks":[{"attrs":{"partyId":"party-ald"},"type":"bracket"}],"text":"every quarter","type":"text"},' +
        '{"text":".","type":"text"}],"type":"paragraph"}],"type":"provision"}],"type":"doc"}',
    );
  });

  test('marks applied in either order hash alike (schema order)', () => {
    const boldThenItalic = docWith('aaaaaaaaaaaa', (text) => {
      text.insert(0, SENTENCE);
      text.format(0, 3, { bold: {} });
      text.format(0, 3, { italic: {} });
    });
    const italicThenBold = docWith('aaaaaaaaaaaa', (text) => {
      text.insert(0, SENTENCE, { italic: {}, bold: {} });
      text.format(3, SENTENCE.length - 3, { italic: null, bold: null });
    });
    assert.equal(hashOf(italicThenBold), hashOf(boldThenItalic));
  });

  test('NFC and NFD input give the same hash', () => {
    const composed = docWith('aaaaaaaaaaaa', (text) => text.insert(0, 'Sécurité et coopération'.normalize('NFC')));
    const decomposed = docWith('aaaaaaaaaaaa', (text) => text.insert(0, 'Sécurité et coopération'.normalize('NFD')));
    assert.notEqual(yDocToContent(composed).content, yDocToContent(decomposed).content);
    assert.equal(hashOf(decomposed), hashOf(composed));
  });

  /** The reference text, then one more change. */
  const thenAlso = (change: (text: Y.XmlText) => void) => (text: Y.XmlText) => {
    typedInOrder(text);
    change(text);
  };
  const changes: [string, Y.Doc][] = [
    [
      'a word',
      docWith(
        'aaaaaaaaaaaa',
        thenAlso((text) => text.insert(4, 'two ')),
      ),
    ],
    [
      'a mark',
      docWith(
        'aaaaaaaaaaaa',
        thenAlso((text) => text.format(0, 3, { bold: {} })),
      ),
    ],
    ['the provision kind', docWith('aaaaaaaaaaaa', typedInOrder, { kind: 'preambular' })],
    ['the agreement state', docWith('aaaaaaaaaaaa', typedInOrder, { state: 'bracketed' })],
    [
      "a bracket's party",
      docWith(
        'aaaaaaaaaaaa',
        thenAlso((text) => text.format(BRACKETED.from, BRACKETED.length, { bracket: VAR })),
      ),
    ],
    ['taking a bracket off', docWith('aaaaaaaaaaaa', (text) => text.insert(0, SENTENCE))],
  ];
  for (const [what, changed] of changes) {
    test(`changing ${what} changes the hash`, () => {
      assert.notEqual(hashOf(changed), reference());
    });
  }

  test('a text the schema cannot read has no hash (an unknown node type is refused)', () => {
    const unknown: JSONContent = { type: 'doc', content: [{ type: 'mystery' }] };
    assert.throws(() => contentHash(unknown), RangeError);
  });
});
