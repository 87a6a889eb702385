import type { Database as SqliteDatabase } from 'better-sqlite3';
import { createUpdateAppender, type UpdateAuthor } from '../services/document-store';
import type { RoomPeer } from './room';

/** The room an update belongs to: told once the update is on disk, or that it could not be stored. */
export interface UpdateSink {
  integrate(entry: PendingUpdate, updateId: number): void;
  reject(entry: PendingUpdate, error: unknown): void;
}

/** One update waiting for its transaction (a plain record: no closures on the per-update path). */
export interface PendingUpdate {
  compactId: string;
  update: Uint8Array;
  author: UpdateAuthor;
  from: RoomPeer;
  /** The bytes received, when they already form an update message that can be forwarded as is. */
  frame: Uint8Array | null;
  room: UpdateSink;
}

/**
 * Collects the updates that arrive during one I/O turn (from every room) and stores them in
 * one committed transaction before any of them is applied or forwarded. Nobody can receive an
 * update that is not on disk.
 */
export class UpdateBatcher {
  private queue: PendingUpdate[] = [];
  private scheduled = false;
  private readonly append: ReturnType<typeof createUpdateAppender>;

  constructor(sqlite: SqliteDatabase) {
    this.append = createUpdateAppender(sqlite);
  }

  enqueue(entry: PendingUpdate): void {
    this.queue.push(entry);
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(() => this.flush());
    }
  }

  /** Stores and integrates everything queued so far (also called on shutdown). */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let ids: number[];
    try {
      ids = this.append(batch);
    } catch (error) {
      for (const entry of batch) entry.room.reject(entry, error);
      return;
    }
    batch.forEach((entry, i) => {
      try {
        entry.room.integrate(entry, ids[i]!);
      } catch (error) {
        entry.room.reject(entry, error);
      }
    });
  }
}
