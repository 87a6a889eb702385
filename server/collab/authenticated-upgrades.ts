import 'server-only';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { DbHandle } from '@/db/client';
import type { ConnectionAccess } from './connection';
import { refuseUpgrade } from './refuse-upgrade';
import { authorizeUpgrade, compactIdFromPath } from './upgrade-auth';

export type DeliverUpgrade = (
  request: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  compactId: string,
  access: ConnectionAccess,
) => void;

/**
 * The front door for /collab/<compactId>: authenticates the session cookie and checks
 * membership before the upgrade, refuses with 4401 / 4403, and delivers accepted sockets
 * (with their access) to the collaboration server. Returns false for other paths.
 */
export function authenticatedUpgrades(handle: DbHandle, deliver: DeliverUpgrade) {
  return (request: IncomingMessage, socket: Duplex, head: Buffer): boolean => {
    const compactId = compactIdFromPath(request.url);
    if (compactId === null) return false;
    socket.on('error', () => socket.destroy());
    authorizeUpgrade(handle, request, compactId)
      .then((result) =>
        result.ok
          ? deliver(request, socket, head, compactId, result.access)
          : refuseUpgrade(request, socket, head, result.refusal),
      )
      .catch(() => socket.destroy());
    return true;
  };
}
