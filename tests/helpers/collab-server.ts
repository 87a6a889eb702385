import type { AddressInfo } from 'node:net';
import type { DbHandle } from '../../db/client';
import { createAppServer } from '../../server/app-server';
import type { CollabServerOptions } from '../../server/collab/collab-server';
import { inProcessCollab } from '../../server/collab/in-process-collab';

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
