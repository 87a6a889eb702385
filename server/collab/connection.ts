import type { WebSocket } from 'ws';
import { applyAwarenessUpdate } from 'y-protocols/awareness';
import type { Actor } from '../auth/actor';
import type { CompactRole } from '../services/roles';
import type { PresenceUser } from './awareness-identity';
import { stampAwarenessUpdate } from './awareness-identity';
import { CLOSE, type CloseReason } from './close-codes';
import { decodeMessage, syncStep1Frame, syncStep2Frame } from './protocol';
import type { Room, RoomPeer } from './room';

export interface ConnectionAccess {
  actor: Actor;
  role: CompactRole;
  readOnly: boolean;
  presence: PresenceUser;
}

/**
 * One client socket in one room. Read-only connections are answered (sync step 1) and
 * receive every update, but their document writes are dropped here, on the server.
 */
export class CollabConnection implements RoomPeer {
  readonly awarenessClientIds = new Set<number>();
  alive = true;
  /** Set once the server closes this connection: nothing it sends afterwards is accepted. */
  private closing = false;

  constructor(
    readonly ws: WebSocket,
    readonly room: Room,
    readonly access: ConnectionAccess,
    private readonly ownsAwarenessClient: (clientId: number, connection: CollabConnection) => boolean,
  ) {
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data, isBinary) => this.onMessage(data as Buffer, isBinary));
    ws.on('pong', () => (this.alive = true));
    room.peers.add(this);
    this.send(syncStep1Frame(room.doc));
    const awareness = room.awarenessSnapshotFrame();
    if (awareness) this.send(awareness);
  }

  send(frame: Uint8Array): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(frame, this.onSendError);
  }

  /** One callback per connection (not one per frame): a failed write ends the connection. */
  private readonly onSendError = (error?: Error) => {
    if (error) this.ws.terminate();
  };

  closeForServerError(): void {
    this.close(CLOSE.serverError);
  }

  close(reason: CloseReason): void {
    this.closing = true;
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(reason.code, reason.reason);
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    if (this.closing || this.ws.readyState !== this.ws.OPEN) return;
    try {
      if (!isBinary) throw new Error('text frames are not part of the protocol');
      this.handle(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } catch {
      this.close(CLOSE.malformed);
    }
  }

  private handle(frame: Uint8Array): void {
    const message = decodeMessage(frame);
    switch (message.kind) {
      case 'sync-step-1':
        this.send(syncStep2Frame(this.room.missingFrom(message.stateVector)));
        return;
      case 'update':
        if (this.access.readOnly) return;
        this.room.receiveUpdate(this, message.update, { userId: this.access.actor.userId, partyId: this.access.actor.partyId }, message.forwardable ? frame : null);
        return;
      case 'awareness': {
        const stamped = stampAwarenessUpdate(message.update, this.access.presence, (id) => this.ownsAwarenessClient(id, this));
        applyAwarenessUpdate(this.room.awareness, stamped.update, this);
        return;
      }
      case 'query-awareness': {
        const snapshot = this.room.awarenessSnapshotFrame();
        if (snapshot) this.send(snapshot);
        return;
      }
      case 'auth':
        return;
    }
  }
}
