import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { EDITOR_SCHEMA_VERSION } from '@/shared/editor/extensions';
import { publishAccessChange } from '@/server/events/access-changes';
import { loadDoc } from '@/server/services/document-store';
import {
  closeCode,
  fragmentText,
  rawSocket as openRawSocket,
  typeInto,
  waitFor,
  waitForSync,
} from '../helpers/collab-client';
import { collabTestEnvironment } from '../helpers/collab-server';
import { buildCompact, buildParty, memberWithRole, callerFor } from '../helpers/factories';
import { countRows } from '../helpers/test-db';

const env = collabTestEnvironment({ idleUnloadMs: 100, maxPayloadBytes: 64 * 1024, sessionRecheckMs: 150 });
const { db, connect } = env;

function updatesStored(compactId: string) {
  return countRows(db, `doc_updates WHERE compact_id = '${compactId}'`);
}

describe('co-editing', () => {
  test('three clients converge after concurrent edits, and the server stores what they sent', async () => {
    const compactId = buildCompact(db, { text: 'Base text.' }).id;
    const people = await Promise.all(
      ['negotiator', 'negotiator', 'admin'].map((role) => memberWithRole(db, compactId, role as 'negotiator')),
    );
    const [a, b, c] = people.map((p) => connect(compactId, p.cookie));
    await Promise.all([a, b, c].map((client) => waitForSync(client!)));
    assert.equal(a!.text(), 'Base text.', 'first sync serves the stored text once');
    typeInto(a!.doc, 0, 'A1 ');
    typeInto(b!.doc, 4, ' B1');
    typeInto(c!.doc, 10, ' C1');
    typeInto(a!.doc, 0, 'A2 ');
    await waitFor(
      () =>
        a!.text() === b!.text() &&
        b!.text() === c!.text() &&
        a!.text().includes('C1') &&
        a!.text().includes('B1') &&
        c!.text().includes('A2'),
      'convergence',
    );
    const stored = loadDoc(db.db, compactId).doc;
    assert.equal(fragmentText(stored), a!.text(), 'the stored document equals what the clients see');
    const authors = db.sqlite
      .prepare(`SELECT DISTINCT user_id AS u FROM doc_updates WHERE compact_id = ? AND user_id IS NOT NULL`)
      .all(compactId) as { u: string }[];
    assert.deepEqual(
      new Set(authors.map((r) => r.u)),
      new Set(people.map((p) => p.id)),
      'each update is attributed to who sent it',
    );
  });

  test('a reviewer reads the live text, but their updates reach neither other clients nor the database', async () => {
    const compactId = buildCompact(db, { text: 'Agreed text.' }).id;
    const negotiator = connect(compactId, (await memberWithRole(db, compactId, 'negotiator')).cookie);
    const reviewer = connect(compactId, (await memberWithRole(db, compactId, 'reviewer')).cookie);
    await Promise.all([waitForSync(negotiator), waitForSync(reviewer)]);
    typeInto(negotiator.doc, 0, 'Live: ');
    await waitFor(() => reviewer.text() === 'Live: Agreed text.', 'reviewer receives edits');
    const before = updatesStored(compactId);
    typeInto(reviewer.doc, 0, 'HACKED ');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(negotiator.text(), 'Live: Agreed text.');
    assert.equal(updatesStored(compactId), before);
    assert.equal(fragmentText(loadDoc(db.db, compactId).doc), 'Live: Agreed text.');
  });
});

describe('who may connect', () => {
  test('a tab running an editor of another schema version is told to reload (4426) before any sync; the current version and stock clients connect', async () => {
    const compactId = buildCompact(db, { text: 'Versioned.' }).id;
    const person = await memberWithRole(db, compactId, 'negotiator');
    const stale = new WebSocket(`ws://127.0.0.1:${env.server.port}/collab/${compactId}?schema=0`, {
      headers: { cookie: person.cookie },
    });
    assert.equal(await closeCode(stale), 4426);
    assert.equal(env.server.collab.rooms.isLoaded(compactId), false, 'nothing was loaded for it');
    const current = new WebSocket(
      `ws://127.0.0.1:${env.server.port}/collab/${compactId}?schema=${EDITOR_SCHEMA_VERSION}`,
      {
        headers: { cookie: person.cookie },
      },
    );
    await new Promise((resolve) => current.once('message', resolve));
    current.close();
    const stock = connect(compactId, person.cookie);
    await waitForSync(stock);
    assert.equal(stock.text(), 'Versioned.');
  });

  test('not signed in: closed with 4401, and no document is loaded', async () => {
    const compactId = buildCompact(db, { text: 'x' }).id;
    const anonymous = connect(compactId, null);
    await waitFor(() => anonymous.closeCodes.length > 0, 'close');
    assert.equal(anonymous.closeCodes[0], 4401);
    assert.equal(env.server.collab.rooms.isLoaded(compactId), false);
  });

  test('a session cookie that is not valid: 4401', async () => {
    const compactId = buildCompact(db).id;
    const forged = connect(compactId, 'better-auth.session_token=forged.value');
    await waitFor(() => forged.closeCodes.length > 0, 'close');
    assert.equal(forged.closeCodes[0], 4401);
  });

  test('signed in but not a member, or no such compact: 4403, and no document is loaded', async () => {
    const compactId = buildCompact(db, { text: 'secret' }).id;
    const outsider = await memberWithRole(db, buildCompact(db).id, 'admin');
    const client = connect(compactId, outsider.cookie);
    const ghost = connect('no-such-compact', outsider.cookie);
    await waitFor(() => client.closeCodes.length > 0 && ghost.closeCodes.length > 0, 'close');
    assert.deepEqual([client.closeCodes[0], ghost.closeCodes[0]], [4403, 4403]);
    assert.equal(client.text(), '', 'nothing leaked');
    assert.equal(env.server.collab.rooms.isLoaded(compactId), false);
  });

  test('removal, sign-out and role changes close open sockets', async () => {
    const compactId = buildCompact(db, { text: 'x' }).id;
    const removed = await memberWithRole(db, compactId, 'negotiator');
    const signedOut = await memberWithRole(db, compactId, 'negotiator');
    const demoted = await memberWithRole(db, compactId, 'negotiator');
    const admin = await memberWithRole(db, compactId, 'admin');
    const [r, s, d] = [removed, signedOut, demoted].map((p) => connect(compactId, p.cookie));
    await Promise.all([r, s, d].map((client) => waitForSync(client!)));

    await admin.caller.members.remove({ compactId, userId: removed.id });
    await waitFor(() => r!.closeCodes.includes(4403), 'removed member closed with 4403');

    const session = (await (await callerFor(db, signedOut.cookie)).account.me()).userId;
    const token = db.sqlite.prepare('SELECT token FROM session WHERE user_id = ?').get(session) as { token: string };
    publishAccessChange({ type: 'session-ended', sessionToken: token.token });
    await waitFor(() => s!.closeCodes.includes(4401), 'signed-out member closed with 4401');

    await admin.caller.members.update({ compactId, userId: demoted.id, role: 'reviewer', signatory: false });
    await waitFor(() => d!.closeCodes.includes(4000), 'demoted member asked to reconnect');
    await waitFor(() => d!.provider.synced && d!.provider.wsconnected, 'demoted member reconnected');
    const before = updatesStored(compactId);
    typeInto(d!.doc, 0, 'now read-only ');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(updatesStored(compactId), before, 'after reconnecting, the new role applies');
  });
});

test('an expired session closes its socket (4401) at the next re-check', async () => {
  const compactId = buildCompact(db, { text: 'x' }).id;
  const person = await memberWithRole(db, compactId, 'negotiator');
  const client = connect(compactId, person.cookie);
  await waitForSync(client);
  db.sqlite.prepare('UPDATE session SET expires_at = ? WHERE user_id = ?').run(Date.now() - 1000, person.id);
  await waitFor(() => client.closeCodes.includes(4401), 'closed after expiry');
});

test('a membership re-made for another party (e.g. by another process, no event) is closed (4000) at the next re-check and its edits then carry the new party', async () => {
  const compactId = buildCompact(db, { text: 'x' }).id;
  const person = await memberWithRole(db, compactId, 'negotiator');
  const client = connect(compactId, person.cookie);
  await waitForSync(client);
  // Removed and re-invited for another party, with the same role, where no access change reaches this process.
  const otherParty = buildParty(db).id;
  db.sqlite
    .prepare('UPDATE memberships SET party_id = ? WHERE compact_id = ? AND user_id = ?')
    .run(otherParty, compactId, person.id);
  await waitFor(() => client.closeCodes.includes(4000), 'asked to reconnect under the new membership');
  await waitFor(() => client.provider.synced && client.provider.wsconnected, 'reconnected');
  typeInto(client.doc, 0, 'now for the other party ');
  const stamps = () =>
    db.sqlite
      .prepare('SELECT DISTINCT party_id AS partyId FROM doc_updates WHERE compact_id = ? AND user_id = ?')
      .all(compactId, person.id);
  await waitFor(() => stamps().length > 0, 'the edit is stored');
  assert.deepEqual(stamps(), [{ partyId: otherParty }]);
});

describe('bad input', () => {
  const rawSocket = (compactId: string, cookie: string) => openRawSocket(env.server.port, compactId, cookie);

  test('a malformed frame closes only its own connection and never touches the document', async () => {
    const compactId = buildCompact(db, { text: 'Steady.' }).id;
    const editor = await memberWithRole(db, compactId, 'negotiator');
    const good = connect(compactId, editor.cookie);
    await waitForSync(good);
    const before = updatesStored(compactId);
    for (const garbage of [
      [0, 2, 50, 1, 2, 3],
      [0, 2, 3, 255, 255, 255],
      [9, 9, 9],
      [1, 5, 123, 34, 34],
    ]) {
      const bad = await rawSocket(compactId, editor.cookie);
      const closed = closeCode(bad);
      bad.send(Buffer.from(garbage));
      assert.equal(await closed, 4400);
    }
    const text = await rawSocket(compactId, editor.cookie);
    const textClosed = closeCode(text);
    text.send('hello');
    assert.equal(await textClosed, 4400);
    assert.equal(updatesStored(compactId), before);
    typeInto(good.doc, 0, 'Still ');
    await waitFor(
      () => fragmentText(loadDoc(db.db, compactId).doc) === 'Still Steady.',
      'the good client keeps editing',
    );
    assert.ok(good.provider.wsconnected);
  });

  test('a malformed upgrade path is refused without harming the server', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${env.server.port}/collab/%ZZ`);
    const outcome = await new Promise<string>((resolve) => {
      ws.once('error', () => resolve('refused'));
      ws.once('close', () => resolve('closed'));
    });
    assert.ok(['refused', 'closed'].includes(outcome));
    const compactId = buildCompact(db, { text: 'Still here.' }).id;
    const client = connect(compactId, (await memberWithRole(db, compactId, 'reviewer')).cookie);
    await waitForSync(client);
    assert.equal(client.text(), 'Still here.');
  });

  test('an oversized message closes that connection (1009)', async () => {
    const compactId = buildCompact(db, { text: 'Small.' }).id;
    const editor = await memberWithRole(db, compactId, 'negotiator');
    const ws = await rawSocket(compactId, editor.cookie);
    const closed = closeCode(ws);
    ws.send(Buffer.alloc(65 * 1024, 1));
    assert.equal(await closed, 1009);
    assert.equal(updatesStored(compactId), 1);
  });
});

describe('presence', () => {
  test('the server stamps each person’s name, party and e-mail domain; a client cannot pose as someone else', async () => {
    const compactId = buildCompact(db, { text: 'x' }).id;
    const mallory = await memberWithRole(db, compactId, 'negotiator');
    const alice = await memberWithRole(db, compactId, 'negotiator');
    const m = connect(compactId, mallory.cookie);
    const a = connect(compactId, alice.cookie);
    await Promise.all([waitForSync(m), waitForSync(a)]);
    m.provider.awareness.setLocalStateField('user', { userId: alice.id, name: 'Alice (fake)', color: '#000' });
    const seen = () =>
      a.provider.awareness.getStates().get(m.doc.clientID) as
        { user?: { userId: string; name: string; partyName: string; emailDomain: string } } | undefined;
    await waitFor(() => seen()?.user !== undefined, 'awareness arrives');
    assert.equal(seen()!.user!.userId, mallory.id);
    assert.notEqual(seen()!.user!.name, 'Alice (fake)');
    assert.ok(seen()!.user!.partyName.length > 0);
    assert.equal(seen()!.user!.emailDomain, mallory.email.split('@')[1]);
  });
});

test('a person renamed by an administrator is shown under the new name: their open sockets reconnect (4000)', async () => {
  const compactId = buildCompact(db, { text: 'x' }).id;
  const renamed = await memberWithRole(db, compactId, 'negotiator');
  const admin = await memberWithRole(db, compactId, 'admin');
  const observer = connect(compactId, admin.cookie);
  const client = connect(compactId, renamed.cookie);
  await Promise.all([waitForSync(observer), waitForSync(client)]);
  client.provider.awareness.setLocalStateField('cursor', null);
  const shownName = () =>
    (observer.provider.awareness.getStates().get(client.doc.clientID) as { user?: { name: string } } | undefined)?.user
      ?.name;
  const { name: firstName } = db.sqlite.prepare('SELECT name FROM user WHERE id = ?').get(renamed.id) as {
    name: string;
  };
  await waitFor(() => shownName() === firstName, 'shown under the first name');
  await admin.caller.members.rename({ compactId, userId: renamed.id, name: 'Renamed Delegate' });
  await waitFor(() => client.closeCodes.includes(4000), 'asked to reconnect');
  await waitFor(() => client.provider.synced && client.provider.wsconnected, 'reconnected');
  client.provider.awareness.setLocalStateField('cursor', { anchor: 1 }); // their next caret move
  await waitFor(() => shownName() === 'Renamed Delegate', 'shown under the new name');
});

describe('loading and unloading', () => {
  test('an idle document is unloaded after a checkpoint and reloads exactly', async () => {
    const compactId = buildCompact(db, { text: 'Idle.' }).id;
    const editor = await memberWithRole(db, compactId, 'negotiator');
    const first = connect(compactId, editor.cookie);
    await waitForSync(first);
    typeInto(first.doc, 0, 'Was ');
    await waitFor(() => fragmentText(loadDoc(db.db, compactId).doc) === 'Was Idle.', 'stored');
    first.provider.disconnect();
    await waitFor(() => !env.server.collab.rooms.isLoaded(compactId), 'unloaded', 5000);
    assert.equal(countRows(db, `doc_checkpoints WHERE compact_id = '${compactId}'`), 1);
    const second = connect(compactId, editor.cookie);
    await waitForSync(second);
    assert.equal(second.text(), 'Was Idle.');
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(second.doc));
    assert.equal(fragmentText(fresh), 'Was Idle.');
  });
});
