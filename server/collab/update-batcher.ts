import type { Database as SqliteDatabase } from 'better-sqlite3';
import { createUpdateAppender, type UpdateAuthor } from '../services/document-store';

export interface PendingUpdate {
  compactId: string;
  update: Uint8Array;
  author: UpdateAuthor;
  /** Called after the update is committed to disk, with its row id: apply and forward it. */
  integrate(updateId: number): void;
  /** Called instead when it could not be stored. */
  fail(error: unknown): void;
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
      for (const entry of batch) entry.fail(error);
      return;
    }
    batch.forEach((entry, i) => {
      try {
        entry.integrate(ids[i]!);
      } catch (error) {
        entry.fail(error);
      }
    });
  }
}
