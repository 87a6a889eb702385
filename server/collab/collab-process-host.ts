import 'server-only';
import { fork, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import path from 'node:path';
import type { DbHandle } from '@/db/client';
import type { CollabEndpoint } from '../app-server';
import { SERVER_RUNTIME_FLAGS } from '../runtime-flags';
import { onAccessChange } from '../events/access-changes';
import type { CollabToHostMessage, HostToCollabMessage } from './collab-process-messages';
import { recordAuditEvent } from '../services/audit';
import { authenticatedUpgrades } from './authenticated-upgrades';
import { createServerWriteRelay } from './server-write-relay';

const ENTRY = path.join(/*turbopackIgnore: true*/ process.cwd(), 'server', 'collab', 'collab-process.ts');

function spawnCollabProcess(): Promise<ChildProcess> {
  const child = fork(ENTRY, [], { execArgv: SERVER_RUNTIME_FLAGS, stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', (message: CollabToHostMessage) =>
      message.kind === 'ready' ? resolve(child) : reject(new Error('unexpected message')),
    );
    child.once('exit', (code) => reject(new Error(`the collaboration process exited while starting (${code})`)));
  });
}

/**
 * Runs the collaboration server in its own process: authenticates every /collab/ upgrade here,
 * then hands it over (socket, parsed request, access), and relays every access change.
 * Restarts the process if it dies.
 */
export async function startCollabProcess(handle: DbHandle): Promise<CollabEndpoint & { pid(): number | undefined }> {
  const serverWrites = createServerWriteRelay();
  // The collaboration process's audit events: appended here, the only writer of the audit chains.
  const appendAudit = (message: CollabToHostMessage) => {
    if (message.kind !== 'audit') return;
    try {
      recordAuditEvent(handle.db, message.actor, message.event);
    } catch (error) {
      console.error('Could not record an audit event of the collaboration process:', error);
    }
  };
  const attach = (next: ChildProcess) => {
    serverWrites.attach(next);
    next.on('message', appendAudit);
  };
  let child = await spawnCollabProcess();
  attach(child);
  let stopping = false;
  const superviseExit = (current: ChildProcess) =>
    current.once('exit', (code, signal) => {
      if (stopping) return;
      console.error(`The collaboration process stopped (${signal ?? code}); starting it again.`);
      const restart = () =>
        spawnCollabProcess().then(
          (next) => {
            child = next;
            attach(next);
            superviseExit(next);
          },
          () => setTimeout(restart, 1000),
        );
      restart();
    });
  superviseExit(child);

  const send = (message: HostToCollabMessage) => {
    if (child.connected) child.send(message);
  };
  /**
   * Hands a socket to the collaboration process. `send` returning false only means the message
   * is queued (many upgrades at once, e.g. every browser reconnecting after a restart): the
   * callback says whether it was delivered; only a failed delivery drops the socket.
   */
  const handOver = (message: HostToCollabMessage, socket: Socket) => {
    if (!child.connected) return socket.destroy();
    child.send(message, socket, (error) => {
      if (error) socket.destroy();
    });
  };
  const stopRelaying = onAccessChange((change) => send({ kind: 'access-change', change }));

  return {
    /** The collaboration process's pid (for operations and tests). */
    pid: () => child.pid,
    // Authentication happens here, in the HTTP process; the socket then moves to the collaboration process.
    handleUpgrade: authenticatedUpgrades(handle, (request, socket, head, compactId, access) => {
      const message: HostToCollabMessage = {
        kind: 'upgrade',
        method: request.method ?? 'GET',
        url: request.url ?? '/',
        headers: request.headers,
        head: head.toString('base64'),
        compactId,
        access,
      };
      handOver(message, socket as Socket);
    }),
    writeUpdate: (compactId, update, author) => serverWrites.write(child, compactId, update, author),
    async close() {
      stopping = true;
      stopRelaying();
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}
