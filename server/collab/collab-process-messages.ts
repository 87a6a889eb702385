import type { IncomingHttpHeaders } from 'node:http';
import type { AccessChange } from '../events/access-changes';
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
  | { kind: 'access-change'; change: AccessChange };

export type CollabToHostMessage = { kind: 'ready' };
