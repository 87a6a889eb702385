import 'server-only';
import type { IncomingHttpHeaders } from 'node:http';
import type { AccessChange } from '../events/access-changes';
import type { AuditActor, AuditEventInput } from '../services/audit';
import type { ClientOwner } from '../services/doc-clients';
import type { ConnectionAccess } from './connection';

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
  | { kind: 'server-write-failed'; requestId: number; message: string }
  /** An audit event of the collaboration server, appended by the HTTP process (the only writer of the chains). */
  | { kind: 'audit'; actor: AuditActor; event: AuditEventInput };
