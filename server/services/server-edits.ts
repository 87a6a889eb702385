import 'server-only';
import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { DbOrTx } from '@/db/client';
import { docClients } from '@/db/schema/collab';
import { loadDoc } from './document-store';

const MAX_CLIENT_ID = 2 ** 32 - 1;
/** No structs, no deletions. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

/** A Yjs client id this document has never seen and nobody holds: each server edit gets its own. */
export function freshClientId(db: DbOrTx, compactId: string, doc: Y.Doc): number {
  for (;;) {
    const candidate = Math.floor(Math.random() * MAX_CLIENT_ID);
    if (doc.store.clients.has(candidate)) continue;
    const [bound] = db
      .select({ clientId: docClients.clientId })
      .from(docClients)
      .where(and(eq(docClients.compactId, compactId), eq(docClients.clientId, candidate)))
      .all();
    if (!bound) return candidate;
  }
}

/**
 * Builds a server-side edit of a compact's document as a Yjs update: `edit` changes a copy of the
 * stored document under a fresh client id, never the room's own or anyone else's. Send the result
 * through the collaboration endpoint's `writeUpdate`, which binds that id to the person the edit
 * acts for (or the system), stores and forwards it. The stored document is never ahead of the
 * live one, so the update always integrates there.
 */
export function buildServerUpdate(db: DbOrTx, compactId: string, edit: (doc: Y.Doc) => void): Uint8Array {
  const { doc } = loadDoc(db, compactId);
  try {
    doc.clientID = freshClientId(db, compactId, doc);
    let update: Uint8Array = EMPTY_UPDATE;
    doc.on('update', (changes: Uint8Array) => (update = changes)); // what the one transaction below changed
    doc.transact(() => edit(doc));
    return update;
  } finally {
    doc.destroy();
  }
}
