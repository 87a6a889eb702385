import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import * as Y from 'yjs';
import { createAppServer, type AppServer } from '@/server/app-server';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { buildServerUpdate } from '@/server/services/server-edits';
import { startCollabProcess } from '@/server/collab/collab-process-host';
import { verifyStoredChain } from '@/server/services/audit-verify';
import { connectClient, typeInto, waitFor, waitForSync, type TestClient } from '../helpers/collab-client';
import { buildCompact, memberWithRole } from '../helpers/factories';
import { createTestDb, storedUpdates } from '../helpers/test-db';

// The production arrangement: this process authenticates upgrades and hands the sockets to a
// forked collaboration process over IPC, relaying access changes to it.
const db = createTestDb();
let app: AppServer;
let collabPid: () => number | undefined;
let port: number;
const clients: TestClient[] = [];

before(async () => {
  process.env.DATABASE_PATH = db.path;
  const endpoint = await startCollabProcess(db);
  collabPid = endpoint.pid;
  app = createAppServer(null, { collab: endpoint });
  await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
  port = (app.http.address() as AddressInfo).port;
});
after(async () => {
  for (const client of clients) client.destroy();
  await app.collab.close();
  app.http.close();
  db.cleanup();
});

const connect = (compactId: string, cookie: string | null) => {
  const client = connectClient(port, compactId, cookie);
  clients.push(client);
  return client;
};

test('sockets handed to the collaboration process sync, converge and are refused like in-process ones', async () => {
  const compactId = buildCompact(db, { text: 'Handed over.' }).id;
  const a = connect(compactId, (await memberWithRole(db, compactId, 'negotiator')).cookie);
  const b = connect(compactId, (await memberWithRole(db, compactId, 'admin')).cookie);
  await Promise.all([waitForSync(a), waitForSync(b)]);
  assert.equal(a.text(), 'Handed over.');
  typeInto(a.doc, 0, 'A ');
  typeInto(b.doc, 0, 'B ');
  await waitFor(() => a.text() === b.text() && a.text().length === 'Handed over.'.length + 4, 'convergence');
  const anonymous = connect(compactId, null);
  await waitFor(() => anonymous.closeCodes.length > 0, 'refusal');
  assert.equal(anonymous.closeCodes[0], 4401);
});

test('an access change made in the HTTP process closes the socket in the collaboration process', async () => {
  const compactId = buildCompact(db, { text: 'x' }).id;
  const admin = await memberWithRole(db, compactId, 'admin');
  const member = await memberWithRole(db, compactId, 'negotiator');
  const client = connect(compactId, member.cookie);
  await waitForSync(client);
  await admin.caller.members.remove({ compactId, userId: member.id });
  await waitFor(() => client.closeCodes.includes(4403), 'closed with 4403');
});

test('if the collaboration process dies, it is started again and clients come back with everything stored', async () => {
  const compactId = buildCompact(db, { text: 'Survives.' }).id;
  const editor = await memberWithRole(db, compactId, 'negotiator');
  const client = connect(compactId, editor.cookie);
  await waitForSync(client);
  typeInto(client.doc, 0, 'It ');
  await waitFor(() => storedUpdates(db, compactId) === 2, 'stored');
  const before = collabPid();
  process.kill(before!, 'SIGKILL');
  await waitFor(() => collabPid() !== before && collabPid() !== undefined, 'a new collaboration process', 20_000);
  const fresh = connect(compactId, editor.cookie);
  await waitForSync(fresh);
  assert.equal(fresh.text(), 'It Survives.');
});

test('the HTTP process writes into a live document through the collaboration process and gets the committed update id', async () => {
  const compactId = buildCompact(db, { text: 'Over IPC.' }).id;
  const admin = await memberWithRole(db, compactId, 'admin');
  const client = connect(compactId, admin.cookie);
  await waitForSync(client);
  const update = buildServerUpdate(db.db, compactId, (doc) => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Written by the server.')]);
    doc.getXmlFragment(DOCUMENT_FIELD).insert(1, [paragraph]);
  });
  const updateId = await app.collab.writeUpdate(compactId, update, { userId: admin.id, partyId: admin.partyId });
  const row = db.sqlite.prepare('SELECT user_id AS userId FROM doc_updates WHERE id = ?').get(updateId);
  assert.deepEqual(row, { userId: admin.id });
  await waitFor(() => client.text() === 'Over IPC.\nWritten by the server.', 'the connected client has it');
});

test('the collaboration process’s audit events (a refused update) are appended by the HTTP process, into a chain that verifies', async () => {
  const compactId = buildCompact(db, { text: 'Refused here.' }).id;
  const member = await memberWithRole(db, compactId, 'negotiator');
  const client = connect(compactId, member.cookie);
  await waitForSync(client);
  const text = (client.doc.getXmlFragment(DOCUMENT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlElement;
  // A bracket in another party's name: refused, and audited.
  (text.get(0) as Y.XmlText).format(0, 3, { bracket: { partyId: 'another-party', userId: 'someone-else' } });
  const refusals = () =>
    db.sqlite
      .prepare(
        "SELECT actor_user_id AS userId FROM audit_events WHERE compact_id = ? AND action = 'text.update-refused'",
      )
      .all(compactId);
  await waitFor(() => refusals().length === 1, 'the refusal is audited');
  assert.deepEqual(refusals(), [{ userId: member.id }]);
  assert.ok(verifyStoredChain(db.sqlite, compactId).ok);
});

test('a reconnect storm: 100 simultaneous connections are all handed over and sync, also after the collaboration process restarts', async () => {
  const compactId = buildCompact(db, { text: 'Storm.' }).id;
  const people = await Promise.all(Array.from({ length: 10 }, () => memberWithRole(db, compactId, 'reviewer')));
  const storm = people.flatMap((person) => Array.from({ length: 10 }, () => connect(compactId, person.cookie)));
  const syncs = storm.map(() => 0);
  let droppedBeforeFirstSync = 0;
  storm.forEach((client, i) => {
    client.provider.on('sync', (synced: boolean) => synced && syncs[i]!++);
    client.provider.on('connection-close', () => syncs[i] === 0 && droppedBeforeFirstSync++);
    client.provider.on('connection-error', () => syncs[i] === 0 && droppedBeforeFirstSync++);
  });
  await waitFor(() => syncs.every((n) => n >= 1), 'every connection synced', 30_000);
  assert.equal(droppedBeforeFirstSync, 0, 'no socket was dropped on its way to the collaboration process');
  assert.ok(storm.every((client) => client.text() === 'Storm.'));
  const before = collabPid();
  process.kill(before!, 'SIGKILL');
  await waitFor(() => collabPid() !== before && collabPid() !== undefined, 'a new collaboration process', 20_000);
  await waitFor(() => syncs.every((n) => n >= 2), 'every connection reconnected and synced again', 60_000);
  assert.ok(
    storm.every(
      (client) => client.text() === 'Storm.' && client.closeCodes.every((code) => code < 4400 || code > 4499),
    ),
  );
});

test('one collaboration process per database: a second one waits until the first has flushed and exited', async () => {
  const compactId = buildCompact(db, { text: 'Owned.' }).id;
  const editor = await memberWithRole(db, compactId, 'negotiator');
  const client = connect(compactId, editor.cookie);
  await waitForSync(client);
  let secondReady = false;
  const second = startCollabProcess(db).then((endpoint) => {
    secondReady = true;
    return endpoint;
  });
  const owner = () =>
    db.sqlite.prepare('SELECT pid FROM collab_owner WHERE id = 1').get() as { pid: number } | undefined;
  await waitFor(() => owner()?.pid === collabPid(), 'the first process holds the database');
  typeInto(client.doc, 0, 'Still ');
  await waitFor(() => storedUpdates(db, compactId) === 2, 'stored by the first');
  assert.equal(secondReady, false, 'the second process is not serving while the first one lives');
  const firstPid = collabPid();
  await app.collab.close(); // SIGTERM: the first flushes, releases and exits
  app.http.close();
  app.http.closeAllConnections();
  const endpoint = await second;
  assert.notEqual(endpoint.pid(), firstPid);
  await waitFor(() => owner()?.pid === endpoint.pid(), 'the second process took over');
  app = createAppServer(null, { collab: endpoint });
  collabPid = endpoint.pid;
  await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
  port = (app.http.address() as AddressInfo).port;
  const fresh = connect(compactId, editor.cookie);
  await waitForSync(fresh);
  assert.equal(fresh.text(), 'Still Owned.');
});
