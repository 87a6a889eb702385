import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { JSONContent } from '@tiptap/core';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { compactTextSchema, yDocToContent } from '@/server/editor/document-content';
import { loadDoc } from '@/server/services/document-store';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { waitFor, waitForSync } from '../helpers/collab-client';
import { collabTestEnvironment } from '../helpers/collab-server';
import { buildCompact, memberWithRole } from '../helpers/factories';

const env = collabTestEnvironment();
const { db, connect } = env;

const cell = (type: 'tableHeader' | 'tableCell', text: string, attrs: Record<string, unknown> = {}): JSONContent => ({
  type,
  attrs,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** A responsibility matrix: a header row, a cell spanning two columns, a set column width and a list in a cell. */
const MATRIX: JSONContent = {
  type: 'table',
  content: [
    {
      type: 'tableRow',
      content: [
        cell('tableHeader', 'Task', { colwidth: [160] }),
        cell('tableHeader', 'Lead'),
        cell('tableHeader', 'Support'),
      ],
    },
    {
      type: 'tableRow',
      content: [
        cell('tableCell', 'Police reform'),
        cell('tableCell', 'Aldoria and the Mission', { colspan: 2, align: 'center' }),
      ],
    },
    {
      type: 'tableRow',
      content: [
        cell('tableCell', 'Elections', { rowspan: 1 }),
        cell('tableCell', 'Varenia'),
        {
          type: 'tableCell',
          content: [
            {
              type: 'bulletList',
              content: [
                { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'UNDP' }] }] },
              ],
            },
          ],
        },
      ],
    },
  ],
};

/** Writes the table at the end of the first provision the way the browser editor does (y-prosemirror's diff). */
function appendTableToFirstProvision(doc: Y.Doc) {
  const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
  const schema = compactTextSchema();
  const current = yXmlFragmentToProseMirrorRootNode(fragment, schema).toJSON() as JSONContent;
  const [first, ...rest] = current.content!;
  const edited = { ...current, content: [{ ...first, content: [...first!.content!, MATRIX] }, ...rest] };
  const next = schema.nodeFromJSON(edited);
  next.check();
  doc.transact(() => updateYFragment(doc, fragment, next, { mapping: new Map(), isOMark: new Map() }));
}

const tableIn = (content: JSONContent) => content.content?.[0]?.content?.find((block) => block.type === 'table');

test('a table written into a provision by one client (header row, colspan, rowspan, column width, align, a list in a cell) reaches another client and is stored', async () => {
  const compactId = buildCompact(db, { text: 'The parties share the tasks below.' }).id;
  const writer = connect(compactId, (await memberWithRole(db, compactId, 'negotiator')).cookie);
  const reader = connect(compactId, (await memberWithRole(db, compactId, 'negotiator')).cookie);
  await Promise.all([waitForSync(writer), waitForSync(reader)]);

  appendTableToFirstProvision(writer.doc);

  await waitFor(() => tableIn(yDocToContent(reader.doc)) !== undefined, 'the other client receives the table');
  assert.deepEqual(writer.closeCodes, [], 'the server accepted the table');
  const schema = compactTextSchema();
  const received = schema.nodeFromJSON(yDocToContent(reader.doc));
  received.check();
  const expected = schema.nodeFromJSON(MATRIX).toJSON() as JSONContent;
  assert.deepEqual(tableIn(received.toJSON() as JSONContent), expected);

  await waitFor(() => tableIn(yDocToContent(loadDoc(db.db, compactId).doc)) !== undefined, 'the table is stored');
  const stored = schema.nodeFromJSON(yDocToContent(loadDoc(db.db, compactId).doc));
  stored.check();
  assert.deepEqual(tableIn(stored.toJSON() as JSONContent), expected);
  assert.equal(stored.firstChild!.type.name, 'provision', 'the table stays inside its provision');
});

test('the schema keeps tables inside provisions: a table at the top level or a heading in a cell is not valid', () => {
  const schema = compactTextSchema();
  assert.throws(() => schema.nodeFromJSON({ type: 'doc', content: [MATRIX] }).check());
  const headingCell: JSONContent = {
    type: 'tableCell',
    content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'No' }] }],
  };
  assert.throws(() => schema.nodeFromJSON(headingCell).check());
});
