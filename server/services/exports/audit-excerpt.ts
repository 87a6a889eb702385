import 'server-only';
import type { DbHandle } from '@/db/client';
import { CHAIN_GENESIS } from '../audit-chain';
import { listAuditEvents } from '../audit-query';
import type { ExportLabels } from './export-labels';
import type { PackTable } from './review-pack-model';

/** How many of the newest events a review pack lists (the full log is its own export). */
export const EXCERPT_EVENTS = 50;

/**
 * The newest events of a compact's chain for a review pack, with the chain's head hash and length
 * at that moment (to publish), read under one snapshot of the table. The events themselves only
 * when `withEvents` (the maker may read the audit log); otherwise the head and length alone.
 * Its labels are the reader's; its times stay ISO UTC, as the audit log records them.
 */
export function auditExcerpt(
  handle: DbHandle,
  compactId: string,
  withEvents: boolean,
  labels: Pick<ExportLabels, 't'>,
): { head: string; events: number; upToEventId: number; excerpt: PackTable | null } {
  return handle.sqlite.transaction(() => {
    const newest = handle.sqlite
      .prepare('SELECT id, hash FROM audit_events WHERE compact_id = ? ORDER BY id DESC LIMIT 1')
      .get(compactId) as { id: number; hash: string } | undefined;
    const { n } = handle.sqlite
      .prepare('SELECT count(*) AS n FROM audit_events WHERE compact_id = ?')
      .get(compactId) as { n: number };
    const chain = { head: newest?.hash ?? CHAIN_GENESIS, events: n, upToEventId: newest?.id ?? 0 };
    if (!withEvents) return { ...chain, excerpt: null };
    const page = listAuditEvents(handle.db, compactId, {}, { limit: EXCERPT_EVENTS });
    return {
      ...chain,
      excerpt: {
        caption: labels.t('export.pack.audit.caption', { shown: Math.min(EXCERPT_EVENTS, n), total: n }),
        columns: (['event', 'time', 'who', 'party', 'action', 'on'] as const).map((column) =>
          labels.t(`export.pack.audit.${column}`),
        ),
        rows: page.events.map((event) => [
          `#${event.id}`,
          event.at.toISOString().slice(0, 19).replace('T', ' '),
          event.actor?.name ?? labels.t('export.system'),
          event.party?.code ?? '',
          event.action,
          `${event.entityType} ${event.entityId}`,
        ]),
      },
    };
  })();
}
