import http from 'node:http';
import type { DbHandle } from '../db/client';
import { CLIENT_ADDRESS_HEADER } from './auth/request-origin';
import { createCollabServer, type CollabServer, type CollabServerOptions } from './collab/collab-server';

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
export type UpgradeHandler = (req: http.IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => void;

export interface AppServer {
  http: http.Server;
  collab: CollabServer;
}

/**
 * One HTTP server for everything: the collaboration WebSocket under /collab/ (routed before
 * Next.js sees the upgrade) and every other request to `handleRequest` (Next.js in production).
 */
export function createAppServer(
  handle: DbHandle,
  handleRequest: RequestHandler | null,
  options: { collab?: CollabServerOptions; otherUpgrades?: UpgradeHandler } = {},
): AppServer {
  const collab = createCollabServer(handle, options.collab);
  const server = http.createServer((req, res) => {
    // The peer address, for sign-in throttling; whatever a client sent in this header is replaced.
    req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? 'unknown';
    if (handleRequest) handleRequest(req, res);
    else {
      res.statusCode = 404;
      res.end();
    }
  });
  server.on('upgrade', (req, socket, head) => {
    if (collab.handleUpgrade(req, socket, head)) return;
    if (options.otherUpgrades) options.otherUpgrades(req, socket, head);
    else socket.destroy();
  });
  return { http: server, collab };
}
