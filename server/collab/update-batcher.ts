import 'server-only';
import Database, { type Database as SqliteDatabase } from 'better-sqlite3';
import { createCheckpointWriter, createUpdateAppender, type UpdateToAppend } from '../services/document-store';
import { CLOSE } from '@/shared/collab/close-codes';
import type { RoomPeer } from './room';

/** The room an update belongs to: told once the update is on disk, or that it cannot be stored. */
export interface UpdateSink {
  stored(entry: PendingUpdate, updateId: number): void;
  failed(error: unknown): void;
}

/** One integrated update waiting for its transaction (a plain record: no closures on the per-update path). */
export interface PendingUpdate extends UpdateToAppend {
  from: RoomPeer;
  room: UpdateSink;
  /** Sent back to its sender too (it holds the server's own formatting clean-up). */
  echo?: boolean;
  /** The server checks the text's provisions once it is stored (see negotiation-follow-up.ts). */
  repairDue?: boolean;
}

export interface WriterOptions {
  /** How long one write waits for another process's write lock before yielding the event loop. */
  busyTimeoutMs: number;
  /** Told each time a write found the database locked (operations and tests). */
  onBusy?: () => void;
  /** How long a run of locked retries lasts before it is reported (default 5 s). */
  longLockMs?: number;
  /** Told once when a lock has lasted `longLockMs`, and once when it is released after that (default: a log line). */
  onLongLock?: (lock: LongLock) => void;
}

export interface LongLock {
  lockedMs: number;
  /** Updates waiting to be stored (new clients of their rooms wait for their first sync meanwhile). */
  waiting: number;
  released: boolean;
}

function logLongLock({ lockedMs, waiting, released }: LongLock): void {
  const seconds = Math.round(lockedMs / 1000);
  console.warn(
    released
      ? `The database lock was released after ${seconds} s; the waiting collaboration updates are stored.`
      : `The database has been locked by another process for ${seconds} s: ${waiting} collaboration update(s) wait to be stored, and new clients of their rooms wait for their first sync.`,
  );
}

const MAX_RETRY_DELAY_MS = 100;

const isBusy = (error: unknown) => {
  const code = (error as { code?: unknown }).code;
  return (
    code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || (typeof code === 'string' && code.startsWith('SQLITE_BUSY_'))
  );
};

/** The collaboration writer's own connection: a short busy timeout, so a lock held elsewhere never stalls the event loop. */
export function openWriterConnection(
  databasePath: string,
  like: SqliteDatabase,
  busyTimeoutMs: number,
): SqliteDatabase {
  const sqlite = new Database(databasePath);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  sqlite.pragma(`synchronous = ${like.pragma('synchronous', { simple: true }) === 2 ? 'FULL' : 'NORMAL'}`);
  sqlite.pragma(`wal_autocheckpoint = ${Number(like.pragma('wal_autocheckpoint', { simple: true }))}`);
  return sqlite;
}

/**
 * Collects the updates integrated during one I/O turn (from every room) and stores them in one
 * committed transaction before any of them is forwarded. Nobody can receive an update that is
 * not on disk. When another process holds the write lock, the batch is kept and retried —
 * an honest editor is never refused because someone else is writing — and nothing is
 * forwarded until it is stored.
 */
export class UpdateBatcher {
  private queue: PendingUpdate[] = [];
  private scheduled = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelayMs = 2;
  /** When the current run of locked retries began (0: not locked), and whether it was reported. */
  private lockedSince = 0;
  private lockReported = false;
  private readonly append: (batch: UpdateToAppend[]) => number[];
  private readonly checkpoint: (compactId: string, state: Uint8Array, uptoUpdateId: number) => void;

  constructor(
    private readonly sqlite: SqliteDatabase,
    private readonly options: WriterOptions,
  ) {
    this.append = createUpdateAppender(sqlite);
    this.checkpoint = createCheckpointWriter(sqlite);
  }

  enqueue(entry: PendingUpdate): void {
    this.queue.push(entry);
    if (!this.scheduled && !this.retryTimer) {
      this.scheduled = true;
      queueMicrotask(() => this.flush());
    }
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** Stores and hands on everything queued so far; on a locked database, tries again shortly. */
  flush(): void {
    this.scheduled = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const batch = this.queue;
    if (batch.length === 0) return;
    let ids: number[];
    try {
      ids = this.append(batch);
    } catch (error) {
      if (isBusy(error)) return this.retryLater();
      this.queue = [];
      for (const entry of batch) entry.from.close(CLOSE.serverError); // senders (and server writes) learn it was not stored
      for (const room of new Set(batch.map((entry) => entry.room))) room.failed(error);
      return;
    }
    this.queue = [];
    this.retryDelayMs = 2;
    if (this.lockedSince) this.lockReleased();
    batch.forEach((entry, i) => {
      try {
        entry.room.stored(entry, ids[i]!);
      } catch (error) {
        entry.room.failed(error); // that room reloads from disk; the rest of the batch goes on
      }
    });
  }

  /** Forgets what a discarded room queued: it was never stored, and its clients send it again. */
  dropEntriesOf(room: UpdateSink): void {
    const dropped = this.queue.filter((entry) => entry.room === room);
    this.queue = this.queue.filter((entry) => entry.room !== room);
    for (const entry of dropped) entry.from.close(CLOSE.serverError);
  }

  /** On shutdown: waits (blocking, up to `timeoutMs`) until everything queued is stored. */
  flushBeforeExit(timeoutMs = 10_000): void {
    if (this.queue.length === 0) return;
    this.sqlite.pragma(`busy_timeout = ${timeoutMs}`);
    this.flush();
  }

  /** Writes a checkpoint; false when the database is locked (the caller tries again later). */
  writeCheckpoint(compactId: string, state: Uint8Array, uptoUpdateId: number): boolean {
    try {
      this.checkpoint(compactId, state, uptoUpdateId);
      return true;
    } catch (error) {
      if (isBusy(error)) return false;
      throw error;
    }
  }

  close(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.sqlite.close();
  }

  private retryLater(): void {
    this.options.onBusy?.();
    const now = Date.now();
    this.lockedSince ||= now;
    if (!this.lockReported && now - this.lockedSince >= (this.options.longLockMs ?? 5_000)) {
      this.lockReported = true;
      (this.options.onLongLock ?? logLongLock)({
        lockedMs: now - this.lockedSince,
        waiting: this.queue.length,
        released: false,
      });
    }
    this.retryTimer = setTimeout(() => this.flush(), this.retryDelayMs);
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, MAX_RETRY_DELAY_MS);
  }

  private lockReleased(): void {
    if (this.lockReported)
      (this.options.onLongLock ?? logLongLock)({ lockedMs: Date.now() - this.lockedSince, waiting: 0, released: true });
    this.lockedSince = 0;
    this.lockReported = false;
  }
}
