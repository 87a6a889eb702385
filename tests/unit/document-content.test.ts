import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Y from 'yjs';
import { demoCompactText } from '@/server/editor/demo-compact-text';
import { compactTextSchema, contentToYUpdate, yDocToContent, yDocToPlainText } from '@/server/editor/document-content';

const proposers = {
  aldoria: { partyId: 'party-ald', userId: 'user-ald' },
  varenia: { partyId: 'party-var', userId: 'user-var' },
  mission: { partyId: 'party-mis', userId: 'user-mis' },
};

test('content seeded on the server renders back to the same JSON (brackets and options included) and to plain text', () => {
  const { content } = demoCompactText(proposers);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, contentToYUpdate(content));
  const schema = compactTextSchema();
  const back = schema.nodeFromJSON(yDocToContent(doc));
  assert.ok(back.eq(schema.nodeFromJSON(content)), 'same document after the round trip');
  back.check(); // valid against the schema: sections and provisions only
  const text = yDocToPlainText(doc);
  assert.ok(text.startsWith('Strategic Compact for the UN Stabilization Mission in Aldoria\n\n'));
  assert.ok(text.includes('Mutual accountability and review'));
  assert.ok(text.includes(' within 72 hours'), 'bracketed text is part of the text');
});
