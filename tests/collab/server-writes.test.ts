import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as Y from 'yjs';
import { ServerWriteRefused } from '../../server/collab/server-writes';
import { DOCUMENT_FIELD } from '../../server/editor/extensions';
import { buildServerUpdate } from '../../server/services/server-edits';
import { connectClient, waitFor, waitForSync, type TestClient } from '../helpers/collab-client';
import { startCollabServer } from '../helpers/collab-server';
import { buildCompact, memberWithRole } from '../helpers/factories';
import { countRows, createTestDb } from '../helpers/test-db';

const db = createTestDb();
let server: Awaited<ReturnType<typeof startCollabServer>>;
const clients: TestClient[] = [];

before(async () => {
  server = await startCollabServer(db, { idleUnloadMs: 100 });
});
after(async () => {
  for (const client of clients) client.destroy();
  await server.stop();
  db.cleanup();
});

/** A server edit: a paragraph appended at the end of the text. */
const appendParagraph = (text: string) => (doc: Y.Doc) => {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
  fragment.insert(fragment.length, [paragraph]);
};

test('a server write reaches connected clients after it is stored, attributed to the person it acts for under a fresh client id', async () => {
  const compactId = buildCompact(db, { text: 'Agreed.' }).id;
  const admin = await memberWithRole(db, compactId, 'admin');
  const reader = connectClient(server.port, compactId, (await memberWithRole(db, compactId, 'reviewer')).cookie);
  clients.push(reader);
  await waitForSync(reader);
  const update = buildServerUpdate(db.db, compactId, appendParagraph('Restored by the secretariat.'));
  const clientId = Y.decodeUpdate(update).structs[0]!.id.client;
  const updateId = await server.collab.writeUpdate(compactId, update, { userId: admin.id, partyId: admin.partyId });
  assert.ok(updateId !== null);
  const row = db.sqlite
    .prepare('SELECT user_id AS userId, party_id AS partyId FROM doc_updates WHERE id = ?')
    .get(updateId);
  assert.deepEqual(row, { userId: admin.id, partyId: admin.partyId }, 'the stored row names who the write acts for');
  const binding = db.sqlite
    .prepare('SELECT user_id AS userId FROM doc_clients WHERE compact_id = ? AND client_id = ?')
    .get(compactId, clientId);
  assert.deepEqual(binding, { userId: admin.id }, 'the fresh client id is bound to that person');
  await waitFor(() => reader.text() === 'Agreed.\nRestored by the secretariat.', 'forwarded to connected clients');
});

test('a server write to a document nobody has open loads it, stores the write, and the text survives a restart', async () => {
  const compactId = buildCompact(db, { text: 'Closed.' }).id;
  const person = await memberWithRole(db, compactId, 'negotiator');
  assert.equal(server.collab.rooms.isLoaded(compactId), false);
  const updateId = await server.collab.writeUpdate(
    compactId,
    buildServerUpdate(db.db, compactId, appendParagraph('System note.')),
    { userId: null, partyId: null },
  );
  assert.equal(typeof updateId, 'number');
  await waitFor(() => !server.collab.rooms.isLoaded(compactId), 'unloaded again once idle');
  await server.stop();
  server = await startCollabServer(db, { idleUnloadMs: 100 });
  const fresh = connectClient(server.port, compactId, person.cookie);
  clients.push(fresh);
  await waitForSync(fresh);
  assert.equal(fresh.text(), 'Closed.\nSystem note.');
});

test('a server write outside the editor schema is refused and nothing is stored; one that changes nothing answers null', async () => {
  const compactId = buildCompact(db, { text: 'Strict.' }).id;
  const before = countRows(db, `doc_updates WHERE compact_id = '${compactId}'`);
  const bad = buildServerUpdate(db.db, compactId, (doc) =>
    doc.getXmlFragment(DOCUMENT_FIELD).insert(0, [new Y.XmlElement('script')]),
  );
  await assert.rejects(server.collab.writeUpdate(compactId, bad, { userId: null, partyId: null }), ServerWriteRefused);
  assert.equal(
    await server.collab.writeUpdate(
      compactId,
      buildServerUpdate(db.db, compactId, () => undefined),
      { userId: null, partyId: null },
    ),
    null,
  );
  assert.equal(countRows(db, `doc_updates WHERE compact_id = '${compactId}'`), before);
});

test('a server write to a compact that does not exist is refused, and no room or row is made for it', async () => {
  const before = countRows(db, 'doc_updates');
  const update = buildServerUpdate(db.db, 'no-such-compact', appendParagraph('Orphan.'));
  await assert.rejects(
    server.collab.writeUpdate('no-such-compact', update, { userId: null, partyId: null }),
    ServerWriteRefused,
  );
  assert.equal(server.collab.rooms.isLoaded('no-such-compact'), false);
  assert.equal(countRows(db, 'doc_updates'), before);
});
