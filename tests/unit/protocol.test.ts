import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Y from 'yjs';
import { decodeMessage, syncStep1Frame, updateFrame } from '@/server/collab/protocol';

test('decodes sync step 1 and update frames; an update frame is forwardable as received', () => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hi');
  const step1 = decodeMessage(syncStep1Frame(doc));
  assert.equal(step1.kind, 'sync-step-1');
  const update = Y.encodeStateAsUpdate(doc);
  const decoded = decodeMessage(updateFrame(update));
  assert.deepEqual(decoded, { kind: 'update', update, forwardable: true });
});

test('rejects unknown types, truncated payloads and trailing bytes', () => {
  assert.throws(() => decodeMessage(new Uint8Array([7])));
  assert.throws(() => decodeMessage(new Uint8Array([0, 9, 0])));
  assert.throws(() => decodeMessage(new Uint8Array([0, 2, 10, 1])));
  assert.throws(() => decodeMessage(new Uint8Array([0, 2, 0, 42])));
  assert.throws(() => decodeMessage(new Uint8Array([])));
});
