import 'server-only';
import type { ClientOwner } from '../services/doc-clients';
import { CLOSE, type CloseReason } from '@/shared/collab/close-codes';
import type { RoomPeer } from './room';
import type { RoomRegistry } from './room-registry';

/** A server write that the collaboration server refused (schema, client id) or could not store. */
export class ServerWriteRefused extends Error {
  constructor(readonly reason: CloseReason) {
    super(`The document refused the server's update: ${reason.reason}`);
    this.name = 'ServerWriteRefused';
  }
}

/** A server write not confirmed in time (e.g. the database stayed locked): it may still be stored. */
export class ServerWriteUnconfirmed extends Error {
  constructor() {
    super('The server update was not confirmed in time: it may or may not be stored.');
    this.name = 'ServerWriteUnconfirmed';
  }
}

/** How long a server write may wait for its commit (e.g. while another process holds the write lock). */
export const SERVER_WRITE_TIMEOUT_MS = 30_000;

/**
 * Applies a server-originated Yjs update to a compact's document — loaded or not — through the
 * same pipeline as a client's: checked (its client id is bound to `author`, the person the write
 * acts for, or the system), integrated, stored, forwarded. Resolves with the committed update id
 * (null when the update carried nothing new).
 */
export function applyServerWrite(
  rooms: RoomRegistry,
  compactId: string,
  update: Uint8Array,
  author: ClientOwner,
  timeoutMs = SERVER_WRITE_TIMEOUT_MS,
): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => settle(() => reject(new ServerWriteUnconfirmed())), timeoutMs);
    timer.unref();
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      finish();
    };
    const writer: RoomPeer = {
      owner: author,
      trusted: true,
      awarenessClientIds: new Set(),
      send: () => undefined,
      close: (reason) => settle(() => reject(new ServerWriteRefused(reason))),
      stored: (updateId) => settle(() => resolve(updateId)),
    };
    try {
      const room = rooms.open(compactId);
      const outcome = room.receiveUpdate(writer, update);
      if (outcome === 'nothing-new') settle(() => resolve(null));
      if (outcome === 'refused') settle(() => reject(new ServerWriteRefused(CLOSE.serverError)));
      rooms.releaseIfIdle(room);
    } catch (error) {
      settle(() => reject(error));
    }
  });
}
