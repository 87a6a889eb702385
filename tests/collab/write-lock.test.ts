import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { typeInto, waitFor, waitForSync } from '../helpers/collab-client';
import { collabTestEnvironment } from '../helpers/collab-server';
import { buildCompact, memberWithRole } from '../helpers/factories';
import { countRows } from '../helpers/test-db';

// Another process (an import, a checkpoint) holding SQLite's write lock must never cost an
// honest editor their connection, nor let anyone receive an update that is not yet on disk.
let busyAttempts = 0;
const env = collabTestEnvironment({ onWriteBusy: () => busyAttempts++ });
const { db } = env;

test('while another process holds the write lock, an edit waits (not forwarded, sender kept, no sync answered from it) and is stored and forwarded once the lock is released', async () => {
  const compactId = buildCompact(db, { text: 'Locked.' }).id;
  const writer = await memberWithRole(db, compactId, 'negotiator');
  const reader = await memberWithRole(db, compactId, 'reviewer');
  const a = env.connect(compactId, writer.cookie);
  const b = env.connect(compactId, reader.cookie);
  await Promise.all([waitForSync(a), waitForSync(b)]);
  const stored = () => countRows(db, `doc_updates WHERE compact_id = '${compactId}'`);
  const before = stored();

  const other = new Database(db.path);
  other.exec('BEGIN IMMEDIATE');
  let late: ReturnType<typeof env.connect> | undefined;
  try {
    const attempts = busyAttempts;
    typeInto(a.doc, 0, 'Un');
    await waitFor(() => busyAttempts >= attempts + 3, 'the writer found the lock taken and kept retrying');
    late = env.connect(compactId, reader.cookie);
    await waitFor(() => busyAttempts >= attempts + 6, 'more retries while the newcomer waits');
    assert.equal(b.text(), 'Locked.', 'nothing is forwarded before it is stored');
    assert.equal(late.provider.synced, false, 'no sync is answered while an integrated update is not on disk');
    assert.equal(a.closeCodes.length, 0, 'the editor is not closed');
    assert.ok(a.provider.wsconnected);
  } finally {
    other.exec('COMMIT');
    other.close();
  }
  await waitFor(() => b.text() === 'UnLocked.', 'forwarded after the lock is released');
  assert.equal(stored(), before + 1);
  await waitForSync(late!);
  assert.equal(late!.text(), 'UnLocked.');
});
