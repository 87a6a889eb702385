import 'server-only';
import type { ChildProcess } from 'node:child_process';
import type { ClientOwner } from '../services/doc-clients';
import { serverWriteError, type CollabToHostMessage } from './collab-process-messages';
import { SERVER_WRITE_TIMEOUT_MS, ServerWriteUnconfirmed } from './server-writes';

interface PendingWrite {
  resolve(updateId: number | null): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * The HTTP process's side of server writes: sends each update to the collaboration process and
 * resolves with the committed update id it answers. A write still waiting when the process stops
 * (or after the timeout) fails: its update may or may not have been stored, and the caller says so.
 */
export function createServerWriteRelay(timeoutMs = SERVER_WRITE_TIMEOUT_MS) {
  let nextRequestId = 1;
  const pending = new Map<number, PendingWrite>();
  const settle = (requestId: number, finish: (write: PendingWrite) => void) => {
    const write = pending.get(requestId);
    if (!write) return;
    pending.delete(requestId);
    clearTimeout(write.timer);
    finish(write);
  };
  const onMessage = (message: CollabToHostMessage) => {
    if (message.kind === 'server-write-done') settle(message.requestId, (w) => w.resolve(message.updateId));
    if (message.kind === 'server-write-failed') settle(message.requestId, (w) => w.reject(serverWriteError(message)));
  };
  const failAll = () => {
    for (const requestId of [...pending.keys()]) {
      settle(requestId, (w) => w.reject(new ServerWriteUnconfirmed())); // it may have stored the write before stopping
    }
  };

  return {
    /** Listens to a (new) collaboration process. */
    attach(child: ChildProcess): void {
      child.on('message', onMessage);
      child.once('exit', failAll);
      child.once('disconnect', failAll);
    },
    write(child: ChildProcess, compactId: string, update: Uint8Array, author: ClientOwner): Promise<number | null> {
      if (!child.connected) return Promise.reject(new Error('The collaboration process is not running.'));
      const requestId = nextRequestId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => settle(requestId, (w) => w.reject(new ServerWriteUnconfirmed())), timeoutMs);
        timer.unref();
        pending.set(requestId, { resolve, reject, timer });
        const encoded = Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('base64');
        child.send({ kind: 'server-write', requestId, compactId, update: encoded, author }, (error) => {
          if (error) settle(requestId, (w) => w.reject(error));
        });
      });
    },
  };
}
