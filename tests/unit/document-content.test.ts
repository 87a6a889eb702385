import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Y from 'yjs';
import { DEMO_COMPACT_TEXT } from '@/server/editor/demo-compact-text';
import { compactTextSchema, contentToYUpdate, yDocToContent, yDocToPlainText } from '@/server/editor/document-content';

test('content seeded on the server renders back to the same JSON and to plain text', () => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, contentToYUpdate(DEMO_COMPACT_TEXT));
  const schema = compactTextSchema();
  assert.ok(
    schema.nodeFromJSON(yDocToContent(doc)).eq(schema.nodeFromJSON(DEMO_COMPACT_TEXT)),
    'same document after the round trip',
  );
  const text = yDocToPlainText(doc);
  assert.ok(text.startsWith('Strategic Compact for the UN Stabilization Mission in Aldoria\n\n'));
  assert.ok(text.includes('6. Review mechanism'));
});
