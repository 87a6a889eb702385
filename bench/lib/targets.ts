import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { addMember, buildCompact, buildParty, buildUser } from '@/tests/helpers/factories';
import { connectClient, type TestClient } from '@/tests/helpers/collab-client';
import { startOurs, startReference, type RunningServer, type ServerKind } from './servers';

export const BENCH_PASSWORD = 'benchmark password';

/** A server under test with its documents and (for ours) signed-in users. */
export interface Target {
  kind: ServerKind;
  server: RunningServer;
  docIds: string[];
  connect(docIndex: number, userIndex?: number): TestClient;
  /** Stops the server (signal) and starts it again on the same data (ours) or empty (reference). */
  restart(signal: NodeJS.Signals): Promise<void>;
  /** Our SQLite file (null for the reference, which keeps nothing). */
  databasePath: string | null;
  /** Stops the server; throws if the server refused any client's work (see refusalsOf). */
  close(): Promise<void>;
}

/**
 * The 4xxx close codes clients of this target received, with how often. The server uses 4xxx to
 * refuse a client (schema, client id, unknown dependency, access); a benchmark workload must never
 * provoke one, or the numbers measure reconnects instead of editing. Crashes and restarts close
 * with 1xxx codes, which are expected here.
 */
function refusalsOf(clients: TestClient[]): Map<number, number> {
  const refusals = new Map<number, number>();
  for (const code of clients.flatMap((client) => client.closeCodes)) {
    if (code >= 4000 && code < 5000) refusals.set(code, (refusals.get(code) ?? 0) + 1);
  }
  return refusals;
}

/** Records every client `connect` makes; `closing` stops the server and then reports refusals. */
function trackRefusals(
  kind: ServerKind,
  connect: (docIndex: number, userIndex?: number) => TestClient,
  stop: () => Promise<void>,
) {
  const clients: TestClient[] = [];
  return {
    connect(docIndex: number, userIndex?: number) {
      const client = connect(docIndex, userIndex);
      clients.push(client);
      return client;
    },
    async close() {
      await stop();
      const refusals = refusalsOf(clients);
      if (refusals.size > 0)
        throw new Error(
          `the ${kind} server refused clients: ${[...refusals].map(([code, times]) => `${times}× close ${code}`).join(', ')}`,
        );
    },
  };
}

export async function signInOverHttp(port: number, email: string, password: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/**
 * Signs the bench accounts in one after another: the server counts each sign-in against the
 * address before checking it, so dozens at once from one address would meet the throttle.
 */
async function signInAll(port: number, accounts: { email: string }[]): Promise<string[]> {
  const cookies: string[] = [];
  for (const account of accounts) cookies.push(await signInOverHttp(port, account.email, BENCH_PASSWORD));
  return cookies;
}

/** Our server with authentication and persistence on: its own users and compacts in a temporary database. */
async function ourTarget(docs: number, users: number): Promise<Target> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compact-bench-'));
  const databasePath = path.join(dir, 'compact.db');
  const handle = openDatabase(databasePath);
  const partyId = buildParty(handle, { name: 'Benchmark party', shortCode: 'BENCH' }).id;
  const accounts: { id: string; email: string }[] = [];
  for (let i = 0; i < users; i++)
    accounts.push(await buildUser(handle, { email: `bench${i}@example.org`, password: BENCH_PASSWORD }));
  const docIds: string[] = [];
  handle.sqlite.transaction(() => {
    for (let i = 0; i < docs; i++) {
      const id = buildCompact(handle).id;
      for (const account of accounts) addMember(handle, id, account.id, 'negotiator', partyId);
      docIds.push(id);
    }
  })();
  handle.sqlite.close();

  let server = await startOurs(databasePath);
  let cookies = await signInAll(server.port, accounts);
  const tracked = trackRefusals(
    'ours',
    (docIndex, userIndex = 0) =>
      connectClient(target.server.port, docIds[docIndex]!, cookies[userIndex % cookies.length]!),
    async () => {
      await server.stop('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );
  const target: Target = {
    kind: 'ours',
    server,
    docIds,
    databasePath,
    connect: tracked.connect,
    async restart(signal) {
      await server.stop(signal);
      server = await startOurs(databasePath);
      target.server = server;
      cookies = await signInAll(server.port, accounts);
    },
    close: tracked.close,
  };
  return target;
}

async function referenceTarget(docs: number): Promise<Target> {
  let server = await startReference();
  const docIds = Array.from({ length: docs }, (_, i) => `bench-doc-${i}`);
  const tracked = trackRefusals(
    'reference',
    (docIndex) => connectClient(target.server.port, docIds[docIndex]!, null, ''),
    () => server.stop('SIGKILL'),
  );
  const target: Target = {
    kind: 'reference',
    server,
    docIds,
    databasePath: null,
    connect: tracked.connect,
    async restart(signal) {
      await server.stop(signal);
      server = await startReference();
      target.server = server;
    },
    close: tracked.close,
  };
  return target;
}

export function startTarget(kind: ServerKind, options: { docs: number; users?: number }): Promise<Target> {
  return kind === 'ours' ? ourTarget(options.docs, options.users ?? 2) : referenceTarget(options.docs);
}
