import 'server-only';
import * as Y from 'yjs';
import type { Database as SqliteDatabase } from 'better-sqlite3';

/** Who a Yjs client id belongs to in one document: a membership (person and party), or the system (null user). */
export interface ClientOwner {
  userId: string | null;
  partyId: string | null;
}

/** Server edits made by nobody in particular (migrations, id repairs): no person, no party. */
export const SYSTEM_AUTHOR: ClientOwner = Object.freeze({ userId: null, partyId: null });

export const sameOwner = (a: ClientOwner, b: ClientOwner) => a.userId === b.userId && a.partyId === b.partyId;

/** Client ids with structs in this update (ids that only delete are not bound). */
export function clientIdsWritten(update: Uint8Array): number[] {
  const { from, to } = Y.parseUpdateMeta(update);
  return [...to.keys()].filter((client) => (to.get(client) ?? 0) > (from.get(client) ?? 0));
}

const BIND_SQL =
  'INSERT OR IGNORE INTO doc_clients (compact_id, client_id, user_id, party_id, first_update_id) VALUES (?, ?, ?, ?, ?)';

/** A prepared statement that binds client ids to their owner at the update that first stored them. */
export function createClientBinder(sqlite: SqliteDatabase) {
  const bind = sqlite.prepare(BIND_SQL);
  return (compactId: string, clientIds: readonly number[], owner: ClientOwner, updateId: number) => {
    for (const clientId of clientIds) bind.run(compactId, clientId, owner.userId, owner.partyId, updateId);
  };
}

/**
 * The owners of a document's client ids. A document stored before ids were bound gets its
 * bindings once, from its update log (each id to the author of the first update that wrote it).
 */
export function loadClientOwners(sqlite: SqliteDatabase, compactId: string): Map<number, ClientOwner> {
  const read = () =>
    sqlite
      .prepare(
        'SELECT client_id AS clientId, user_id AS userId, party_id AS partyId FROM doc_clients WHERE compact_id = ?',
      )
      .all(compactId) as {
      clientId: number;
      userId: string | null;
      partyId: string | null;
    }[];
  if (storedBeforeBindings(sqlite, compactId)) backfillClientOwners(sqlite, compactId);
  const rows = read();
  return new Map(rows.map((row) => [row.clientId, { userId: row.userId, partyId: row.partyId }]));
}

/** Whether the document's update log starts before its first binding (it was stored before ids were bound). */
function storedBeforeBindings(sqlite: SqliteDatabase, compactId: string): boolean {
  const row = sqlite
    .prepare(
      `SELECT (SELECT min(id) FROM doc_updates WHERE compact_id = @compactId) AS firstUpdate,
              (SELECT min(first_update_id) FROM doc_clients WHERE compact_id = @compactId) AS firstBinding`,
    )
    .get({ compactId }) as { firstUpdate: number | null; firstBinding: number | null };
  return row.firstUpdate !== null && (row.firstBinding === null || row.firstUpdate < row.firstBinding);
}

function backfillClientOwners(sqlite: SqliteDatabase, compactId: string): void {
  const updates = sqlite
    .prepare(
      'SELECT id, "update" AS update_, user_id AS userId, party_id AS partyId FROM doc_updates WHERE compact_id = ? ORDER BY id',
    )
    .iterate(compactId) as IterableIterator<{
    id: number;
    update_: Buffer;
    userId: string | null;
    partyId: string | null;
  }>;
  const bindings: [number, ClientOwner, number][] = [];
  const seen = new Set<number>();
  for (const row of updates) {
    let written: number[];
    try {
      written = clientIdsWritten(row.update_);
    } catch {
      continue; // an update Yjs cannot read binds nothing (loading skips it too)
    }
    for (const clientId of written) {
      if (seen.has(clientId)) continue;
      seen.add(clientId);
      bindings.push([clientId, { userId: row.userId, partyId: row.partyId }, row.id]);
    }
  }
  if (bindings.length === 0) return;
  const bind = createClientBinder(sqlite);
  sqlite.transaction(() => {
    for (const [clientId, owner, updateId] of bindings) bind(compactId, [clientId], owner, updateId);
  })();
}
