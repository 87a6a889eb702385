import 'server-only';
import type { DbHandle } from '@/db/client';
import { CHAIN_GENESIS } from './audit-chain';
import { recordAuditEvent, type AuditActor } from './audit';
import { storedChain } from './audit-verify';

/** Events per page while exporting: the export never holds the connection for the whole log. */
const PAGE = 1000;

export interface AuditExport {
  /** The hash of the last event exported: publish it, compare later exports and verifications with it. */
  head: string;
  events: number;
  /** JSON Lines, one event per line (every stored field, hashes included), a page at a time. */
  lines(): Generator<string>;
}

/**
 * Exports a compact's audit chain as it stands now (events appended meanwhile are left for the
 * next export), and records the export — with the head it published — as an event of the chain:
 * the history of published heads, against which a truncated log is detected.
 */
export function exportAuditChain(handle: DbHandle, actor: AuditActor, compactId: string): AuditExport {
  const { sqlite } = handle;
  const last = sqlite
    .prepare('SELECT id, hash FROM audit_events WHERE compact_id = ? ORDER BY id DESC LIMIT 1')
    .get(compactId) as { id: number; hash: string } | undefined;
  const upTo = last?.id ?? 0;
  const events = (
    sqlite.prepare('SELECT count(*) AS n FROM audit_events WHERE compact_id = ? AND id <= ?').get(compactId, upTo) as {
      n: number;
    }
  ).n;
  const head = last?.hash ?? CHAIN_GENESIS;
  recordAuditEvent(handle.db, actor, {
    compactId,
    action: 'audit.exported',
    entityType: 'compact',
    entityId: compactId,
    after: { head, events, upToEventId: upTo },
  });
  return {
    head,
    events,
    *lines() {
      let after = 0;
      while (after < upTo) {
        const page = [...storedChain(sqlite, compactId, { after, upTo, limit: PAGE })];
        if (page.length === 0) return;
        yield page.map((row) => `${JSON.stringify(row)}\n`).join('');
        after = page.at(-1)!.id;
      }
    },
  };
}
