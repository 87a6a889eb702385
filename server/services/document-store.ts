import 'server-only';
import { and, asc, desc, eq, gt, lte } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { DbOrTx } from '@/db/client';
import { docCheckpoints, docClients, docUpdates } from '@/db/schema/collab';
import { clientIdsWritten, createClientBinder, type ClientOwner } from './doc-clients';

/** Who sent an update: the membership (person and party), or the system (null user). */
export type UpdateAuthor = ClientOwner;

const asBuffer = (update: Uint8Array) => Buffer.from(update.buffer, update.byteOffset, update.byteLength);

/**
 * Appends one update outside the live collaboration path (seeding, tests), binding the
 * client ids it writes to its author; returns its row id.
 */
export function appendDocUpdate(db: DbOrTx, compactId: string, update: Uint8Array, author: UpdateAuthor): number {
  const result = db
    .insert(docUpdates)
    .values({
      compactId,
      update: asBuffer(update),
      userId: author.userId,
      partyId: author.partyId,
      createdAt: new Date(),
    })
    .run();
  const updateId = Number(result.lastInsertRowid);
  for (const clientId of clientIdsWritten(update)) {
    db.insert(docClients)
      .values({ compactId, clientId, userId: author.userId, partyId: author.partyId, firstUpdateId: updateId })
      .onConflictDoNothing()
      .run();
  }
  return updateId;
}

export interface UpdateToAppend {
  compactId: string;
  update: Uint8Array;
  author: UpdateAuthor;
  /** Client ids this update writes first: bound to its author in the same transaction. */
  newClientIds: readonly number[];
}

/**
 * The hot path: appends a batch of updates (and the client ids they bind) in one committed
 * transaction and returns their row ids, in order. Plain prepared SQL on the driver: drizzle's
 * query building costs more than the insert itself here.
 */
export function createUpdateAppender(sqlite: SqliteDatabase): (batch: UpdateToAppend[]) => number[] {
  const insert = sqlite.prepare(
    'INSERT INTO doc_updates (compact_id, "update", user_id, party_id, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const bind = createClientBinder(sqlite);
  return sqlite.transaction((batch: UpdateToAppend[]) => {
    const createdAt = Date.now();
    return batch.map((entry) => {
      const id = Number(
        insert.run(entry.compactId, asBuffer(entry.update), entry.author.userId, entry.author.partyId, createdAt)
          .lastInsertRowid,
      );
      if (entry.newClientIds.length > 0) bind(entry.compactId, entry.newClientIds, entry.author, id);
      return id;
    });
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

/**
 * Loads a document: the newest checkpoint, then every update after it, in order. With
 * `uptoUpdateId`, the document as it was once that update was stored (the newest checkpoint not
 * past it, then the updates up to it).
 */
export function loadDoc(db: DbOrTx, compactId: string, uptoUpdateId?: number): StoredDoc {
  const doc = new Y.Doc({ gc: true });
  const upTo = (column: typeof docCheckpoints.uptoUpdateId | typeof docUpdates.id) =>
    uptoUpdateId === undefined ? undefined : lte(column, uptoUpdateId);
  const [checkpoint] = db
    .select({ uptoUpdateId: docCheckpoints.uptoUpdateId, state: docCheckpoints.state })
    .from(docCheckpoints)
    .where(and(eq(docCheckpoints.compactId, compactId), upTo(docCheckpoints.uptoUpdateId)))
    .orderBy(desc(docCheckpoints.uptoUpdateId))
    .limit(1)
    .all();
  let lastUpdateId = checkpoint?.uptoUpdateId ?? 0;
  const updates = db
    .select({ id: docUpdates.id, update: docUpdates.update })
    .from(docUpdates)
    .where(and(eq(docUpdates.compactId, compactId), gt(docUpdates.id, lastUpdateId), upTo(docUpdates.id)))
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
  return {
    doc,
    lastUpdateId,
    updatesSinceCheckpoint: updates.length,
    fullState: checkpoint && updates.length === 0 ? new Uint8Array(checkpoint.state) : null,
  };
}

/** A checkpoint becomes a milestone (kept for good) once this many updates follow the previous one. */
export const CHECKPOINT_MILESTONE_EVERY_UPDATES = 5000;

/**
 * Writes checkpoints: each stores the full state as of update `uptoUpdateId`, so later loads
 * start there. Ordinary checkpoints older than the newest are pruned; milestones stay, one per
 * `milestoneEvery` updates of the document, so rebuilding any past state stays fast.
 */
export function createCheckpointWriter(sqlite: SqliteDatabase, milestoneEvery = CHECKPOINT_MILESTONE_EVERY_UPDATES) {
  const lastMilestone = sqlite.prepare(
    'SELECT coalesce(max(upto_update_id), 0) AS upto FROM doc_checkpoints WHERE compact_id = ? AND milestone = 1',
  );
  const countSince = sqlite.prepare(
    'SELECT count(*) AS n FROM doc_updates WHERE compact_id = ? AND id > ? AND id <= ?',
  );
  const insert = sqlite.prepare(
    'INSERT INTO doc_checkpoints (compact_id, upto_update_id, state, milestone, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const prune = sqlite.prepare(
    'DELETE FROM doc_checkpoints WHERE compact_id = ? AND milestone = 0 AND upto_update_id < ?',
  );
  return sqlite.transaction((compactId: string, state: Uint8Array, uptoUpdateId: number) => {
    const since = (lastMilestone.get(compactId) as { upto: number }).upto;
    const { n } = countSince.get(compactId, since, uptoUpdateId) as { n: number };
    insert.run(compactId, uptoUpdateId, asBuffer(state), n >= milestoneEvery ? 1 : 0, Date.now());
    prune.run(compactId, uptoUpdateId);
  });
}
