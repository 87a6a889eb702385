import 'server-only';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { DbHandle } from '@/db/client';
import { config } from '../config';
import { enforceAccess, recheckAccess } from './access-enforcer';
import { CLOSE } from '@/shared/collab/close-codes';
import { CollabConnection, type ConnectionAccess, type ConnectionLimits } from './connection';
import { ConnectionCounts } from './connection-counts';
import type { Room } from './room';
import { recordAuditEvent } from '../services/audit';
import type { AuditSink } from './audit-sink';
import { negotiationEvents } from './negotiation-follow-up';
import { RefusalCooldown } from './refusal-cooldown';
import { RoomRegistry } from './room-registry';
import { applyServerWrite, ServerWriteRefused } from './server-writes';
import { archivedRefusal } from '../policies/archive-policy';
import { compactExists, findMembership } from '../services/compacts';
import type { ClientOwner } from '../services/doc-clients';
import { openWriterConnection, UpdateBatcher, type LongLock } from './update-batcher';

export interface CollabServerOptions extends Partial<ConnectionLimits> {
  /** Where its audit events go (default: appended here; the collaboration process sends them to the HTTP process). */
  audit?: AuditSink;
  idleUnloadMs?: number;
  maxPayloadBytes?: number;
  sessionRecheckMs?: number;
  heartbeatMs?: number;
  maxConnectionsPerPerson?: number;
  maxConnectionsPerRoom?: number;
  writeBusyTimeoutMs?: number;
  /** See config.collabRefusalCooldownMs. */
  refusalCooldownMs?: number;
  /** Told each time the writer found the database locked by another process. */
  onWriteBusy?: () => void;
  /** See WriterOptions.longLockMs / onLongLock (a lock held long is logged by default). */
  longWriteLockMs?: number;
  onLongWriteLock?: (lock: LongLock) => void;
}

export interface CollabServer {
  /** Serves an upgrade whose access was decided by `authorizeUpgrade` (here or in the HTTP process). */
  accept(request: IncomingMessage, socket: Duplex, head: Buffer, compactId: string, access: ConnectionAccess): void;
  readonly rooms: RoomRegistry;
  connectionCount(): number;
  /** Closes every socket (1001), stores what is queued, checkpoints and unloads every room. */
  close(): Promise<void>;
  /** A server-originated update through the same pipeline as clients' (see server-writes.ts). */
  writeUpdate(compactId: string, update: Uint8Array, author: ClientOwner): Promise<number | null>;
}

/**
 * Whether a server write may be attributed to `author` in this compact: the system, or a member for
 * their party here while the compact is not archived (a member's write checked before the archiving,
 * e.g. a restore that waited for its turn, is refused here).
 */
function mayAuthor(db: DbHandle['db'], compactId: string, author: ClientOwner): boolean {
  if (author.userId === null) return author.partyId === null && compactExists(db, compactId);
  const membership = findMembership(db, compactId, author.userId);
  return membership?.partyId === author.partyId && archivedRefusal(membership) === null;
}

/** The y-websocket-protocol collaboration server, attached to the app's HTTP server. */
export function createCollabServer(handle: DbHandle, options: CollabServerOptions = {}): CollabServer {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayloadBytes ?? config.collabMaxPayloadBytes,
  });
  const writer = openWriterConnection(
    handle.path,
    handle.sqlite,
    options.writeBusyTimeoutMs ?? config.collabWriteBusyTimeoutMs,
  );
  const batcher = new UpdateBatcher(writer, {
    busyTimeoutMs: options.writeBusyTimeoutMs ?? config.collabWriteBusyTimeoutMs,
    onBusy: options.onWriteBusy,
    longLockMs: options.longWriteLockMs,
    onLongLock: options.onLongWriteLock,
  });
  // Client-id bindings are read (and, for documents stored before them, written once) on the writer's connection.
  const cooldown = new RefusalCooldown(options.refusalCooldownMs ?? config.collabRefusalCooldownMs);
  const negotiation = negotiationEvents(
    handle.db,
    (compactId, update, author) => applyServerWrite(rooms, compactId, update, author),
    options.audit ?? ((actor, event) => recordAuditEvent(handle.db, actor, event)),
  );
  const rooms: RoomRegistry = new RoomRegistry(
    handle.db,
    writer,
    batcher,
    options.idleUnloadMs ?? config.collabIdleUnloadMs,
    {
      ...negotiation,
      proposalRefused(room, author, detail) {
        cooldown.refused(author.userId, room.compactId);
        negotiation.proposalRefused(room, author, detail);
      },
    },
  );
  const connections = new Set<CollabConnection>();
  const counts = new ConnectionCounts(
    options.maxConnectionsPerPerson ?? config.collabMaxConnectionsPerPerson,
    options.maxConnectionsPerRoom ?? config.collabMaxConnectionsPerRoom,
  );
  const limits: ConnectionLimits = {
    maxBufferedBytes: options.maxBufferedBytes ?? config.collabMaxBufferedBytes,
    maxAwarenessBytes: options.maxAwarenessBytes ?? config.collabMaxAwarenessBytes,
    syncRequestsPerMinute: options.syncRequestsPerMinute ?? config.collabSyncRequestsPerMinute,
    awarenessMessagesPerMinute: options.awarenessMessagesPerMinute ?? config.collabAwarenessMessagesPerMinute,
  };

  const stopEnforcing = enforceAccess(
    handle.db,
    () => connections,
    options.sessionRecheckMs ?? config.collabSessionRecheckMs,
  );

  const heartbeat = setInterval(() => {
    for (const connection of connections) {
      if (!connection.alive) {
        connection.ws.terminate();
        continue;
      }
      connection.alive = false;
      connection.ws.ping();
    }
  }, options.heartbeatMs ?? 30_000);
  heartbeat.unref();

  /** Completes the WebSocket handshake for a connection whose access is already decided. */
  function accept(
    request: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    compactId: string,
    access: ConnectionAccess,
  ): void {
    wss.handleUpgrade(request, socket, head, (ws) => {
      ws.on('error', () => ws.terminate());
      const { userId } = access.actor;
      // Refused before the room is loaded: one person cannot open sockets without bound.
      // Also refused for a while after the party rules refused this person's update here (refusal-cooldown.ts).
      if (cooldown.coolingDown(userId, compactId) || !counts.admit(userId, compactId))
        return ws.close(CLOSE.tooManyRequests.code, CLOSE.tooManyRequests.reason);
      // Opening the room loads it synchronously, so the stored state (never an empty
      // placeholder) answers the client's first sync.
      let room: Room;
      try {
        room = rooms.open(compactId);
      } catch (error) {
        console.error(`Could not load compact ${compactId}:`, error);
        counts.release(userId, compactId);
        return ws.close(CLOSE.serverError.code, CLOSE.serverError.reason); // the client tries again
      }
      const connection = new CollabConnection(ws, room, access, limits);
      connections.add(connection);
      ws.on('close', () => {
        connections.delete(connection);
        counts.release(userId, compactId);
        rooms.leave(connection.room, connection);
      });
      // Access may have changed while the upgrade was on its way (e.g. handed between processes).
      const changed = recheckAccess(handle.db, connection);
      if (changed) connection.close(changed);
    });
  }

  return {
    accept,
    rooms,
    connectionCount: () => connections.size,
    writeUpdate(compactId, update, author) {
      // Never a room (nor update rows) for a compact that does not exist, and never attributed to
      // anyone but a member with the party they represent in this compact (or to the system).
      if (!mayAuthor(handle.db, compactId, author)) return Promise.reject(new ServerWriteRefused(CLOSE.forbidden));
      return applyServerWrite(rooms, compactId, update, author);
    },
    async close() {
      stopEnforcing();
      clearInterval(heartbeat);
      const closed = [...connections].map(
        (connection) =>
          new Promise<void>((resolve) => {
            connection.ws.once('close', () => resolve());
            connection.close(CLOSE.goingAway);
            setTimeout(() => {
              connection.ws.terminate();
              resolve();
            }, 1000).unref();
          }),
      );
      await Promise.all(closed);
      rooms.closeAll();
      batcher.close();
      wss.close();
    },
  };
}
