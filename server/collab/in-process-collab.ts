import 'server-only';
import type { DbHandle } from '@/db/client';
import type { CollabEndpoint } from '../app-server';
import { authenticatedUpgrades } from './authenticated-upgrades';
import { createCollabServer, type CollabServer, type CollabServerOptions } from './collab-server';

/** The collaboration server in this process behind the authenticating front door (tests, tools). */
export function inProcessCollab(
  handle: DbHandle,
  options: CollabServerOptions = {},
): CollabEndpoint & { server: CollabServer } {
  const server = createCollabServer(handle, options);
  return {
    server,
    handleUpgrade: authenticatedUpgrades(handle, server.accept),
    close: () => server.close(),
    writeUpdate: (compactId, update, author) => server.writeUpdate(compactId, update, author),
  };
}
