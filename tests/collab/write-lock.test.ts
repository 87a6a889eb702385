import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { typeInto, waitFor, waitForSync } from '../helpers/collab-client';
import { collabTestEnvironment } from '../helpers/collab-server';
import { buildCompact, memberWithRole } from '../helpers/factories';
import { countRows } from '../helpers/test-db';
import type { LongLock } from '@/server/collab/update-batcher';

// Another process (an import, a checkpoint) holding SQLite's write lock must never cost an
// honest editor their connection, nor let anyone receive an update that is not yet on disk.
let busyAttempts = 0;
const longLocks: LongLock[] = [];
const env = collabTestEnvironment({
  onWriteBusy: () => busyAttempts++,
  longWriteLockMs: 50,
  onLongWriteLock: (lock) => longLocks.push(lock),
});
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
    // Held past the threshold: said once, with what waits (operators see why new clients do not load).
    await waitFor(() => longLocks.length > 0, 'the long lock reported');
    assert.equal(longLocks[0]!.released, false);
    assert.equal(longLocks[0]!.waiting, 1);
    assert.ok(longLocks[0]!.lockedMs >= 50);
  } finally {
    other.exec('COMMIT');
    other.close();
  }
  await waitFor(() => b.text() === 'UnLocked.', 'forwarded after the lock is released');
  assert.deepEqual(
    longLocks.map((lock) => lock.released),
    [false, true],
    'reported once while held, once when released',
  );
  assert.equal(stored(), before + 1);
  await waitForSync(late!);
  assert.equal(late!.text(), 'UnLocked.');
});
