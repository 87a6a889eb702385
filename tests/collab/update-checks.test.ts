import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as Y from 'yjs';
import { MAX_PRESENCE_CLAIMS_PER_OWNER } from '@/server/collab/client-ids';
import { MAX_PRESENCE_IDS_PER_CONNECTION } from '@/server/collab/connection';
import { awarenessFrame, updateFrame } from '@/server/collab/protocol';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { loadDoc } from '@/server/services/document-store';
import {
  awarenessUpdateFor,
  closeCode,
  docWithClientId,
  fragmentText,
  rawSocket,
  typeInto,
  firstTextBlock,
  waitFor,
  waitForSync,
} from '../helpers/collab-client';
import { collabTestEnvironment } from '../helpers/collab-server';
import { craftUpdate } from '../helpers/crafted-updates';
import { buildCompact, callerFor, memberWithRole } from '../helpers/factories';
import { countRows } from '../helpers/test-db';

const env = collabTestEnvironment({ idleUnloadMs: 100 });
const { db, connect } = env;
const updatesStored = (compactId: string) => countRows(db, `doc_updates WHERE compact_id = '${compactId}'`);
const storedText = (compactId: string) => fragmentText(loadDoc(db.db, compactId).doc);

/** A compact with two negotiators, the first connected and having typed (so their client id is bound). */
async function compactWithWriter(text = 'Base.') {
  const compactId = buildCompact(db, { text }).id;
  const owner = await memberWithRole(db, compactId, 'negotiator');
  const other = await memberWithRole(db, compactId, 'negotiator');
  const ownerClient = connect(compactId, owner.cookie);
  await waitForSync(ownerClient);
  typeInto(ownerClient.doc, 0, 'Owner ');
  await waitFor(() => storedText(compactId) === `Owner ${text}`, 'the owner’s edit stored');
  return { compactId, owner, other, ownerClient };
}

/** Sends one update from a bare socket and returns the close code it gets. */
async function sendUpdate(compactId: string, cookie: string, update: Uint8Array) {
  const ws = await rawSocket(env.server.port, compactId, cookie);
  const closed = closeCode(ws);
  ws.send(updateFrame(update));
  return closed;
}

describe('Yjs client ids belong to the membership that first wrote them', () => {
  test('an editor writing under another editor’s client id is closed with 4409; nothing is stored or forwarded, and replicas stay equal', async () => {
    const { compactId, other, ownerClient } = await compactWithWriter();
    const before = updatesStored(compactId);
    const forged = docWithClientId(ownerClient.doc.clientID, Y.encodeStateAsUpdate(ownerClient.doc));
    const beforeForgery = Y.encodeStateVector(forged);
    typeInto(forged, 0, 'FORGED ');
    assert.equal(await sendUpdate(compactId, other.cookie, Y.encodeStateAsUpdate(forged, beforeForgery)), 4409);
    assert.equal(updatesStored(compactId), before);
    assert.equal(ownerClient.text(), 'Owner Base.');
    typeInto(ownerClient.doc, 0, 'Still ');
    const witness = connect(compactId, other.cookie);
    await waitFor(() => witness.text() === 'Still Owner Base.', 'the owner’s next edit reaches everyone');
    assert.equal(storedText(compactId), 'Still Owner Base.');
  });

  test('the owner reuses their id from a new connection, also after the document was unloaded; the binding is stored', async () => {
    const { compactId, owner, other, ownerClient } = await compactWithWriter();
    const row = db.sqlite
      .prepare('SELECT user_id AS userId, party_id AS partyId FROM doc_clients WHERE compact_id = ? AND client_id = ?')
      .get(compactId, ownerClient.doc.clientID);
    assert.deepEqual(row, { userId: owner.id, partyId: owner.partyId });
    ownerClient.provider.disconnect();
    await waitFor(() => !env.server.collab.rooms.isLoaded(compactId), 'unloaded');
    ownerClient.provider.connect();
    await waitForSync(ownerClient);
    typeInto(ownerClient.doc, 0, 'Again ');
    await waitFor(() => storedText(compactId) === 'Again Owner Base.', 'the owner writes again under the same id');
    const forged = docWithClientId(ownerClient.doc.clientID, Y.encodeStateAsUpdate(ownerClient.doc));
    const sv = Y.encodeStateVector(forged);
    typeInto(forged, 0, 'X');
    assert.equal(
      await sendUpdate(compactId, other.cookie, Y.encodeStateAsUpdate(forged, sv)),
      4409,
      'the stored binding holds after reloading',
    );
  });

  test('a client announcing an id held by someone else is closed with 4409 before its edits are taken', async () => {
    const { compactId, other, ownerClient } = await compactWithWriter();
    const before = updatesStored(compactId);
    const impostor = connect(compactId, other.cookie, docWithClientId(ownerClient.doc.clientID));
    await waitFor(() => impostor.closeCodes.includes(4409), 'closed with 4409');
    assert.equal(updatesStored(compactId), before);
  });
});

describe('only what is new is stored and forwarded', () => {
  test('an update carrying nothing new (e.g. the full state a client sends on reconnect) is neither stored nor forwarded', async () => {
    const { compactId, owner, ownerClient } = await compactWithWriter();
    const watcher = await rawSocket(env.server.port, compactId, owner.cookie);
    let forwarded = 0;
    watcher.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 2) forwarded++; // sync "update" messages: what others write
    });
    const before = updatesStored(compactId);
    const resender = await rawSocket(env.server.port, compactId, owner.cookie);
    resender.send(updateFrame(Y.encodeStateAsUpdate(ownerClient.doc)));
    // An edit sent after it on the same socket: once that is stored and forwarded, the repeat was handled.
    const next = docWithClientId(ownerClient.doc.clientID, Y.encodeStateAsUpdate(ownerClient.doc));
    const sv = Y.encodeStateVector(next);
    typeInto(next, 0, 'New ');
    resender.send(updateFrame(Y.encodeStateAsUpdate(next, sv)));
    await waitFor(
      () => forwarded >= 1 && updatesStored(compactId) === before + 1,
      'the real edit stored and forwarded',
    );
    await waitFor(() => ownerClient.text() === 'New Owner Base.', 'the owner receives it');
    assert.equal(updatesStored(compactId), before + 1, 'the repeated state was not stored');
    assert.equal(forwarded, 1, 'only the real edit was forwarded');
    assert.equal(resender.readyState, resender.OPEN);
    watcher.close();
    resender.close();
  });

  test('deletions the server already has are stripped before storing', async () => {
    const { compactId, owner, ownerClient } = await compactWithWriter('Delete me.');
    const text = firstTextBlock(ownerClient.doc).get(0) as Y.XmlText;
    text.delete(0, 6); // "Owner "
    await waitFor(() => storedText(compactId) === 'Delete me.', 'deletion stored');
    const before = updatesStored(compactId);
    const replay = docWithClientId(ownerClient.doc.clientID, Y.encodeStateAsUpdate(ownerClient.doc));
    const sv = Y.encodeStateVector(replay);
    typeInto(replay, 0, '!');
    const update = Y.mergeUpdates([
      Y.encodeStateAsUpdate(replay, sv),
      Y.encodeStateAsUpdate(ownerClient.doc, Y.encodeStateVector(new Y.Doc())),
    ]);
    const ws = await rawSocket(env.server.port, compactId, owner.cookie);
    ws.send(updateFrame(update));
    await waitFor(() => updatesStored(compactId) === before + 1, 'the new insert stored');
    const row = db.sqlite
      .prepare('SELECT "update" AS u FROM doc_updates WHERE compact_id = ? ORDER BY id DESC LIMIT 1')
      .get(compactId) as { u: Buffer };
    const stored = Y.decodeUpdate(row.u);
    assert.equal(stored.ds.clients.size, 0, 'no deletion was stored again');
    assert.equal(stored.structs.length, 1);
    ws.close();
  });

  test('an update that refers to content the server does not have is refused (4001, reconnect to resync) and nothing is stored', async () => {
    const { compactId, other } = await compactWithWriter();
    const local = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    local.getXmlFragment(DOCUMENT_FIELD).insert(0, [paragraph]);
    const sv = Y.encodeStateVector(local);
    paragraph.insert(0, [new Y.XmlText('orphan')]);
    const before = updatesStored(compactId);
    assert.equal(await sendUpdate(compactId, other.cookie, Y.encodeStateAsUpdate(local, sv)), 4001);
    assert.equal(updatesStored(compactId), before);
  });
});

describe('the editor schema', () => {
  const attempts: [string, (doc: Y.Doc) => void][] = [
    [
      'an element the editor does not know (script)',
      (doc) => doc.getXmlFragment(DOCUMENT_FIELD).insert(0, [new Y.XmlElement('script')]),
    ],
    [
      'an attribute outside the schema (onclick)',
      (doc) => {
        const p = new Y.XmlElement('paragraph');
        p.setAttribute('onclick', 'alert(1)');
        doc.getXmlFragment(DOCUMENT_FIELD).insert(0, [p]);
      },
    ],
    [
      'an oversized attribute value',
      (doc) => {
        const h = new Y.XmlElement('heading');
        h.setAttribute('level', 'x'.repeat(5000) as unknown as string);
        doc.getXmlFragment(DOCUMENT_FIELD).insert(0, [h]);
      },
    ],
    ['another root type', (doc) => doc.getMap('evil').set('a', 1)],
    [
      'a mark the editor does not know',
      (doc) => {
        const p = new Y.XmlElement('paragraph');
        const t = new Y.XmlText();
        p.insert(0, [t]);
        doc.getXmlFragment(DOCUMENT_FIELD).insert(0, [p]);
        t.insert(0, 'x', { evil: { href: 'javascript:alert(1)' } });
      },
    ],
  ];
  for (const [what, write] of attempts) {
    test(`${what} is refused (4422): nothing stored, the text still renders for everyone`, async () => {
      const { compactId, other } = await compactWithWriter();
      const local = docWithClientId(
        Math.floor(Math.random() * 2 ** 31),
        Y.encodeStateAsUpdate(loadDoc(db.db, compactId).doc),
      );
      const sv = Y.encodeStateVector(local);
      write(local);
      const before = updatesStored(compactId);
      assert.equal(await sendUpdate(compactId, other.cookie, Y.encodeStateAsUpdate(local, sv)), 4422);
      assert.equal(updatesStored(compactId), before);
      const text = await (await callerFor(db, other.cookie)).compacts.text({ compactId });
      assert.equal(text.plainText, 'Owner Base.');
    });
  }

  test('headings, lists and marks the editor makes are accepted', async () => {
    const { compactId, other } = await compactWithWriter();
    const local = docWithClientId(
      Math.floor(Math.random() * 2 ** 31),
      Y.encodeStateAsUpdate(loadDoc(db.db, compactId).doc),
    );
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 2 as unknown as string);
    const title = new Y.XmlText();
    heading.insert(0, [title]);
    local.getXmlFragment(DOCUMENT_FIELD).insert(0, [heading]);
    title.insert(0, 'Title', { bold: {} });
    const ws = await rawSocket(env.server.port, compactId, other.cookie);
    const closed: number[] = [];
    ws.on('close', (code) => closed.push(code));
    const before = updatesStored(compactId);
    ws.send(updateFrame(Y.encodeStateAsUpdate(local, Y.encodeStateVector(loadDoc(db.db, compactId).doc))));
    await waitFor(() => updatesStored(compactId) > before || closed.length > 0, 'stored');
    assert.deepEqual(closed, []);
    const text = await (await callerFor(db, other.cookie)).compacts.text({ compactId });
    assert.equal(text.plainText, 'Title\n\nOwner Base.');
    assert.deepEqual(text.content.content?.[0], {
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: 'Title', marks: [{ type: 'bold', attrs: {} }] }],
    });
    ws.close();
  });
});

describe('presence ids', () => {
  test('another member cannot pre-claim a person’s awareness id to hide them, even while they reconnect', async () => {
    const compactId = buildCompact(db, { text: 'x' }).id;
    const victim = await memberWithRole(db, compactId, 'negotiator');
    const attacker = await memberWithRole(db, compactId, 'negotiator');
    const observer = connect(compactId, (await memberWithRole(db, compactId, 'reviewer')).cookie);
    const v = connect(compactId, victim.cookie);
    await Promise.all([waitForSync(observer), waitForSync(v)]);
    v.provider.awareness.setLocalStateField('cursor', null); // the editor sets its caret like this
    const victimId = v.doc.clientID;
    const seenVictim = () =>
      (observer.provider.awareness.getStates().get(victimId) as { user?: { userId: string } } | undefined)?.user
        ?.userId;
    await waitFor(() => seenVictim() === victim.id, 'victim visible');
    v.provider.disconnect();
    await waitFor(() => seenVictim() === undefined, 'victim gone while disconnected');
    const ws = await rawSocket(env.server.port, compactId, attacker.cookie);
    ws.send(awarenessFrame(awarenessUpdateFor([{ clientId: 424242, clock: 1, state: {} }])));
    ws.send(awarenessFrame(awarenessUpdateFor([{ clientId: victimId, clock: 99, state: { hidden: true } }])));
    v.provider.connect();
    await waitForSync(v);
    v.provider.awareness.setLocalStateField('cursor', { anchor: 1 }); // their next caret move
    await waitFor(() => seenVictim() === victim.id, 'the victim is visible again under their own id');
    assert.equal(ws.readyState, ws.OPEN, 'relayed entries for others are dropped, not punished');
    ws.close();
  });

  test('an awareness message over the size limit closes the connection (4413)', async () => {
    const compactId = buildCompact(db, { text: 'x' }).id;
    const person = await memberWithRole(db, compactId, 'reviewer');
    const ws = await rawSocket(env.server.port, compactId, person.cookie);
    const closed = closeCode(ws);
    ws.send(awarenessFrame(awarenessUpdateFor([{ clientId: 7, clock: 1, state: { blob: 'x'.repeat(70 * 1024) } }])));
    assert.equal(await closed, 4413);
  });
});

describe('crafted updates cannot disconnect the room or leave the server half-integrated', () => {
  /** The id of the last character of the stored text "Owner Base.": the text node and its characters. */
  function lastCharacter(compactId: string): [number, number] {
    const doc = loadDoc(db.db, compactId).doc;
    const text = firstTextBlock(doc).get(0) as Y.XmlText;
    let last: Y.Item | null = text._start;
    while (last?.right) last = last.right;
    return [last!.id.client, last!.id.clock + last!.length - 1];
  }

  const shapes: [string, number, (end: [number, number]) => Uint8Array][] = [
    [
      'a client in two sections',
      4400,
      (end) =>
        craftUpdate([
          { client: 77, clock: 0, structs: [{ origin: end, text: 'aa' }] },
          { client: 78, clock: 0, structs: [{ origin: end, text: 'b' }] },
          { client: 77, clock: 5, structs: [{ origin: [77, 1], text: 'c' }] },
        ]),
    ],
    [
      'a reference forward within its own client',
      4400,
      (end) =>
        craftUpdate([
          {
            client: 77,
            clock: 0,
            structs: [
              { origin: [77, 1], text: 'a' },
              { origin: end, text: 'b' },
            ],
          },
        ]),
    ],
    [
      'a deletion in a repeated section',
      4400,
      (end) =>
        craftUpdate(
          [
            { client: 77, clock: 0, structs: [{ origin: end, text: 'aaaaa' }] },
            { client: 77, clock: 5, structs: [{ origin: [77, 4], text: 'b' }] },
          ],
          [[77, 0, 2]],
        ),
    ],
    [
      'two clients whose items wait on each other',
      4001,
      () =>
        craftUpdate([
          { client: 77, clock: 0, structs: [{ origin: [78, 0], text: 'a' }] },
          { client: 78, clock: 0, structs: [{ origin: [77, 0], text: 'b' }] },
        ]),
    ],
  ];
  for (const [shape, code, build] of shapes) {
    test(`${shape}: only the sender is closed (${code}), nothing is stored, and the others keep editing`, async () => {
      const { compactId, other, ownerClient } = await compactWithWriter();
      const before = updatesStored(compactId);
      assert.equal(await sendUpdate(compactId, other.cookie, build(lastCharacter(compactId))), code);
      assert.equal(updatesStored(compactId), before);
      assert.equal(ownerClient.closeCodes.length, 0, 'the honest editor stays connected');
      typeInto(ownerClient.doc, 0, 'Next ');
      await waitFor(() => storedText(compactId) === 'Next Owner Base.', 'editing goes on');
      const fresh = connect(compactId, other.cookie);
      await waitFor(() => fresh.text() === 'Next Owner Base.', 'a newcomer gets exactly what is stored');
    });
  }

  test('a malformed sync request closes only that connection (4400)', async () => {
    const { compactId, other, ownerClient } = await compactWithWriter();
    const ws = await rawSocket(env.server.port, compactId, other.cookie);
    const closed = closeCode(ws);
    ws.send(Buffer.from([0, 0, 1, 5])); // sync step 1 whose state vector is cut short
    assert.equal(await closed, 4400);
    typeInto(ownerClient.doc, 0, 'Alive ');
    await waitFor(() => storedText(compactId) === 'Alive Owner Base.', 'the server goes on');
  });

  test('an id claimed in presence by one person cannot be written under by another (4409)', async () => {
    const { compactId, owner, other } = await compactWithWriter();
    const presenter = await rawSocket(env.server.port, compactId, owner.cookie);
    presenter.send(awarenessFrame(awarenessUpdateFor([{ clientId: 5150, clock: 1, state: {} }])));
    await waitFor(() => env.server.collab.rooms.isLoaded(compactId), 'loaded');
    const forged = docWithClientId(5150, Y.encodeStateAsUpdate(loadDoc(db.db, compactId).doc));
    const sv = Y.encodeStateVector(forged);
    typeInto(forged, 0, 'X');
    // The claim is processed before the other person's update arrives.
    await new Promise((resolve) => presenter.send(Buffer.from([3]), resolve));
    await waitFor(() => presenter.readyState === presenter.OPEN, 'open');
    const code = await sendUpdate(compactId, other.cookie, Y.encodeStateAsUpdate(forged, sv));
    assert.equal(code, 4409);
    presenter.close();
  });

  test('presence ids a person claims over many reconnects stay bounded while the room is loaded', async () => {
    const { compactId, other, ownerClient } = await compactWithWriter();
    const room = [...env.server.collab.rooms.loaded()].find((loaded) => loaded.compactId === compactId)!;
    const before = room.clientIds.awarenessClaims;
    const rounds = MAX_PRESENCE_CLAIMS_PER_OWNER / MAX_PRESENCE_IDS_PER_CONNECTION + 4;
    for (let round = 0; round < rounds; round++) {
      const ws = await rawSocket(env.server.port, compactId, other.cookie);
      const ids = Array.from({ length: MAX_PRESENCE_IDS_PER_CONNECTION }, (_, i) => 70_000 + round * 10 + i);
      ws.send(awarenessFrame(awarenessUpdateFor(ids.map((clientId) => ({ clientId, clock: 1, state: {} })))));
      const seen = () => ids.every((id) => ownerClient.provider.awareness.getStates().has(id));
      await waitFor(seen, `round ${round}: presence arrives`);
      ws.close();
    }
    assert.ok(
      room.clientIds.awarenessClaims - before <= MAX_PRESENCE_CLAIMS_PER_OWNER,
      `${room.clientIds.awarenessClaims - before} claims`,
    );
  });

  test('presence a connection withdrew itself (as a closing browser tab does) leaves nothing behind in the room', async () => {
    const { compactId, other, ownerClient } = await compactWithWriter();
    const room = [...env.server.collab.rooms.loaded()].find((loaded) => loaded.compactId === compactId)!;
    const before = room.awareness.meta.size;
    for (let round = 0; round < 10; round++) {
      const ws = await rawSocket(env.server.port, compactId, other.cookie);
      const clientId = 80_000 + round;
      const closed = new Promise((resolve) => ws.once('close', resolve));
      ws.send(awarenessFrame(awarenessUpdateFor([{ clientId, clock: 1, state: {} }])));
      await waitFor(() => ownerClient.provider.awareness.getStates().has(clientId), `round ${round}: presence arrives`);
      ws.send(awarenessFrame(awarenessUpdateFor([{ clientId, clock: 2, state: null }])));
      await waitFor(() => !ownerClient.provider.awareness.getStates().has(clientId), `round ${round}: withdrawn`);
      ws.close();
      await closed;
    }
    await waitFor(() => room.awareness.meta.size <= before, `${room.awareness.meta.size - before} clocks kept`);
  });

  test('one connection speaks for at most a few presence ids', async () => {
    const { compactId, other, ownerClient } = await compactWithWriter();
    const flood = await rawSocket(env.server.port, compactId, other.cookie);
    const entries = Array.from({ length: 60 }, (_, i) => ({ clientId: 90_000 + i, clock: 1, state: { n: i } }));
    flood.send(awarenessFrame(awarenessUpdateFor(entries)));
    await waitFor(
      () => [...ownerClient.provider.awareness.getStates().keys()].some((id) => id >= 90_000),
      'presence arrives',
    );
    const flooded = [...ownerClient.provider.awareness.getStates().keys()].filter((id) => id >= 90_000);
    assert.ok(flooded.length <= 4, `${flooded.length} ids`);
    flood.close();
  });
});
