import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';
import type * as Y from 'yjs';
import type { DbHandle } from '@/db/client';
import { createAppServer } from '@/server/app-server';
import type { CollabServerOptions } from '@/server/collab/collab-server';
import { inProcessCollab } from '@/server/collab/in-process-collab';
import { connectClient, waitForSync, type TestClient } from './collab-client';
import { createTestDb } from './test-db';

/** The real collaboration server (no Next.js) on an ephemeral port. */
export async function startCollabServer(handle: DbHandle, options: CollabServerOptions = {}) {
  const endpoint = inProcessCollab(handle, options);
  const app = createAppServer(null, { collab: endpoint });
  await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
  const port = (app.http.address() as AddressInfo).port;
  return {
    port,
    collab: endpoint.server,
    async stop() {
      await app.collab.close();
      await new Promise((resolve) => app.http.close(resolve));
    },
  };
}

/**
 * One test file's fresh database and real collaboration server, started before its tests and
 * stopped after them, with the clients it connected destroyed first.
 */
export function collabTestEnvironment(options: CollabServerOptions = {}) {
  const db = createTestDb();
  const clients: TestClient[] = [];
  let server: Awaited<ReturnType<typeof startCollabServer>>;
  before(async () => {
    server = await startCollabServer(db, options);
  });
  after(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
    db.cleanup();
  });
  return {
    db,
    get server() {
      return server;
    },
    /** A real y-websocket client (optionally on a given document), destroyed after the file. */
    connect(compactId: string, cookie: string | null, doc?: Y.Doc): TestClient {
      const client = connectClient(server.port, compactId, cookie, '/collab', doc);
      clients.push(client);
      return client;
    },
    /** A member's live editor on a compact (a real y-websocket client with their cookie), synced. */
    async editor(compactId: string, cookie: string): Promise<TestClient> {
      const client = this.connect(compactId, cookie);
      await waitForSync(client);
      return client;
    },
    /** Stops the server and starts a new one on the same database (a restart). */
    async restart() {
      await server.stop();
      server = await startCollabServer(db, options);
    },
  };
}
