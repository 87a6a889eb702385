import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { after, test } from 'node:test';
import { SERVER_RUNTIME_FLAGS } from '@/server/runtime-flags';
import { connectClient, typeInto, waitFor, waitForSync, type TestClient } from '../helpers/collab-client';
import { buildCompact, memberWithRole } from '../helpers/factories';
import { countRows, createTestDb } from '../helpers/test-db';

const db = createTestDb();
const children: ChildProcess[] = [];
const clients: TestClient[] = [];
after(() => {
  for (const client of clients) client.destroy();
  for (const child of children) child.kill('SIGKILL');
  db.cleanup();
});

async function startServerProcess(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    [...SERVER_RUNTIME_FLAGS, path.join('tests', 'helpers', 'collab-server-process.ts'), db.path],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  const port = await new Promise<number>((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n')[0];
      if (buffered.includes('\n')) resolve((JSON.parse(line!) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
    setTimeout(() => reject(new Error('the server process did not start')), 30_000).unref();
  });
  return { child, port };
}

/**
 * Resolves with the child's exit code once it has exited — also when it already has (a promise
 * waiting for an 'exit' that already happened is kept alive by nothing, and the runner cancels it).
 */
function exitOf(child: ChildProcess, timeoutMs = 20_000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server process did not exit')), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

const connect = (port: number, compactId: string, cookie: string) => {
  const client = connectClient(port, compactId, cookie);
  clients.push(client);
  return client;
};

test('SIGKILL right after a second client received N updates: the restarted server has all N, once', async () => {
  const N = 300;
  const compactId = buildCompact(db, { text: 'Seed.' }).id;
  const writer = await memberWithRole(db, compactId, 'negotiator');
  const reader = await memberWithRole(db, compactId, 'negotiator');

  const first = await startServerProcess();
  const a = connect(first.port, compactId, writer.cookie);
  const b = connect(first.port, compactId, reader.cookie);
  await Promise.all([waitForSync(a), waitForSync(b)]);

  let received = 0;
  let killed = false;
  b.doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin !== b.provider) return;
    received++;
    if (received === N && !killed) {
      killed = true;
      first.child.kill('SIGKILL'); // at the very moment the Nth update reached the other client
    }
  });
  const typed: string[] = [];
  for (let i = 0; i < N; i++) {
    const ch = String.fromCharCode(97 + (i % 26));
    typeInto(a.doc, i, ch);
    typed.push(ch);
    if (i % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  await waitFor(() => killed, `the reader receiving ${N} updates`, 20_000);
  const seenByReader = b.text();
  assert.equal(seenByReader, `${typed.join('')}Seed.`);
  // Neither old client may help: only what is on disk counts.
  a.destroy();
  b.destroy();
  await exitOf(first.child);

  const second = await startServerProcess();
  const fresh = connect(second.port, compactId, reader.cookie);
  await waitForSync(fresh);
  assert.equal(fresh.text(), seenByReader, 'every update the reader had received survived, and the seed appears once');
  second.child.kill('SIGTERM');
  await exitOf(second.child);
});

test('SIGTERM closes sockets, writes a checkpoint and exits 0; the next start serves the same text', async () => {
  const compactId = buildCompact(db, { text: 'Before shutdown.' }).id;
  const editor = await memberWithRole(db, compactId, 'negotiator');
  const server = await startServerProcess();
  const client = connect(server.port, compactId, editor.cookie);
  await waitForSync(client);
  typeInto(client.doc, 0, 'Edited ');
  await waitFor(() => countRows(db, `doc_updates WHERE compact_id = '${compactId}'`) === 2, 'update stored');
  server.child.kill('SIGTERM');
  assert.equal(await exitOf(server.child), 0);
  await waitFor(() => client.closeCodes.includes(1001), 'client told the server is going away');
  client.destroy();
  assert.equal(countRows(db, `doc_checkpoints WHERE compact_id = '${compactId}'`), 1);

  const again = await startServerProcess();
  const fresh = connect(again.port, compactId, editor.cookie);
  await waitForSync(fresh);
  assert.equal(fresh.text(), 'Edited Before shutdown.');
  again.child.kill('SIGTERM');
  await exitOf(again.child);
});
