import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { CLOSE } from '@/shared/collab/close-codes';
import { ServerWriteRefused } from '@/server/collab/server-writes';
import { loadDoc } from '@/server/services/document-store';
import { buildServerUpdate } from '@/server/services/server-edits';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import * as Y from 'yjs';
import { fragmentText, typeInto, waitFor, waitForSync, type TestClient } from '../helpers/collab-client';
import { collabTestEnvironment } from '../helpers/collab-server';
import { buildCompact, buildUser, callerFor, memberWithRole, signIn } from '../helpers/factories';
import { countRows } from '../helpers/test-db';

const env = collabTestEnvironment({ sessionRecheckMs: 150 });
const { db, connect } = env;

const updatesStored = (compactId: string) => countRows(db, `doc_updates WHERE compact_id = '${compactId}'`);

/**
 * Resolves once the server has handled everything this client sent before: it answers a sync
 * request (sync step 1 → step 2) after the frames ahead of it (frames of one socket are handled in order).
 */
function roundTrip(client: TestClient): Promise<void> {
  const ws = client.provider.ws!;
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      const frame = new Uint8Array(event.data as ArrayBuffer);
      if (frame[0] !== 0 || frame[1] !== 1) return; // not a sync step 2
      ws.removeEventListener('message', onMessage);
      resolve();
    };
    ws.addEventListener('message', onMessage);
    const request = encoding.createEncoder();
    encoding.writeVarUint(request, 0); // y-websocket's sync message
    syncProtocol.writeSyncStep1(request, client.doc);
    ws.send(encoding.toUint8Array(request));
  });
}

async function instanceAdminCaller() {
  const admin = await buildUser(db, { isInstanceAdmin: true });
  return callerFor(db, await signIn(db, admin.email));
}

describe('the live text of an archived compact', () => {
  test('open editors are told when the compact is archived (4003), reconnect, still receive the text, and their writes are dropped like a reviewer’s', async () => {
    const compactId = buildCompact(db, { text: 'Final text.' }).id;
    const [writer, other] = await Promise.all([
      memberWithRole(db, compactId, 'negotiator'),
      memberWithRole(db, compactId, 'admin'),
    ]);
    const a = connect(compactId, writer.cookie);
    const b = connect(compactId, other.cookie);
    await Promise.all([waitForSync(a), waitForSync(b)]);
    typeInto(a.doc, 0, 'Agreed: ');
    await waitFor(() => b.text() === 'Agreed: Final text.', 'the last edit reaches the other editor');
    await waitFor(() => fragmentText(loadDoc(db.db, compactId).doc) === 'Agreed: Final text.', 'the last edit stored');

    const admin = await instanceAdminCaller();
    await admin.compacts.archive({ compactId, reason: 'Superseded by the 2028 compact' });
    await waitFor(() => a.closeCodes.includes(CLOSE.archiveChanged.code), 'editor A told of the archiving');
    await waitFor(() => b.closeCodes.includes(CLOSE.archiveChanged.code), 'editor B told of the archiving');
    await waitFor(() => a.provider.synced && a.provider.wsconnected, 'A reconnected');
    await waitFor(() => b.provider.synced && b.provider.wsconnected, 'B reconnected');

    const stored = updatesStored(compactId);
    typeInto(a.doc, 0, 'SNEAKED ');
    await roundTrip(a);
    await roundTrip(b);
    assert.equal(updatesStored(compactId), stored, 'nothing stored');
    assert.equal(b.text(), 'Agreed: Final text.', 'nothing relayed');
    assert.equal(fragmentText(loadDoc(db.db, compactId).doc), 'Agreed: Final text.');

    const late = connect(compactId, (await memberWithRole(db, compactId, 'negotiator')).cookie);
    await waitForSync(late);
    assert.equal(late.text(), 'Agreed: Final text.', 'a new reader still syncs the text');
  });

  test('after a restore the editors are told again (4003) and write as before', async () => {
    const compactId = buildCompact(db, { text: 'Paused text.' }).id;
    const writer = await memberWithRole(db, compactId, 'negotiator');
    const admin = await instanceAdminCaller();
    await admin.compacts.archive({ compactId, reason: '' });
    const a = connect(compactId, writer.cookie);
    await waitForSync(a);
    await admin.compacts.restore({ compactId, reason: 'Negotiations resume' });
    await waitFor(() => a.closeCodes.includes(CLOSE.archiveChanged.code), 'editor told of the restore');
    await waitFor(() => a.provider.synced && a.provider.wsconnected, 'reconnected');
    typeInto(a.doc, 0, 'Resumed: ');
    await waitFor(
      () => fragmentText(loadDoc(db.db, compactId).doc) === 'Resumed: Paused text.',
      'the edit is stored again',
    );
  });

  test('a compact archived by another process (no event reaches this one) turns its sockets read only at the next re-check', async () => {
    const compactId = buildCompact(db, { text: 'Elsewhere.' }).id;
    const writer = await memberWithRole(db, compactId, 'negotiator');
    const a = connect(compactId, writer.cookie);
    await waitForSync(a);
    db.sqlite.prepare('UPDATE compacts SET archived_at = ? WHERE id = ?').run(Date.now(), compactId);
    await waitFor(() => a.closeCodes.includes(CLOSE.archiveChanged.code), 'closed at the re-check');
    await waitFor(() => a.provider.synced && a.provider.wsconnected, 'reconnected');
    const stored = updatesStored(compactId);
    typeInto(a.doc, 0, 'SNEAKED ');
    await roundTrip(a);
    assert.equal(updatesStored(compactId), stored);
  });

  test('a member’s server write (a restore or the chair’s decision that passed its checks before the archiving) is refused and stores nothing', async () => {
    const compactId = buildCompact(db, { text: 'Frozen.' }).id;
    const chair = await memberWithRole(db, compactId, 'admin');
    const update = buildServerUpdate(db.db, compactId, (doc) =>
      doc.getXmlFragment(DOCUMENT_FIELD).insert(0, [new Y.XmlElement('paragraph')]),
    );
    await (await instanceAdminCaller()).compacts.archive({ compactId, reason: '' });
    const stored = updatesStored(compactId);
    await assert.rejects(
      env.server.collab.writeUpdate(compactId, update, { userId: chair.id, partyId: chair.partyId }),
      ServerWriteRefused,
    );
    assert.equal(updatesStored(compactId), stored);
    assert.equal(fragmentText(loadDoc(db.db, compactId).doc), 'Frozen.');
  });
});
