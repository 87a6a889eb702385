import 'server-only';
import type { IncomingHttpHeaders } from 'node:http';
import type { AccessChange } from '../events/access-changes';
import type { AuditActor, AuditEventInput } from '../services/audit';
import type { ClientOwner } from '../services/doc-clients';
import type { ConnectionAccess } from './connection';
import { ServerWriteRefused } from './server-writes';
import { CLOSE } from '@/shared/collab/close-codes';

/** What the host (the HTTP process) sends the collaboration process over IPC. */
export type HostToCollabMessage =
  | {
      kind: 'upgrade';
      method: string;
      url: string;
      headers: IncomingHttpHeaders;
      head: string;
      compactId: string;
      access: ConnectionAccess;
    }
  | { kind: 'access-change'; change: AccessChange }
  /** A server-originated update (base64) for a compact's document, on behalf of `author`. */
  | { kind: 'server-write'; requestId: number; compactId: string; update: string; author: ClientOwner };

export type CollabToHostMessage =
  | { kind: 'ready' }
  | { kind: 'server-write-done'; requestId: number; updateId: number | null }
  /** `refusedCode`: the close code of a refusal (ServerWriteRefused), so the host can say why. */
  | { kind: 'server-write-failed'; requestId: number; message: string; refusedCode?: number }
  /** An audit event of the collaboration server, appended by the HTTP process (the only writer of the chains). */
  | { kind: 'audit'; actor: AuditActor; event: AuditEventInput };

type ServerWriteFailed = Extract<CollabToHostMessage, { kind: 'server-write-failed' }>;

/** A failed server write as sent over IPC: a refusal keeps its close code, anything else only its message. */
export function serverWriteFailure(requestId: number, error: Error): ServerWriteFailed {
  const refusedCode = error instanceof ServerWriteRefused ? error.reason.code : undefined;
  return { kind: 'server-write-failed', requestId, message: error.message, refusedCode };
}

/** The error a failed server write rejects with in the host: a refusal is a ServerWriteRefused again. */
export function serverWriteError(message: ServerWriteFailed): Error {
  const reason = Object.values(CLOSE).find((entry) => entry.code === message.refusedCode);
  return reason ? new ServerWriteRefused(reason) : new Error(message.message);
}
