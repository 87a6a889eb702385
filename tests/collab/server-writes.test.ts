import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Y from 'yjs';
import { serverWriter } from '@/server/collab/collab-endpoint-registry';
import { ServerWriteRefused } from '@/server/collab/server-writes';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { buildServerUpdate } from '@/server/services/server-edits';
import { waitFor, waitForSync } from '../helpers/collab-client';
import { collabTestEnvironment, startCollabServer } from '../helpers/collab-server';
import { addMember, buildCompact, memberWithRole } from '../helpers/factories';
import { countRows } from '../helpers/test-db';

const env = collabTestEnvironment({ idleUnloadMs: 100 });
const { db } = env;

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
  const reader = env.connect(compactId, (await memberWithRole(db, compactId, 'reviewer')).cookie);
  await waitForSync(reader);
  const update = buildServerUpdate(db.db, compactId, appendParagraph('Restored by the secretariat.'));
  const clientId = Y.decodeUpdate(update).structs[0]!.id.client;
  const updateId = await env.server.collab.writeUpdate(compactId, update, { userId: admin.id, partyId: admin.partyId });
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
  assert.equal(env.server.collab.rooms.isLoaded(compactId), false);
  const updateId = await env.server.collab.writeUpdate(
    compactId,
    buildServerUpdate(db.db, compactId, appendParagraph('System note.')),
    { userId: null, partyId: null },
  );
  assert.equal(typeof updateId, 'number');
  await waitFor(() => !env.server.collab.rooms.isLoaded(compactId), 'unloaded again once idle');
  await env.restart();
  const fresh = env.connect(compactId, person.cookie);
  await waitForSync(fresh);
  assert.equal(fresh.text(), 'Closed.\nSystem note.');
});

test('a server write outside the editor schema is refused and nothing is stored; one that changes nothing answers null', async () => {
  const compactId = buildCompact(db, { text: 'Strict.' }).id;
  const before = countRows(db, `doc_updates WHERE compact_id = '${compactId}'`);
  const bad = buildServerUpdate(db.db, compactId, (doc) =>
    doc.getXmlFragment(DOCUMENT_FIELD).insert(0, [new Y.XmlElement('script')]),
  );
  await assert.rejects(
    env.server.collab.writeUpdate(compactId, bad, { userId: null, partyId: null }),
    ServerWriteRefused,
  );
  assert.equal(
    await env.server.collab.writeUpdate(
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
    env.server.collab.writeUpdate('no-such-compact', update, { userId: null, partyId: null }),
    ServerWriteRefused,
  );
  assert.equal(env.server.collab.rooms.isLoaded('no-such-compact'), false);
  assert.equal(countRows(db, 'doc_updates'), before);
});

test('a server write must name the party the person represents in that compact: another party, a non-member or a party for the system is refused and nothing is stored', async () => {
  const compactId = buildCompact(db, { text: 'Attributed.' }).id;
  const member = await memberWithRole(db, compactId, 'negotiator');
  const otherCompact = buildCompact(db, { text: 'Elsewhere.' }).id;
  // The same person represents another party in another compact; an outsider belongs only there.
  const elsewhereParty = addMember(db, otherCompact, member.id, 'negotiator');
  const outsider = await memberWithRole(db, otherCompact, 'admin');
  const before = countRows(db, `doc_updates WHERE compact_id = '${compactId}'`);
  for (const author of [
    { userId: member.id, partyId: elsewhereParty },
    { userId: outsider.id, partyId: outsider.partyId },
    { userId: null, partyId: member.partyId },
  ]) {
    const update = buildServerUpdate(db.db, compactId, appendParagraph('Misattributed.'));
    await assert.rejects(env.server.collab.writeUpdate(compactId, update, author), ServerWriteRefused);
  }
  assert.equal(countRows(db, `doc_updates WHERE compact_id = '${compactId}'`), before);
  assert.equal(countRows(db, `doc_clients WHERE compact_id = '${compactId}' AND user_id = '${outsider.id}'`), 0);
});

test('a closed app server leaves no write path behind: services find none instead of a closed one, and a new server registers its own', async () => {
  const other = await startCollabServer(db);
  const writer = serverWriter();
  await other.stop();
  assert.throws(() => serverWriter(), /No collaboration endpoint/);
  await env.restart(); // this file's server registers again
  assert.notEqual(serverWriter(), writer);
});
