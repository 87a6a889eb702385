// The collaboration process: forked by server/main.ts, it receives authenticated WebSocket
// upgrades (the socket handle, the parsed request and the access decided by the HTTP process)
// over IPC and serves them. It loads neither Next.js nor better-auth: both switch on Node's
// async hooks (AsyncLocalStorage), which would tax every socket write on the editing hot path.
import 'server-only';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { closeDb, getDb } from '@/db/client';
import { publishAccessChange } from '../events/access-changes';
import { createCollabServer } from './collab-server';
import { acquireCollabOwnership } from './process-ownership';
import { migrateLegacyTexts } from './text-migration';
import { warmUpYjs } from './warm-up';
import { serverWriteFailure, type CollabToHostMessage, type HostToCollabMessage } from './collab-process-messages';

const handle = getDb();
// WAL checkpoints (with their fsyncs) run in the HTTP process, off the editing hot path.
handle.sqlite.pragma('wal_autocheckpoint = 0');
warmUpYjs();
// One collaboration process per database: a predecessor still flushing is waited for.
const releaseOwnership = await acquireCollabOwnership(handle.sqlite, {
  onWaiting: (pid) => console.log(`Waiting for the previous collaboration process (${pid}) to finish…`),
});
const collab = createCollabServer(handle, {
  audit: (actor, event) => process.send?.({ kind: 'audit', actor, event } satisfies CollabToHostMessage),
});
// Texts written before sections and provisions are migrated before any browser opens them.
const migrated = await migrateLegacyTexts(handle.db, collab);
if (migrated > 0) console.log(`Migrated ${migrated} compact text(s) into sections and provisions.`);

process.on('message', (message: HostToCollabMessage, socket?: Socket) => {
  if (message.kind === 'access-change') {
    publishAccessChange(message.change);
  } else if (message.kind === 'server-write') {
    const { requestId } = message;
    collab.writeUpdate(message.compactId, Buffer.from(message.update, 'base64'), message.author).then(
      (updateId) => process.send?.({ kind: 'server-write-done', requestId, updateId } satisfies CollabToHostMessage),
      (error: Error) => process.send?.(serverWriteFailure(requestId, error)),
    );
  } else if (message.kind === 'upgrade' && socket) {
    const request = {
      method: message.method,
      url: message.url,
      headers: message.headers,
      socket,
    } as unknown as IncomingMessage;
    collab.accept(request, socket, Buffer.from(message.head, 'base64'), message.compactId, message.access);
  }
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await collab.close();
  releaseOwnership();
  closeDb();
  process.exit(0);
}
// The host stopping (SIGTERM) or dying (the IPC channel closes): flush and exit.
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => undefined); // Ctrl-C reaches the whole group; the host forwards SIGTERM.
process.on('disconnect', () => void stop());

process.send?.({ kind: 'ready' });
