import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { DbHandle } from '../../db/client';
import { config } from '../config';
import { enforceAccess, recheckAccess } from './access-enforcer';
import { CLOSE } from './close-codes';
import { CollabConnection, type ConnectionAccess } from './connection';
import { RoomRegistry } from './room-registry';
import { UpdateBatcher } from './update-batcher';

export interface CollabServerOptions {
  idleUnloadMs?: number;
  maxPayloadBytes?: number;
  sessionRecheckMs?: number;
  heartbeatMs?: number;
}

export interface CollabServer {
  /** Serves an upgrade whose access was decided by `authorizeUpgrade` (here or in the HTTP process). */
  accept(request: IncomingMessage, socket: Duplex, head: Buffer, compactId: string, access: ConnectionAccess): void;
  readonly rooms: RoomRegistry;
  connectionCount(): number;
  /** Closes every socket (1001), checkpoints and unloads every room. */
  close(): Promise<void>;
}

/** The y-websocket-protocol collaboration server, attached to the app's HTTP server. */
export function createCollabServer(handle: DbHandle, options: CollabServerOptions = {}): CollabServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayloadBytes ?? config.collabMaxPayloadBytes });
  const rooms = new RoomRegistry(handle.db, new UpdateBatcher(handle.sqlite), options.idleUnloadMs ?? config.collabIdleUnloadMs);
  const connections = new Set<CollabConnection>();

  const ownsAwarenessClient = (clientId: number, connection: CollabConnection) => {
    for (const other of connection.room.peers) {
      if (other !== connection && other.awarenessClientIds.has(clientId)) return false;
    }
    return true;
  };

  const stopEnforcing = enforceAccess(handle.db, () => connections, options.sessionRecheckMs ?? config.collabSessionRecheckMs);

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
  function accept(request: IncomingMessage, socket: Duplex, head: Buffer, compactId: string, access: ConnectionAccess): void {
    wss.handleUpgrade(request, socket, head, (ws) => {
      ws.on('error', () => ws.terminate());
      const connection = connectToRoom(ws, compactId, access);
      connections.add(connection);
      // Access may have changed while the upgrade was on its way (e.g. handed between processes).
      const changed = recheckAccess(handle.db, connection);
      if (changed) connection.close(changed);
      ws.on('close', () => {
        connections.delete(connection);
        rooms.leave(connection.room, connection);
      });
    });
  }

  function connectToRoom(ws: WebSocket, compactId: string, access: ConnectionAccess): CollabConnection {
    // Opening the room loads it synchronously, so the stored state (never an empty
    // placeholder) answers the client's first sync.
    return new CollabConnection(ws, rooms.open(compactId), access, ownsAwarenessClient);
  }

  return {
    accept,
    rooms,
    connectionCount: () => connections.size,
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
      wss.close();
    },
  };
}
