import 'server-only';
import type { Db } from '@/db/client';
import { plannedRepairs, repairProvisions, type ProvisionRepairs } from '../editor/provision-repairs';
import type { AuditSink } from './audit-sink';
import { SYSTEM_AUTHOR, type ClientOwner } from '../services/doc-clients';
import { buildServerUpdate } from '../services/server-edits';
import type { RoomEvents } from './room';

type Write = (compactId: string, update: Uint8Array, author: ClientOwner) => Promise<number | null>;

/**
 * The collaboration server's side of the party rules: a refused update is an audit event; an
 * accepted one that added brackets or options to agreed provisions, or changed provisions, is
 * followed by the server's own write (as the system) demoting those provisions and repairing
 * duplicate or missing ids — one follow-up at a time per compact, each on the stored text, and at
 * most one waiting (a burst of updates is followed up once, not once each).
 */
export function negotiationEvents(db: Db, write: Write, audit: AuditSink): Omit<RoomEvents, 'broken'> {
  // Per compact: the last follow-up queued, and whether it is still waiting to start.
  type Queued = { waiting: boolean; done: Promise<void> };
  const queues = new Map<string, Queued>();

  async function followUp(compactId: string): Promise<void> {
    let repairs: ProvisionRepairs = { demoted: [], renamed: [] };
    const update = buildServerUpdate(db, compactId, (doc) => (repairs = repairProvisions(doc)));
    if (repairs.demoted.length === 0 && repairs.renamed.length === 0) return;
    await write(compactId, update, SYSTEM_AUTHOR);
    for (const id of repairs.demoted)
      audit(SYSTEM_AUTHOR, {
        compactId,
        action: 'provision.demoted',
        entityType: 'provision',
        entityId: id,
        after: { state: 'bracketed', why: 'brackets or options were added to agreed text' },
      });
    if (repairs.renamed.length > 0)
      audit(SYSTEM_AUTHOR, {
        compactId,
        action: 'provision.ids-repaired',
        entityType: 'compact',
        entityId: compactId,
        after: { renamed: repairs.renamed },
      });
  }

  return {
    proposalRefused(room, author, detail) {
      console.warn(`Refused an update to compact ${room.compactId} by ${author.userId ?? 'the system'}: ${detail}`);
      audit(author, {
        compactId: room.compactId,
        action: 'text.update-refused',
        entityType: 'compact',
        entityId: room.compactId,
        after: { reason: detail },
      });
    },
    repairDue(room) {
      // Most provision changes need no repair: the live text says so without loading the stored one.
      if (plannedRepairs(room.doc).length === 0) return;
      const { compactId } = room;
      const queued = queues.get(compactId);
      // One follow-up waits already: it reads the stored text when it runs, so it covers this one too.
      if (queued?.waiting) return;
      const entry: Queued = { waiting: true, done: Promise.resolve() };
      entry.done = (queued?.done ?? Promise.resolve())
        .then(() => {
          entry.waiting = false; // running: what comes now waits for the next one
          return followUp(compactId);
        })
        .catch((error: unknown) => console.error(`Could not repair the provisions of compact ${compactId}:`, error))
        .finally(() => {
          if (queues.get(compactId) === entry) queues.delete(compactId);
        });
      queues.set(compactId, entry);
    },
  };
}
