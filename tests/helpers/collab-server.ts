import type { AddressInfo } from 'node:net';
import type { DbHandle } from '../../db/client';
import { createAppServer } from '../../server/app-server';
import type { CollabServerOptions } from '../../server/collab/collab-server';

/** The real collaboration server (no Next.js) on an ephemeral port. */
export async function startCollabServer(handle: DbHandle, options: CollabServerOptions = {}) {
  const app = createAppServer(handle, null, { collab: options });
  await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
  const port = (app.http.address() as AddressInfo).port;
  return {
    port,
    collab: app.collab,
    async stop() {
      await app.collab.close();
      await new Promise((resolve) => app.http.close(resolve));
    },
  };
}
