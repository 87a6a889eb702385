import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DbOrTx } from '../../db/client';
import { appendDocUpdate, loadDoc, writeCheckpoint, type UpdateAuthor } from '../services/document-store';
import { awarenessFrame, updateFrame } from './protocol';

/** Something a room can send frames to: one client connection. */
export interface RoomPeer {
  send(frame: Uint8Array): void;
  readonly awarenessClientIds: Set<number>;
}

export const CHECKPOINT_EVERY_UPDATES = 500;

/**
 * One loaded compact document: its Yjs state, awareness and connected peers.
 * Every client update is on disk before anyone else is sent it.
 */
export class Room {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly peers = new Set<RoomPeer>();
  private lastUpdateId: number;
  private updatesSinceCheckpoint: number;

  constructor(
    private readonly db: DbOrTx,
    readonly compactId: string,
  ) {
    const stored = loadDoc(db, compactId);
    this.doc = stored.doc;
    this.lastUpdateId = stored.lastUpdateId;
    this.updatesSinceCheckpoint = stored.updatesSinceCheckpoint;
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /**
   * Validates, stores (committed), applies and forwards one client update.
   * `frame` is the bytes received when they are already an update message.
   */
  receiveUpdate(from: RoomPeer, update: Uint8Array, author: UpdateAuthor, frame: Uint8Array | null): void {
    const decoded = Y.decodeUpdate(update); // throws on a malformed update before anything is stored
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return; // nothing to store or forward
    this.lastUpdateId = appendDocUpdate(this.db, this.compactId, update, author);
    this.updatesSinceCheckpoint++;
    Y.applyUpdate(this.doc, update, from);
    const outgoing = frame ?? updateFrame(update);
    for (const peer of this.peers) if (peer !== from) peer.send(outgoing);
    if (this.updatesSinceCheckpoint >= CHECKPOINT_EVERY_UPDATES) this.checkpoint();
  }

  /** Writes the full state when updates were stored since the last checkpoint. */
  checkpoint(): void {
    if (this.updatesSinceCheckpoint === 0) return;
    writeCheckpoint(this.db, this.compactId, this.doc, this.lastUpdateId);
    this.updatesSinceCheckpoint = 0;
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
