// The reference: @y/websocket-server's setupWSConnection on a plain ws server, in memory.
// Prints {"port": N} once listening on loopback.
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const server = http.createServer((_req, res) => res.end('reference'));
const wss = new WebSocketServer({ server });
wss.on('connection', (ws, req) => setupWSConnection(ws, req));
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
