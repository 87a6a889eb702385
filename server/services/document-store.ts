import { and, asc, desc, eq, gt } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { DbOrTx } from '../../db/client';
import { docCheckpoints, docUpdates } from '../../db/schema/collab';

export interface UpdateAuthor {
  userId: string | null;
  partyId: string | null;
}

const asBuffer = (update: Uint8Array) => Buffer.from(update.buffer, update.byteOffset, update.byteLength);

/** Appends one update exactly as received, with who sent it; returns its row id. */
export function appendDocUpdate(db: DbOrTx, compactId: string, update: Uint8Array, author: UpdateAuthor): number {
  const result = db
    .insert(docUpdates)
    .values({ compactId, update: asBuffer(update), userId: author.userId, partyId: author.partyId, createdAt: new Date() })
    .run();
  return Number(result.lastInsertRowid);
}

export interface UpdateToAppend {
  compactId: string;
  update: Uint8Array;
  author: UpdateAuthor;
}

/**
 * The hot path: appends a batch of updates in one committed transaction and returns their
 * row ids, in order. Plain prepared SQL on the driver: drizzle's query building costs more
 * than the insert itself here.
 */
export function createUpdateAppender(sqlite: SqliteDatabase): (batch: UpdateToAppend[]) => number[] {
  const insert = sqlite.prepare('INSERT INTO doc_updates (compact_id, "update", user_id, party_id, created_at) VALUES (?, ?, ?, ?, ?)');
  return sqlite.transaction((batch: UpdateToAppend[]) => {
    const createdAt = Date.now();
    return batch.map((entry) => Number(insert.run(entry.compactId, asBuffer(entry.update), entry.author.userId, entry.author.partyId, createdAt).lastInsertRowid));
  });
}

export interface StoredDoc {
  doc: Y.Doc;
  /** Id of the last update applied (0 when none). */
  lastUpdateId: number;
  /** Updates stored after the newest checkpoint. */
  updatesSinceCheckpoint: number;
  /** The newest checkpoint's bytes, when nothing came after it (then it is the full state). */
  fullState: Uint8Array | null;
}

/** Loads a document: the newest checkpoint, then every update after it, in order. */
export function loadDoc(db: DbOrTx, compactId: string): StoredDoc {
  const doc = new Y.Doc({ gc: true });
  const [checkpoint] = db
    .select({ uptoUpdateId: docCheckpoints.uptoUpdateId, state: docCheckpoints.state })
    .from(docCheckpoints)
    .where(eq(docCheckpoints.compactId, compactId))
    .orderBy(desc(docCheckpoints.uptoUpdateId))
    .limit(1)
    .all();
  let lastUpdateId = checkpoint?.uptoUpdateId ?? 0;
  const updates = db
    .select({ id: docUpdates.id, update: docUpdates.update })
    .from(docUpdates)
    .where(and(eq(docUpdates.compactId, compactId), gt(docUpdates.id, lastUpdateId)))
    .orderBy(asc(docUpdates.id))
    .all();
  doc.transact(() => {
    if (checkpoint) Y.applyUpdate(doc, checkpoint.state);
    for (const row of updates) {
      try {
        Y.applyUpdate(doc, row.update);
      } catch (error) {
        // A stored update Yjs cannot apply must not make the whole document unloadable.
        console.error(`Skipping update ${row.id} of compact ${compactId}:`, error);
      }
    }
  });
  if (updates.length > 0) lastUpdateId = updates[updates.length - 1]!.id;
  return { doc, lastUpdateId, updatesSinceCheckpoint: updates.length, fullState: checkpoint && updates.length === 0 ? new Uint8Array(checkpoint.state) : null };
}

/** Stores the full state as of update `uptoUpdateId`, so later loads start from here. */
export function writeCheckpoint(db: DbOrTx, compactId: string, state: Uint8Array, uptoUpdateId: number): void {
  db.insert(docCheckpoints).values({ compactId, uptoUpdateId, state: asBuffer(state), createdAt: new Date() }).run();
}
