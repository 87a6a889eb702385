import 'server-only';
import type { WebSocket } from 'ws';
import { applyAwarenessUpdate } from 'y-protocols/awareness';
import type { Actor } from '../auth/actor';
import type { ClientOwner } from '../services/doc-clients';
import type { CompactMember } from '@/server/policies/compact-member';
import type { PresenceUser } from './awareness-identity';
import { stampAwarenessUpdate } from './awareness-identity';
import { CLOSE, type CloseReason } from '@/shared/collab/close-codes';
import { decodeMessage, syncStep1Frame } from './protocol';
import { RequestBudget } from './request-budget';
import type { Room, RoomPeer } from './room';

export interface ConnectionAccess {
  actor: Actor;
  /** The person in this compact: their role and the party they represent here (updates are stamped with it). */
  member: CompactMember;
  readOnly: boolean;
  presence: PresenceUser;
}

export const MAX_PRESENCE_IDS_PER_CONNECTION = 4;

export interface ConnectionLimits {
  /** Bytes a socket may have queued beyond the document's own size before it is dropped as too slow. */
  maxBufferedBytes: number;
  maxAwarenessBytes: number;
  syncRequestsPerMinute: number;
  /** Presence messages one connection may send per minute; past it they are dropped (presence is lossy). */
  awarenessMessagesPerMinute: number;
}

/**
 * One client socket in one room. Read-only connections are answered (sync step 1) and
 * receive every update, but their document writes are dropped here, on the server.
 */
export class CollabConnection implements RoomPeer {
  readonly awarenessClientIds = new Set<number>();
  readonly owner: ClientOwner;
  alive = true;
  /** Set once the server closes this connection: nothing it sends afterwards is accepted. */
  private closing = false;
  private announced = false;
  private readonly presentedIds = new Set<number>();
  private readonly syncRequests: RequestBudget;
  private readonly awarenessMessages: RequestBudget;

  constructor(
    readonly ws: WebSocket,
    readonly room: Room,
    readonly access: ConnectionAccess,
    private readonly limits: ConnectionLimits,
  ) {
    this.owner = { userId: access.member.userId, partyId: access.member.partyId };
    this.syncRequests = new RequestBudget(limits.syncRequestsPerMinute, 60_000);
    this.awarenessMessages = new RequestBudget(limits.awarenessMessagesPerMinute, 60_000);
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data, isBinary) => this.onMessage(data as Buffer, isBinary));
    ws.on('pong', () => (this.alive = true));
    room.peers.add(this);
    this.send(syncStep1Frame(room.doc));
    const awareness = room.awarenessSnapshotFrame();
    if (awareness) this.send(awareness);
  }

  /**
   * Queues a frame. A socket that does not read (its queue passes the document's size plus
   * `maxBufferedBytes`) is dropped rather than allowed to hold the server's memory; a slow
   * but honest connection still receives its first sync, which is at most the document.
   */
  send(frame: Uint8Array): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount + frame.byteLength > this.limits.maxBufferedBytes + this.room.documentBytes) {
      this.closing = true;
      this.ws.terminate();
      return;
    }
    this.ws.send(frame, this.onSendError);
  }

  /** One callback per connection (not one per frame): a failed write ends the connection. */
  private readonly onSendError = (error?: Error) => {
    if (error) this.ws.terminate();
  };

  close(reason: CloseReason): void {
    this.closing = true;
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING)
      this.ws.close(reason.code, reason.reason);
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    if (this.closing || this.ws.readyState !== this.ws.OPEN) return;
    try {
      if (!isBinary) throw new Error('text frames are not part of the protocol');
      this.handle(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), data.byteLength);
    } catch {
      this.close(CLOSE.malformed);
    }
  }

  private handle(frame: Uint8Array, size: number): void {
    const message = decodeMessage(frame);
    switch (message.kind) {
      case 'sync-step-1':
        if (!this.syncRequests.take()) return this.close(CLOSE.tooManyRequests);
        this.room.answerSync(this, message.stateVector);
        return;
      case 'update':
        if (this.access.readOnly) return;
        this.room.receiveUpdate(this, message.update);
        return;
      case 'awareness':
        if (size > this.limits.maxAwarenessBytes) return this.close(CLOSE.tooLarge);
        // Each one is relayed to every peer: a flood is dropped here (the next message within budget catches up).
        if (!this.awarenessMessages.take()) return;
        return this.receiveAwareness(message.update);
      case 'query-awareness': {
        if (!this.syncRequests.take()) return this.close(CLOSE.tooManyRequests);
        const snapshot = this.room.awarenessSnapshotFrame();
        if (snapshot) this.send(snapshot);
        return;
      }
      case 'auth':
        return;
    }
  }

  /**
   * Presence: the identity is stamped by the server; entries for ids held by someone else are
   * dropped (y-websocket clients echo everyone's presence back). A client whose own first
   * announcement uses an id held by someone else is closed, so its editor starts afresh.
   */
  /**
   * Whether this connection may speak for an awareness id: not when someone else holds it, and
   * only for a few ids of its own (a browser tab uses one), so nobody can flood a room's presence.
   */
  private mayPresent(clientId: number): boolean {
    if (!this.presentedIds.has(clientId)) {
      if (this.presentedIds.size >= MAX_PRESENCE_IDS_PER_CONNECTION) return false;
      if (!this.room.clientIds.claimAwareness(clientId, this.owner)) return false;
      this.presentedIds.add(clientId);
    }
    return true;
  }

  private receiveAwareness(update: Uint8Array): void {
    const { clientIds } = this.room;
    const stamped = stampAwarenessUpdate(update, this.access.presence, (id) => this.mayPresent(id));
    if (!this.announced) {
      this.announced = true;
      if (stamped.announcedIds.length === 1 && clientIds.heldByOther(stamped.announcedIds[0]!, this.owner))
        return this.close(CLOSE.clientIdTaken);
    }
    applyAwarenessUpdate(this.room.awareness, stamped.update, this);
  }
}
