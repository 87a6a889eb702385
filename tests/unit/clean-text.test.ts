import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { JSONContent } from '@tiptap/core';
import { demoCompactText } from '@/server/editor/demo-compact-text';
import { compactTextSchema } from '@/server/editor/document-content';
import { cleanPlainText, cleanText, type CleanProvision } from '@/shared/negotiation/clean-text';

const ALD = { partyId: 'party-ald', userId: 'user-ald' };
const VAR = { partyId: 'party-var', userId: 'user-var' };
const MIS = { partyId: 'party-mis', userId: 'user-mis' };

const text = (value: string, by?: typeof ALD, marks: JSONContent['marks'] = []): JSONContent => ({
  type: 'text',
  text: value,
  marks: [...(marks ?? []), ...(by ? [{ type: 'bracket', attrs: by }] : [])],
});
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
let sequence = 0;
const provision = (content: JSONContent[], attrs: { kind?: string; state?: string } = {}): JSONContent => ({
  type: 'provision',
  attrs: { id: `prov${String(++sequence).padStart(8, '0')}`, kind: 'operative', state: 'open', ...attrs },
  content,
});
const heading = (value: string): JSONContent => ({ type: 'heading', attrs: { level: 2 }, content: [text(value)] });
const docOf = (...content: JSONContent[]) => compactTextSchema().nodeFromJSON({ type: 'doc', content });
const provisions = (blocks: ReturnType<typeof cleanText>) =>
  blocks.filter((block): block is CleanProvision => block.type === 'provision');

describe('the clean text', () => {
  test('leaves out the bracketed text of every party and keeps the agreed words around it', () => {
    const doc = docOf(
      provision([
        paragraph(
          text('Any restriction shall be notified'),
          text(' within 72 hours', ALD),
          text(' within 24 hours', VAR),
          text(' and reviewed by the Committee', undefined),
          text(' [in every district]', MIS),
          text('.'),
        ),
      ]),
    );
    assert.equal(cleanPlainText(cleanText(doc)), '1. Any restriction shall be notified and reviewed by the Committee.');
  });

  test('collapses the double space a bracket in the middle of a sentence leaves', () => {
    const doc = docOf(provision([paragraph(text('The Mission '), text('alone', ALD), text(' shall report.'))]));
    assert.equal(cleanPlainText(cleanText(doc)), '1. The Mission shall report.');
  });

  test('keeps formatting other than brackets', () => {
    const doc = docOf(provision([paragraph(text('Shall', undefined, [{ type: 'bold' }]), text(' act.'))]));
    const [clean] = provisions(cleanText(doc));
    assert.deepEqual(clean!.blocks, [
      {
        type: 'paragraph',
        runs: [
          { text: 'Shall', marks: ['bold'] },
          { text: ' act.', marks: [] },
        ],
      },
    ]);
  });

  test('shows none of the wordings of a provision whose options are open, only how many options wait', () => {
    const option = (by: typeof ALD, value: string): JSONContent => ({
      type: 'option',
      attrs: by,
      content: [paragraph(text(value))],
    });
    const doc = docOf(
      provision([
        paragraph(text('Original wording.')),
        option(ALD, 'Aldoria wording.'),
        option(MIS, 'Mission wording.'),
      ]),
      provision([paragraph(text('Next.'))]),
    );
    const [withOptions, next] = provisions(cleanText(doc));
    assert.equal(withOptions!.pendingOptions, 2);
    assert.deepEqual(withOptions!.blocks, []);
    assert.equal(next!.pendingOptions, 0);
    const plain = cleanPlainText(cleanText(doc));
    assert.equal(plain, '1. [2 options pending]\n2. Next.');
    for (const wording of ['Original', 'Aldoria', 'Mission']) assert.ok(!plain.includes(wording));
  });

  test('cleans nested lists and drops list items that were entirely bracketed', () => {
    const item = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });
    const doc = docOf(
      provision([
        paragraph(text('The parties shall:')),
        {
          type: 'orderedList',
          attrs: { start: 1 },
          content: [
            item(paragraph(text('report quarterly'))),
            item(paragraph(text('open every base', ALD))),
            item(paragraph(text('train contingents')), {
              type: 'bulletList',
              content: [item(paragraph(text('before deployment'))), item(paragraph(text('every year', VAR)))],
            }),
          ],
        },
      ]),
    );
    const [clean] = provisions(cleanText(doc));
    const list = clean!.blocks[1]!;
    assert.equal(list.type, 'list');
    if (list.type !== 'list') return;
    assert.equal(list.ordered, true);
    assert.equal(list.items.length, 2);
    const nested = list.items[1]![1]!;
    assert.equal(nested.type === 'list' && nested.items.length, 1);
    assert.equal(
      cleanPlainText(cleanText(doc)),
      '1. The parties shall:\nreport quarterly\ntrain contingents\nbefore deployment',
    );
  });

  test('numbers operative provisions as the negotiation text does and gives agreed provisions unchanged', () => {
    const doc = docOf(
      heading('Priorities'),
      provision([paragraph(text('Recalling the mandate,'))], { kind: 'preambular', state: 'agreed' }),
      provision([paragraph(text('Entirely bracketed.', ALD))]),
      provision([paragraph(text('Agreed words.'))], { state: 'agreed' }),
    );
    const blocks = cleanText(doc);
    assert.deepEqual(
      provisions(blocks).map((p) => [p.label, p.number, p.state, p.blocks.length]),
      [
        ['PP 1', null, 'agreed', 1],
        ['OP 1', 1, 'open', 0],
        ['OP 2', 2, 'agreed', 1],
      ],
    );
    assert.equal(cleanPlainText(blocks), 'Priorities\nRecalling the mandate,\n1.\n2. Agreed words.');
  });

  test('of a text with nothing agreed yet is empty provisions only', () => {
    const doc = docOf(provision([paragraph(text('Everything', ALD), text(' is bracketed', VAR))]));
    const blocks = cleanText(doc);
    assert.deepEqual(provisions(blocks)[0]!.blocks, []);
    assert.equal(cleanPlainText(blocks), '1.');
    assert.equal(cleanPlainText(cleanText(docOf(provision([paragraph()])))), '1.');
  });

  test('of the demo compact has no bracketed words and a placeholder for the provision with two options', () => {
    const { content } = demoCompactText({ aldoria: ALD, varenia: VAR, mission: MIS });
    const plain = cleanPlainText(cleanText(compactTextSchema().nodeFromJSON(content)));
    assert.ok(!plain.includes('within 72 hours'));
    assert.ok(!plain.includes('national ownership'));
    assert.ok(plain.includes('[2 options pending]'));
    assert.ok(plain.includes('Political priorities'));
  });
});
