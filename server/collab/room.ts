import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DbOrTx } from '../../db/client';
import { loadDoc, writeCheckpoint, type UpdateAuthor } from '../services/document-store';
import { CLOSE } from './close-codes';
import { awarenessFrame, updateFrame } from './protocol';
import type { PendingUpdate, UpdateBatcher, UpdateSink } from './update-batcher';

/** Something a room can send frames to: one client connection. */
export interface RoomPeer {
  send(frame: Uint8Array): void;
  /** Closes the peer's connection because the server could not accept its update. */
  closeForServerError(): void;
  readonly awarenessClientIds: Set<number>;
}

export const CHECKPOINT_EVERY_UPDATES = 500;

/**
 * One loaded compact document: its Yjs state, awareness and connected peers.
 * Every client update is on disk before anyone else is sent it.
 */
export class Room implements UpdateSink {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly peers = new Set<RoomPeer>();
  private lastUpdateId: number;
  private updatesSinceCheckpoint: number;
  /** The whole document encoded, reused for every fresh client until the next update. */
  private fullState: Uint8Array | null;

  constructor(
    private readonly db: DbOrTx,
    private readonly batcher: UpdateBatcher,
    readonly compactId: string,
  ) {
    const stored = loadDoc(db, compactId);
    this.doc = stored.doc;
    this.lastUpdateId = stored.lastUpdateId;
    this.updatesSinceCheckpoint = stored.updatesSinceCheckpoint;
    this.fullState = stored.fullState;
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /**
   * Validates one client update and queues it for storage; once committed (with the other
   * updates of this I/O turn) it is applied and forwarded. `frame` is the bytes received when
   * they already form an update message, forwarded as they are.
   */
  receiveUpdate(from: RoomPeer, update: Uint8Array, author: UpdateAuthor, frame: Uint8Array | null): void {
    const decoded = Y.decodeUpdate(update); // throws on a malformed update before anything is stored
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return; // nothing to store or forward
    this.batcher.enqueue({ compactId: this.compactId, update, author, from, frame, room: this });
  }

  /** The update is committed: forward it, then apply it to the server's copy. */
  integrate({ from, update, frame }: PendingUpdate, updateId: number): void {
    this.lastUpdateId = updateId;
    this.updatesSinceCheckpoint++;
    this.fullState = null;
    // Stored, so it may go out now; applying it to the server's copy comes second.
    const outgoing = frame ?? updateFrame(update);
    for (const peer of this.peers) if (peer !== from) peer.send(outgoing);
    Y.applyUpdate(this.doc, update, from);
    if (this.updatesSinceCheckpoint >= CHECKPOINT_EVERY_UPDATES) this.checkpoint();
  }

  reject(entry: PendingUpdate, error: unknown): void {
    console.error(`Could not store an update for compact ${this.compactId}:`, error);
    entry.from.closeForServerError();
  }

  /** Writes the full state when updates were stored since the last checkpoint. */
  checkpoint(): void {
    if (this.updatesSinceCheckpoint === 0) return;
    this.fullState = Y.encodeStateAsUpdate(this.doc);
    writeCheckpoint(this.db, this.compactId, this.fullState, this.lastUpdateId);
    this.updatesSinceCheckpoint = 0;
  }

  /** What a client with this state vector lacks (sync step 2); a fresh client gets the cached full state. */
  missingFrom(stateVector: Uint8Array): Uint8Array {
    if (Y.decodeStateVector(stateVector).size > 0) return Y.encodeStateAsUpdate(this.doc, stateVector);
    this.fullState ??= Y.encodeStateAsUpdate(this.doc);
    return this.fullState;
  }

  awarenessSnapshotFrame(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()];
    return clients.length > 0 ? awarenessFrame(encodeAwarenessUpdate(this.awareness, clients)) : null;
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const peer = this.peers.has(origin as RoomPeer) ? (origin as RoomPeer) : null;
    if (peer) {
      for (const id of added) peer.awarenessClientIds.add(id);
      for (const id of removed) peer.awarenessClientIds.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    const frame = awarenessFrame(encodeAwarenessUpdate(this.awareness, changed));
    for (const p of this.peers) p.send(frame);
  };

  destroy(): void {
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
