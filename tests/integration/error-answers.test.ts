import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import * as Y from 'yjs';
import { closeDb, getDb } from '@/db/client';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { appendDocUpdate } from '@/server/services/document-store';
import { buildCompact, memberWithRole } from '../helpers/factories';
import { trpcBatch, type TrpcItem } from '../helpers/trpc-http';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compact-error-answers-'));
process.env.DATABASE_PATH = path.join(dir, 'compact.db');
after(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('an unexpected server failure answers a generic message: the internal error never reaches the client', async () => {
  // A document stored before the collaboration server checked the editor schema: it cannot be rendered.
  const compactId = buildCompact(getDb()).id;
  const legacy = new Y.Doc();
  legacy.getXmlFragment(DOCUMENT_FIELD).insert(0, [new Y.XmlElement('script')]);
  appendDocUpdate(getDb().db, compactId, Y.encodeStateAsUpdate(legacy), { userId: null, partyId: null });
  const reader = await memberWithRole(getDb(), compactId, 'reviewer');
  const originalError = console.error;
  console.error = () => undefined; // the server logs the real cause; keep the test output clean
  try {
    const answer = await trpcBatch([{ path: 'compacts.text', input: { compactId } }], { cookie: reader.cookie });
    const [item] = answer.body as TrpcItem[];
    assert.equal(answer.status, 500);
    assert.equal(item!.error!.json.data.code, 'INTERNAL_SERVER_ERROR');
    assert.equal(item!.error!.json.message, 'Something went wrong on the server. Please try again.');
    assert.doesNotMatch(JSON.stringify(answer.body), /script|Unknown node|at \//);
  } finally {
    console.error = originalError;
  }
});

test('a refused CSV import is an error for API callers (400), carrying the report by row and column; nothing is imported', async () => {
  const compactId = buildCompact(getDb()).id;
  const admin = await memberWithRole(getDb(), compactId, 'admin');
  const answer = await trpcBatch(
    [{ path: 'framework.importFrameworkCsv', input: { compactId, csv: 'code,title\nX-1,Only two columns\n' } }],
    { method: 'POST', cookie: admin.cookie },
  );
  const [item] = answer.body as (TrpcItem & {
    error?: { json: { data: { csvErrors?: { row: number; column: string; reason: string }[] } } };
  })[];
  assert.equal(answer.status, 400);
  assert.equal(item!.error!.json.data.code, 'BAD_REQUEST');
  assert.match(item!.error!.json.message, /Nothing was imported/);
  assert.deepEqual(item!.error!.json.data.csvErrors!.map((e) => e.column).sort(), [
    'direction',
    'level',
    'measure',
    'responsible_party',
  ]);
});
