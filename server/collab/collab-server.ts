import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { DbHandle } from '../../db/client';
import { config } from '../config';
import { enforceAccess } from './access-enforcer';
import { CLOSE, type CloseReason } from './close-codes';
import { CollabConnection } from './connection';
import { RoomRegistry } from './room-registry';
import { UpdateBatcher } from './update-batcher';
import { authorizeUpgrade, compactIdFromPath } from './upgrade-auth';

export interface CollabServerOptions {
  idleUnloadMs?: number;
  maxPayloadBytes?: number;
  sessionRecheckMs?: number;
  heartbeatMs?: number;
}

export interface CollabServer {
  /** Handles an HTTP upgrade for `/collab/<compactId>`; returns false for other paths. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
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

  const refuse = (request: IncomingMessage, socket: Duplex, head: Buffer, reason: CloseReason) => {
    wss.handleUpgrade(request, socket, head, (ws) => ws.close(reason.code, reason.reason));
  };

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const compactId = compactIdFromPath(request.url);
    if (compactId === null) return false;
    socket.on('error', () => socket.destroy());
    authorizeUpgrade(handle, request, compactId)
      .then((result) => {
        if (!result.ok) return refuse(request, socket, head, result.refusal);
        wss.handleUpgrade(request, socket, head, (ws) => {
          ws.on('error', () => ws.terminate());
          const connection = connectToRoom(ws, compactId, result.access);
          connections.add(connection);
          ws.on('close', () => {
            connections.delete(connection);
            rooms.leave(connection.room, connection);
          });
        });
      })
      .catch(() => socket.destroy());
    return true;
  }

  function connectToRoom(ws: WebSocket, compactId: string, access: CollabConnection['access']): CollabConnection {
    // Opening the room loads it synchronously, so the stored state (never an empty
    // placeholder) answers the client's first sync.
    return new CollabConnection(ws, rooms.open(compactId), access, ownsAwarenessClient);
  }

  return {
    handleUpgrade,
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
