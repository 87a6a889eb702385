import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { describe, test } from 'node:test';
import * as Y from 'yjs';
import { awarenessFrame, syncStep1Frame } from '@/server/collab/protocol';
import { awarenessUpdateFor, closeCode, rawSocket, typeInto, waitFor, waitForSync } from '../helpers/collab-client';
import { collabTestEnvironment } from '../helpers/collab-server';
import { buildCompact, memberWithRole } from '../helpers/factories';

const MAX_BUFFERED = 256 * 1024;
const env = collabTestEnvironment({
  maxBufferedBytes: MAX_BUFFERED,
  syncRequestsPerMinute: 30,
  awarenessMessagesPerMinute: 10,
  maxConnectionsPerPerson: 5,
  maxConnectionsPerRoom: 8,
});
const { db } = env;

const emptyStateRequest = () => syncStep1Frame(new Y.Doc());

describe('a socket cannot hold the server’s memory or time', () => {
  test('a socket that never reads is dropped once its queue passes the document plus the bound; a slow honest client still gets a document larger than the bound', async () => {
    const compactId = buildCompact(db, { text: 'x'.repeat(600_000) }).id;
    const honest = await memberWithRole(db, compactId, 'negotiator');
    const attacker = await memberWithRole(db, compactId, 'reviewer');
    const editor = env.connect(compactId, honest.cookie);
    await waitForSync(editor);
    assert.equal(editor.text().length, 600_000, 'the whole document arrives although it is larger than the bound');

    const ws = await rawSocket(env.server.port, compactId, attacker.cookie);
    (ws as unknown as { _socket: Socket })._socket.pause(); // never reads again
    await waitFor(() => env.server.collab.connectionCount() === 2, 'both connected');
    // Within the sync budget, each request would queue the whole document again.
    for (let i = 0; i < 25; i++) ws.send(emptyStateRequest());
    await waitFor(() => env.server.collab.connectionCount() === 1, 'the reader that does not read is dropped', 20_000);

    typeInto(editor.doc, 0, 'Still ');
    const witness = env.connect(compactId, honest.cookie);
    await waitFor(() => witness.text().startsWith('Still x'), 'editing goes on');
  });

  test('sync requests past the per-connection budget close the connection (4429)', async () => {
    const compactId = buildCompact(db, { text: 'Small.' }).id;
    const person = await memberWithRole(db, compactId, 'reviewer');
    const ws = await rawSocket(env.server.port, compactId, person.cookie);
    const closed = closeCode(ws);
    for (let i = 0; i < 40; i++) ws.send(emptyStateRequest());
    assert.equal(await closed, 4429);
  });

  test('presence messages past the per-connection budget are dropped, not relayed to the room (the connection stays)', async () => {
    const compactId = buildCompact(db, { text: 'Watched.' }).id;
    const person = await memberWithRole(db, compactId, 'reviewer');
    const ws = await rawSocket(env.server.port, compactId, person.cookie);
    for (let clock = 1; clock <= 30; clock++)
      ws.send(awarenessFrame(awarenessUpdateFor([{ clientId: 12345, clock, state: { n: clock } }])));
    // Frames are handled in order: once the sync answer arrives, every presence message before it was handled.
    const answered = new Promise<void>((resolve) =>
      ws.on('message', (data: Buffer) => data[0] === 0 && data[1] === 1 && resolve()),
    );
    ws.send(emptyStateRequest());
    await answered;
    const room = [...env.server.collab.rooms.loaded()].find((loaded) => loaded.compactId === compactId)!;
    assert.equal(room.awareness.meta.get(12345)?.clock, 10, 'only the budget’s worth was applied and relayed');
    assert.equal(ws.readyState, ws.OPEN);
    ws.close();
  });

  test('one person cannot open more sockets than the per-person cap, nor a room more than its cap (4429)', async () => {
    const compactId = buildCompact(db, { text: 'Busy room.' }).id;
    const [first, second] = await Promise.all([
      memberWithRole(db, compactId, 'reviewer'),
      memberWithRole(db, compactId, 'reviewer'),
    ]);
    const elsewhere = env.server.collab.connectionCount();
    const open = [];
    for (let i = 0; i < 5; i++) open.push(await rawSocket(env.server.port, compactId, first.cookie));
    const sixth = await rawSocket(env.server.port, compactId, first.cookie);
    assert.equal(await closeCode(sixth), 4429, 'the per-person cap');
    for (let i = 0; i < 3; i++) open.push(await rawSocket(env.server.port, compactId, second.cookie));
    const ninth = await rawSocket(env.server.port, compactId, second.cookie);
    assert.equal(await closeCode(ninth), 4429, 'the per-room cap');
    open[0]!.close();
    await closeCode(open[0]!);
    await waitFor(() => env.server.collab.connectionCount() === elsewhere + 7, 'a place frees up');
    const again = await rawSocket(env.server.port, compactId, first.cookie);
    let code: number | null = null;
    again.once('close', (c) => (code = c));
    await waitFor(
      () => env.server.collab.rooms.isLoaded(compactId) && env.server.collab.connectionCount() === elsewhere + 8,
      'admitted again',
    );
    assert.equal(code, null);
    for (const ws of [...open, again]) ws.close();
  });
});
