import 'server-only';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { CloseReason } from '@/shared/collab/close-codes';

let handshakes: WebSocketServer | null = null;

/**
 * Refuses a WebSocket with a close code the client understands (4401, 4403…): the handshake
 * completes only so that the code can be sent. Nothing else happens on that socket.
 */
export function refuseUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, reason: CloseReason): void {
  handshakes ??= new WebSocketServer({ noServer: true, maxPayload: 1024 });
  handshakes.handleUpgrade(request, socket, head, (ws) => {
    ws.on('error', () => ws.terminate());
    ws.close(reason.code, reason.reason);
  });
}
