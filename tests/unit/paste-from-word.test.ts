import { enT } from '../helpers/i18n';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Fragment, Slice, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { pasteNoticeText } from '@/app/compacts/[compactId]/_components/paste-notice-text';
import { compactTextSchema } from '@/server/editor/document-content';
import { nestListItems } from '@/shared/editor/paste/list-nesting';
import { fitPastedSlice, sectionInsertRange } from '@/shared/editor/paste/pasted-structure';
import {
  isOrderedMarker,
  isWordHtml,
  parseMsoList,
  pasteLossesIn,
  stripWordMarkup,
} from '@/shared/editor/paste/word-markup';

/** A fragment of Word's clipboard HTML: a heading, a bulleted list, a picture (VML and fallback), a text box, a comment, a link. */
const WORD_HTML = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head><style><!-- p.MsoNormal {margin:0cm;} --></style><xml><o:DocumentProperties><o:Author>A</o:Author></o:DocumentProperties></xml></head>
<body lang=EN-GB><!--StartFragment-->
<h1>Roles<o:p></o:p></h1>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Police reform<o:p></o:p></p>
<p class=MsoNormal><!--[if gte vml 1]><v:shape id="Picture_x0020_1" type="#_x0000_t75">
 <v:imagedata src="file:///C:/clip_image001.png" o:title=""/>
</v:shape><![endif]--><![if !vml]><img width=100 height=50 src="file:///C:/clip_image002.png" v:shapes="Picture_x0020_1"><![endif]></p>
<!--[if gte vml 1]><v:shape id="Text_x0020_Box_x0020_2" type="#_x0000_t202"><v:textbox><w:txbxContent><p>Boxed</p></w:txbxContent></v:textbox></v:shape><![endif]-->
<p class=MsoNormal>See <a href="https://example.org/mandate">the mandate</a><a class=msocomanchor id="_anchor_1" href="#_msocom_1">[A1]</a></p>
<div style='mso-element:comment-list'><div style='mso-element:comment'><p class=MsoCommentText>Check this</p></div></div>
<!--EndFragment--></body></html>`;

describe('Word’s clipboard HTML', () => {
  test('is recognised by its Office markup; ordinary HTML is not', () => {
    assert.equal(isWordHtml(WORD_HTML), true);
    assert.equal(isWordHtml('<p class="MsoNormal">x</p>'), true);
    assert.equal(isWordHtml('<p>Plain <b>HTML</b></p><table><tr><td>1</td></tr></table>'), false);
  });

  test('what the text cannot hold is found before cleaning: images, text boxes, comments and links', () => {
    assert.deepEqual([...pasteLossesIn(WORD_HTML)].sort(), ['comments', 'images', 'links', 'textBoxes']);
    assert.deepEqual([...pasteLossesIn('<p>Text with <a href="#top">an in-page anchor</a></p>')], []);
    assert.deepEqual([...pasteLossesIn('<p><img src="x.png"></p>')], ['images']);
    assert.deepEqual(
      [
        ...pasteLossesIn(
          '<!--[if gte vml 1]><v:shape type="#_x0000_t75">\n <v:imagedata src="a.png"/></v:shape><![endif]-->',
        ),
      ],
      ['images'],
      'a VML picture is an image, not a shape',
    );
    assert.deepEqual(
      [...pasteLossesIn('<v:shape type="#_x0000_t202"><v:textbox><p>Boxed</p></v:textbox></v:shape>')],
      ['textBoxes'],
      'a text box is not counted as a drawing',
    );
  });

  test('Office-only markup is stripped as text: conditional comments, downlevel markers, xml, style, head, o:p', () => {
    const stripped = stripWordMarkup(WORD_HTML);
    for (const gone of [
      '<!--[if',
      '<![if',
      '<![endif]>',
      '<xml>',
      '<style>',
      '<o:p>',
      '<v:',
      'DocumentProperties',
      'Boxed',
    ])
      assert.ok(!stripped.includes(gone), `${gone} is gone`);
    assert.ok(stripped.includes('<h1>Roles</h1>'), 'the heading stays');
    assert.ok(stripped.includes("mso-list:Ignore'>·"), 'the list marker stays, to tell bullets from numbers');
    assert.ok(stripped.includes('<img width=100'), 'the fallback image is left for the DOM step (which removes it)');
  });

  test('a list paragraph’s place is read from its mso-list style; other styles have none', () => {
    assert.deepEqual(parseMsoList('text-indent:-18.0pt;mso-list:l0 level1 lfo1'), { list: 'l0', level: 1 });
    assert.deepEqual(parseMsoList('MSO-LIST: L3 LEVEL2 LFO4'), { list: 'l3', level: 2 });
    assert.equal(parseMsoList('mso-list:Ignore'), null);
    assert.equal(parseMsoList('mso-list:none'), null);
    assert.equal(parseMsoList(null), null);
  });

  test('numbered markers are told from bullets', () => {
    for (const marker of ['1.', '12)', 'a)', '(iv)', 'IV.', '2.1', '3\u00a0\u00a0'])
      assert.equal(isOrderedMarker(marker), true, marker);
    for (const marker of ['·', 'o', '§', '•', '-', '▪', '']) assert.equal(isOrderedMarker(marker), false, marker);
  });
});

describe('Word’s flat list paragraphs become nested lists', () => {
  const item = (level: number, ordered: boolean, content: string) => ({ level, ordered, content });

  test('deeper levels nest under the previous item and shallower ones return to their list', () => {
    const lists = nestListItems([
      item(1, true, 'a'),
      item(2, false, 'a.i'),
      item(2, false, 'a.ii'),
      item(1, true, 'b'),
    ]);
    assert.deepEqual(lists, [
      {
        ordered: true,
        items: [
          {
            content: 'a',
            children: [
              {
                ordered: false,
                items: [
                  { content: 'a.i', children: [] },
                  { content: 'a.ii', children: [] },
                ],
              },
            ],
          },
          { content: 'b', children: [] },
        ],
      },
    ]);
  });

  test('switching between numbers and bullets at one level starts a new list; a jump of levels nests one deeper', () => {
    const lists = nestListItems([item(1, false, 'x'), item(1, true, 'y'), item(3, false, 'z')]);
    assert.equal(lists.length, 2);
    assert.deepEqual(lists[0], { ordered: false, items: [{ content: 'x', children: [] }] });
    assert.deepEqual(lists[1]!.items[0]!.children, [{ ordered: false, items: [{ content: 'z', children: [] }] }]);
    assert.deepEqual(nestListItems([item(2, false, 'starts deep')]), [
      { ordered: false, items: [{ content: 'starts deep', children: [] }] },
    ]);
  });
});

describe('headings in a paste are fitted to where it lands', () => {
  const schema = compactTextSchema();
  const p = (text: string) => schema.nodes.paragraph!.create(null, schema.text(text));
  const h = (text: string) => schema.nodes.heading!.create({ level: 2 }, schema.text(text));
  const list = (text: string) => schema.nodes.bulletList!.create(null, schema.nodes.listItem!.create(null, p(text)));
  const provision = (id: string, ...blocks: ProseMirrorNode[]) =>
    schema.nodes.provision!.create({ id, kind: 'operative', state: 'open' }, blocks);
  const doc = schema.nodes.doc!.create(null, [
    provision('p-1', p('Before after.')),
    provision(
      'p-2',
      schema.nodes.table!.create(
        null,
        schema.nodes.tableRow!.create(null, schema.nodes.tableCell!.create(null, p('Cell'))),
      ),
    ),
  ]);
  const at = (pos: number) => EditorState.create({ doc, selection: TextSelection.create(doc, pos) });
  const pasted = new Slice(Fragment.from([p('One'), h('Section'), p('Two'), list('item'), p('Three')]), 1, 1);
  const outline = (node: ProseMirrorNode) => {
    const lines: string[] = [];
    node.forEach((child) =>
      lines.push(`${child.type.name}${child.attrs.id ? `#${child.attrs.id}` : ''}: ${child.textContent}`),
    );
    return lines;
  };

  test('in a provision’s text, the paste becomes sections and provisions (one per paragraph, a list joining its paragraph) and the provision is split around it', () => {
    const state = at(8); // after "Before"
    const fitted = fitPastedSlice(pasted, state.selection.$from, schema);
    assert.equal(fitted.headingsAsText, false);
    assert.equal(sectionInsertRange(state.selection.$from), null, 'inside the text: split');
    const after = state.tr.replaceSelection(fitted.slice).doc;
    after.check();
    assert.deepEqual(outline(after), [
      'provision#p-1: Before',
      'provision: One',
      'heading: Section',
      'provision: Two' + 'item',
      'provision: Three',
      'provision#p-1:  after.', // the split-off half: the editor's ProvisionIds gives it a new id
      'provision#p-2: Cell',
    ]);
  });

  test('at the start or end of a provision, sections and provisions go before or after it, which keeps its text and id whole', () => {
    const start = at(2).selection.$from;
    const end = at(15).selection.$from;
    assert.deepEqual(sectionInsertRange(start), { from: 0, to: 0 });
    assert.deepEqual(sectionInsertRange(end), { from: doc.child(0).nodeSize, to: doc.child(0).nodeSize });
    const fitted = fitPastedSlice(pasted, end, schema).slice;
    const after = at(15).tr.replaceRange(doc.child(0).nodeSize, doc.child(0).nodeSize, fitted).doc;
    after.check();
    assert.deepEqual(outline(after).slice(0, 3), [
      'provision#p-1: Before after.',
      'provision: One',
      'heading: Section',
    ]);
  });

  test('an empty provision is replaced by the pasted sections and provisions', () => {
    const empty = schema.nodes.doc!.create(null, [provision('p-9', schema.nodes.paragraph!.create())]);
    const state = EditorState.create({ doc: empty, selection: TextSelection.create(empty, 2) });
    assert.deepEqual(sectionInsertRange(state.selection.$from), { from: 0, to: empty.child(0).nodeSize });
  });

  test('in a table cell, headings become bold paragraphs and the paste says so', () => {
    const state = at(doc.child(0).nodeSize + 5); // inside "Cell"
    assert.equal(state.selection.$from.parent.textContent, 'Cell');
    const fitted = fitPastedSlice(pasted, state.selection.$from, schema);
    assert.equal(fitted.headingsAsText, true);
    const heading = fitted.slice.content.child(1);
    assert.equal(heading.type.name, 'paragraph');
    assert.equal(heading.textContent, 'Section');
    assert.ok(heading.firstChild!.marks.some((mark) => mark.type.name === 'bold'));
    const after = state.tr.replaceSelection(fitted.slice).doc;
    after.check();
    assert.equal(after.childCount, 2, 'no section was started: the table and its provision hold the paste');
  });

  test('a paste without headings, or of provisions copied from a compact text, is left as it is', () => {
    const $from = at(8).selection.$from;
    const plain = new Slice(Fragment.from([p('One'), p('Two')]), 1, 1);
    assert.equal(fitPastedSlice(plain, $from, schema).slice, plain);
    const copied = new Slice(Fragment.from([h('Section'), provision('p-1', p('Copied'))]), 0, 0);
    assert.equal(fitPastedSlice(copied, $from, schema).slice, copied);
  });
});

test('the paste notice names what was left out, what was kept as plain text and headings kept as bold text', () => {
  assert.equal(
    pasteNoticeText(enT, 'en-GB', ['images', 'textBoxes']),
    'Left out of the pasted text: images and text boxes.',
  );
  assert.equal(
    pasteNoticeText(enT, 'en-GB', ['comments', 'images', 'links', 'textBoxes']),
    'Left out of the pasted text: Word comments, images and text boxes. Links were kept as plain text.',
  );
  assert.equal(
    pasteNoticeText(enT, 'en-GB', ['headingsAsText']),
    'Headings pasted into a table, an option or a list were kept as bold text.',
  );
});
