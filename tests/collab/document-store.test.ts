import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as Y from 'yjs';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { loadClientOwners } from '@/server/services/doc-clients';
import { createCheckpointWriter, loadDoc } from '@/server/services/document-store';
import { typeInto } from '../helpers/collab-client';
import { buildCompact } from '../helpers/factories';
import { createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

function appendRaw(compactId: string, update: Uint8Array, userId: string | null) {
  return Number(
    db.sqlite
      .prepare('INSERT INTO doc_updates (compact_id, "update", user_id, party_id, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(compactId, Buffer.from(update), userId, userId && `party-of-${userId}`, Date.now()).lastInsertRowid,
  );
}

test('checkpoints: older ordinary ones are pruned, milestones stay at regular intervals of the update log, and loading starts from the newest', () => {
  const compactId = buildCompact(db, { text: 'Start.' }).id;
  const write = createCheckpointWriter(db.sqlite, 10);
  const doc = loadDoc(db.db, compactId).doc;
  let lastId = 0;
  for (let round = 1; round <= 12; round++) {
    for (let i = 0; i < 4; i++) {
      const before = Y.encodeStateVector(doc);
      typeInto(doc, 0, `${round}.${i} `);
      lastId = appendRaw(compactId, Y.encodeStateAsUpdate(doc, before), 'writer');
    }
    write(compactId, Y.encodeStateAsUpdate(doc), lastId);
  }
  const rows = db.sqlite
    .prepare(
      'SELECT upto_update_id AS upto, milestone FROM doc_checkpoints WHERE compact_id = ? ORDER BY upto_update_id',
    )
    .all(compactId) as { upto: number; milestone: number }[];
  // 48 updates (+1 seed), a checkpoint every 4, a milestone once 10 or more follow the previous one: rounds 3, 6, 9, 12.
  assert.deepEqual(
    rows.map((row) => row.milestone),
    [1, 1, 1, 1],
  );
  assert.equal(rows.at(-1)!.upto, lastId, 'the newest checkpoint is kept');
  const reloaded = loadDoc(db.db, compactId);
  assert.equal(reloaded.lastUpdateId, lastId);
  assert.equal(reloaded.updatesSinceCheckpoint, 0);
  assert.equal(Y.encodeStateAsUpdate(reloaded.doc).length, Y.encodeStateAsUpdate(doc).length);
});

test('a document stored before client ids were bound gets its bindings from its update log, each id to the author of its first update', () => {
  const compactId = buildCompact(db).id;
  const alice = new Y.Doc();
  alice.getXmlFragment(DOCUMENT_FIELD).insert(0, [new Y.XmlElement('paragraph')]);
  typeInto(alice, 0, 'A');
  appendRaw(compactId, Y.encodeStateAsUpdate(alice), 'alice');
  const bob = new Y.Doc();
  Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
  const sv = Y.encodeStateVector(bob);
  typeInto(bob, 1, 'B');
  appendRaw(compactId, Y.encodeStateAsUpdate(bob, sv), 'bob');
  const owners = loadClientOwners(db.sqlite, compactId);
  assert.deepEqual(owners.get(alice.clientID), { userId: 'alice', partyId: 'party-of-alice' });
  assert.deepEqual(owners.get(bob.clientID), { userId: 'bob', partyId: 'party-of-bob' });
  assert.equal(owners.size, 2);
});
