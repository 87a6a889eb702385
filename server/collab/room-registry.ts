import { removeAwarenessStates } from 'y-protocols/awareness';
import type { DbOrTx } from '../../db/client';
import { Room, type RoomPeer } from './room';
import type { UpdateBatcher } from './update-batcher';

/**
 * Loaded rooms by compact id. A room is loaded (synchronously, from SQLite) when its first
 * peer joins, so no peer is ever answered from a half-loaded document, and unloaded once it
 * has had no peers for `idleUnloadMs` (its updates are already on disk; a checkpoint is written).
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly db: DbOrTx,
    private readonly batcher: UpdateBatcher,
    private readonly idleUnloadMs: number,
  ) {}

  /** The loaded room for a compact (loading it now if needed); the caller adds its peer at once. */
  open(compactId: string): Room {
    clearTimeout(this.unloadTimers.get(compactId));
    this.unloadTimers.delete(compactId);
    let room = this.rooms.get(compactId);
    if (!room) {
      room = new Room(this.db, this.batcher, compactId);
      this.rooms.set(compactId, room);
    }
    return room;
  }

  leave(room: Room, peer: RoomPeer): void {
    if (!room.peers.delete(peer)) return;
    removeAwarenessStates(room.awareness, [...peer.awarenessClientIds], null);
    if (room.peers.size === 0) {
      const timer = setTimeout(() => this.unload(room.compactId), this.idleUnloadMs);
      timer.unref();
      this.unloadTimers.set(room.compactId, timer);
    }
  }

  isLoaded(compactId: string): boolean {
    return this.rooms.has(compactId);
  }

  private unload(compactId: string): void {
    this.unloadTimers.delete(compactId);
    this.batcher.flush();
    const room = this.rooms.get(compactId);
    if (!room || room.peers.size > 0) return;
    room.checkpoint();
    room.destroy();
    this.rooms.delete(compactId);
  }

  /** Checkpoints and unloads every room (on shutdown, after peers are closed). */
  closeAll(): void {
    this.batcher.flush();
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    for (const room of this.rooms.values()) {
      room.checkpoint();
      room.destroy();
    }
    this.rooms.clear();
  }
}
