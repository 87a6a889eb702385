import 'server-only';
import { registerServerWriter, unregisterServerWriter } from './collab/collab-endpoint-registry';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { CLIENT_ADDRESS_HEADER } from './auth/request-origin';
import type { ClientOwner } from './services/doc-clients';
import { checkSettings } from './config';
import { limitRequestBody } from './http/body-limits';
import { setSecurityHeaders } from './http/security-headers';

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
export type UpgradeHandler = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void;

/** Where collaboration WebSockets go: the server in this process, or the collaboration process. */
export interface CollabEndpoint {
  /** Takes an upgrade for `/collab/<compactId>`; returns false for any other path. */
  handleUpgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Closes every socket and flushes every document. */
  close(): Promise<void>;
  /**
   * Applies a server-originated Yjs update to a compact's document (loaded or not) through the
   * collaboration pipeline; resolves with the committed update id (null when nothing was new).
   * `author` is a member with the party they represent in that compact, or the system (both
   * null); anyone else is refused.
   */
  writeUpdate(compactId: string, update: Uint8Array, author: ClientOwner): Promise<number | null>;
}

export interface AppServer {
  http: http.Server;
  collab: CollabEndpoint;
}

/**
 * One HTTP server for everything: collaboration WebSockets under /collab/ (routed before
 * Next.js sees the upgrade) and every other request to `handleRequest` (Next.js in production),
 * with the security headers and the body cap of its route (see server/http/).
 */
export function createAppServer(
  handleRequest: RequestHandler | null,
  options: { collab: CollabEndpoint; otherUpgrades?: UpgradeHandler; development?: boolean },
): AppServer {
  const development = options.development ?? process.env.NODE_ENV !== 'production';
  checkSettings();
  registerServerWriter(options.collab);
  const server = http.createServer((req, res) => {
    // The peer address, for sign-in throttling; whatever a client sent in this header is replaced.
    req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? 'unknown';
    setSecurityHeaders(req, res, development);
    if (!limitRequestBody(req, res)) return;
    if (handleRequest) handleRequest(req, res);
    else {
      res.statusCode = 404;
      res.end();
    }
  });
  server.on('upgrade', (req, socket, head) => {
    if (options.collab.handleUpgrade(req, socket, head)) return;
    if (options.otherUpgrades) options.otherUpgrades(req, socket, head);
    else socket.destroy();
  });
  server.on('close', () => unregisterServerWriter(options.collab));
  return { http: server, collab: options.collab };
}
