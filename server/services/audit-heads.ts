import 'server-only';
import type Database from 'better-sqlite3';
import { eventField, parsedJson } from './audit-chain';

/** A head hash published outside the database: by an export of the chain, or in a review pack. */
export interface PublishedHead {
  eventId: number;
  at: Date;
  byName: string | null;
  head: string;
  events: number;
}

export const MAX_PUBLISHED_HEADS = 50;

/**
 * The heads this compact's chain has published, newest first (each export of the log and each
 * review pack records the head it carried): whoever kept one can check that the log still holds it (`locateHead`).
 */
export function publishedHeads(sqlite: Database.Database, compactId: string): PublishedHead[] {
  const rows = sqlite
    .prepare(
      `SELECT e.id, e.created_at AS at, u.name AS byName, e.after
         FROM audit_events e LEFT JOIN user u ON u.id = e.actor_user_id
        WHERE e.compact_id = ? AND e.action IN ('audit.exported', 'review-pack.exported')
        ORDER BY e.id DESC LIMIT ?`,
    )
    .all(compactId, MAX_PUBLISHED_HEADS) as Array<{
    id: number;
    at: number;
    byName: string | null;
    after: string | null;
  }>;
  return rows.map((row) => {
    const after = parsedJson(row.after);
    const head = eventField(after, 'head');
    const events = eventField(after, 'events');
    return {
      eventId: row.id,
      at: new Date(row.at),
      byName: row.byName,
      head: typeof head === 'string' ? head : '',
      events: typeof events === 'number' ? events : 0,
    };
  });
}

export type HeadLocation = { found: true; eventId: number; at: Date; position: number } | { found: false };

/**
 * Where a head hash someone kept (from an export's `X-Audit-Head`) sits in the chain: the event
 * that has it and how many events lead up to it. Not found: the events up to that head were
 * removed or changed since it was published (or it belongs to another chain).
 */
export function locateHead(sqlite: Database.Database, compactId: string, hash: string): HeadLocation {
  const row = sqlite
    .prepare('SELECT id, created_at AS at FROM audit_events WHERE compact_id = ? AND hash = ?')
    .get(compactId, hash) as { id: number; at: number } | undefined;
  if (!row) return { found: false };
  const { n } = sqlite
    .prepare('SELECT count(*) AS n FROM audit_events WHERE compact_id = ? AND id <= ?')
    .get(compactId, row.id) as { n: number };
  return { found: true, eventId: row.id, at: new Date(row.at), position: n };
}
