import 'server-only';
import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { ClientOwner } from '../doc-clients';

/** Who made one stored update: the server's record of the sender, never a client's claim. */
export interface UpdateAuthor extends ClientOwner {
  updateId: number;
}

/** Deletions made between two states, each by the first stored update that made it. */
export interface DeletionLog {
  /** The update that deleted the item with this id (null: deleted before the earlier state, or never). */
  deleterOf(id: Y.ID): UpdateAuthor | null;
}

/** Two states of one compact's text in one document that keeps everything deleted between them. */
export interface HistoryStates {
  doc: Y.Doc;
  from: Y.Snapshot;
  to: Y.Snapshot;
  deletions: DeletionLog;
}

/** The transaction origin of every update applied after the earlier state (so an UndoManager can track them). */
export const LATER_UPDATE = Symbol('update after the earlier state');

export interface RebuildWatch {
  /** Called once the document holds the earlier state, before any later update is applied. */
  atFrom?: (doc: Y.Doc) => void;
}

interface DeletedRange {
  clock: number;
  len: number;
  by: UpdateAuthor;
}

function deletionLog(ranges: Map<number, DeletedRange[]>): DeletionLog {
  for (const list of ranges.values()) list.sort((a, b) => a.clock - b.clock);
  return {
    deleterOf({ client, clock }) {
      const list = ranges.get(client);
      if (!list) return null;
      // An item is deleted once: the ranges of one client never overlap; find the last starting at or before `clock`.
      let low = 0;
      let high = list.length - 1;
      let found: DeletedRange | null = null;
      while (low <= high) {
        const middle = (low + high) >> 1;
        if (list[middle]!.clock <= clock) {
          found = list[middle]!;
          low = middle + 1;
        } else high = middle - 1;
      }
      return found && clock < found.clock + found.len ? found.by : null;
    },
  };
}

/**
 * Rebuilds a compact's text as of two stored updates (`fromUpdateId` ≤ `toUpdateId`; 0 is the empty
 * text) from the update log, into one document that garbage-collects nothing: it starts from the
 * newest checkpoint not past the earlier state (what was deleted before that is not needed), then
 * applies every update in order. Each update's own deletions — what it deleted that was still
 * there, as Yjs reports per transaction — are credited to that update's sender: an update that
 * only repeats known deletions deletes nothing and is credited with nothing.
 */
export function rebuildStates(
  sqlite: Database.Database,
  compactId: string,
  fromUpdateId: number,
  toUpdateId: number,
  watch: RebuildWatch = {},
): HistoryStates {
  const doc = new Y.Doc({ gc: false });
  const checkpoint = sqlite
    .prepare(
      `SELECT upto_update_id AS upto, state FROM doc_checkpoints
        WHERE compact_id = ? AND upto_update_id <= ? ORDER BY upto_update_id DESC LIMIT 1`,
    )
    .get(compactId, fromUpdateId) as { upto: number; state: Buffer } | undefined;
  if (checkpoint) Y.applyUpdate(doc, checkpoint.state);
  let from = Y.snapshot(doc);
  const ranges = new Map<number, DeletedRange[]>();
  let current: UpdateAuthor | null = null;
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (current === null) return;
    const by = current;
    for (const [client, items] of transaction.deleteSet.clients) {
      let list = ranges.get(client);
      if (!list) ranges.set(client, (list = []));
      for (const item of items) list.push({ clock: item.clock, len: item.len, by });
    }
  });
  const updates = sqlite
    .prepare(
      `SELECT id, "update", user_id AS userId, party_id AS partyId FROM doc_updates
        WHERE compact_id = ? AND id > ? AND id <= ? ORDER BY id`,
    )
    .iterate(compactId, checkpoint?.upto ?? 0, toUpdateId) as IterableIterator<{
    id: number;
    update: Buffer;
    userId: string | null;
    partyId: string | null;
  }>;
  let passedFrom = false;
  const reachFrom = () => {
    from = Y.snapshot(doc);
    passedFrom = true;
    watch.atFrom?.(doc);
  };
  for (const row of updates) {
    if (!passedFrom && row.id > fromUpdateId) reachFrom();
    current = passedFrom ? { updateId: row.id, userId: row.userId, partyId: row.partyId } : null;
    try {
      Y.applyUpdate(doc, row.update, passedFrom ? LATER_UPDATE : undefined);
    } catch (error) {
      // As when loading: one update Yjs cannot apply must not make the history unreadable.
      console.error(`Skipping update ${row.id} of compact ${compactId} in a history rebuild:`, error);
    }
  }
  current = null;
  if (!passedFrom) reachFrom();
  return { doc, from, to: Y.snapshot(doc), deletions: deletionLog(ranges) };
}
