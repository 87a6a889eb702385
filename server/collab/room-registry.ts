import 'server-only';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { removeAwarenessStates } from 'y-protocols/awareness';
import type { DbOrTx } from '@/db/client';
import { Room, type RoomEvents, type RoomPeer } from './room';
import type { UpdateBatcher } from './update-batcher';

/**
 * Loaded rooms by compact id. A room is loaded (synchronously, from SQLite) when its first
 * peer joins, so no peer is ever answered from a half-loaded document, and unloaded once it
 * has had no peers for `idleUnloadMs` and all its updates are on disk (a checkpoint is written).
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly db: DbOrTx,
    private readonly sqlite: SqliteDatabase,
    private readonly batcher: UpdateBatcher,
    private readonly idleUnloadMs: number,
    private readonly negotiation: Omit<RoomEvents, 'broken'>,
  ) {}

  /** The loaded room for a compact (loading it now if needed); the caller adds its peer at once. */
  open(compactId: string): Room {
    clearTimeout(this.unloadTimers.get(compactId));
    this.unloadTimers.delete(compactId);
    let room = this.rooms.get(compactId);
    if (!room) {
      room = new Room(this.db, this.sqlite, this.batcher, compactId, {
        ...this.negotiation,
        broken: (broken) => this.discard(broken),
      });
      this.rooms.set(compactId, room);
    }
    return room;
  }

  leave(room: Room, peer: RoomPeer): void {
    if (!room.peers.delete(peer)) return;
    if (this.rooms.get(room.compactId) !== room) return; // a discarded room
    // The same person may still hold these ids on another connection (e.g. one reconnecting).
    const stillHeld = new Set([...room.peers].flatMap((other) => [...other.awarenessClientIds]));
    const gone = [...peer.awarenessClientIds].filter((id) => !stillHeld.has(id));
    removeAwarenessStates(room.awareness, gone, null);
    // Forget their clocks too: a client that reconnects re-announces the same clock, which must count again.
    for (const id of gone) room.awareness.meta.delete(id);
    if (room.peers.size === 0) this.scheduleUnload(room.compactId);
  }

  /** After a server write to a room nobody is connected to: it unloads like any idle room. */
  releaseIfIdle(room: Room): void {
    if (room.peers.size === 0 && this.rooms.get(room.compactId) === room) this.scheduleUnload(room.compactId);
  }

  isLoaded(compactId: string): boolean {
    return this.rooms.has(compactId);
  }

  loaded(): Iterable<Room> {
    return this.rooms.values();
  }

  private scheduleUnload(compactId: string): void {
    clearTimeout(this.unloadTimers.get(compactId));
    const timer = setTimeout(() => this.unload(compactId), this.idleUnloadMs);
    timer.unref();
    this.unloadTimers.set(compactId, timer);
  }

  private unload(compactId: string): void {
    this.unloadTimers.delete(compactId);
    this.batcher.flush();
    const room = this.rooms.get(compactId);
    if (!room || room.peers.size > 0) return;
    if (room.hasUnstoredUpdates) return this.scheduleUnload(compactId); // the writer is waiting for a lock
    room.checkpoint();
    room.destroy();
    this.rooms.delete(compactId);
  }

  /** Drops a room whose copy is ahead of the disk; the next peer loads it again from what is stored. */
  private discard(room: Room): void {
    if (this.rooms.get(room.compactId) !== room) return;
    clearTimeout(this.unloadTimers.get(room.compactId));
    this.unloadTimers.delete(room.compactId);
    this.rooms.delete(room.compactId);
    // Its integrated updates not yet stored are dropped too: a reloaded room never checkpoints past them.
    this.batcher.dropEntriesOf(room);
    room.destroy();
  }

  /** Stores what is queued, checkpoints and unloads every room (on shutdown, after peers are closed). */
  closeAll(): void {
    this.batcher.flushBeforeExit();
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    for (const room of this.rooms.values()) {
      room.checkpoint();
      room.destroy();
    }
    this.rooms.clear();
  }
}
