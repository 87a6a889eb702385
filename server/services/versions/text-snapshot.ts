import 'server-only';
import { and, asc, count, desc, eq, gt, lte, min } from 'drizzle-orm';
import type { JSONContent } from '@tiptap/core';
import type { DbOrTx } from '@/db/client';
import { docUpdates } from '@/db/schema/collab';
import type { VersionContributor } from '@/db/schema/versions';
import { plainText } from '@/shared/editor/plain-text';
import { CANONICAL_FORM_VERSION, contentHash } from '@/shared/history/canonical-form';
import { compactTextSchema, yDocToContent } from '../../editor/document-content';
import { loadDoc } from '../document-store';

/** The stored text as of one update, rendered: what a version keeps. */
export interface TextSnapshot {
  /** The last update the text includes (0: none, an empty log). */
  uptoUpdateId: number;
  contentJson: JSONContent;
  plainText: string;
  contentHash: string;
  canonicalVersion: number;
}

/** The id of a compact's newest stored update (0 when none). */
export function newestUpdateId(db: DbOrTx, compactId: string): number {
  const [newest] = db
    .select({ id: docUpdates.id })
    .from(docUpdates)
    .where(eq(docUpdates.compactId, compactId))
    .orderBy(desc(docUpdates.id))
    .limit(1)
    .all();
  return newest?.id ?? 0;
}

/** When the first and the last update after `afterId` were stored (null when there is none). */
export function updatesAfter(
  db: DbOrTx,
  compactId: string,
  afterId: number,
): { newestId: number; oldestAt: Date; newestAt: Date } | null {
  const edge = (order: typeof asc) =>
    db
      .select({ id: docUpdates.id, createdAt: docUpdates.createdAt })
      .from(docUpdates)
      .where(and(eq(docUpdates.compactId, compactId), gt(docUpdates.id, afterId)))
      .orderBy(order(docUpdates.id))
      .limit(1)
      .all()[0];
  const oldest = edge(asc);
  const newest = edge(desc);
  if (!oldest || !newest) return null;
  return { newestId: newest.id, oldestAt: oldest.createdAt, newestAt: newest.createdAt };
}

/** Rebuilds the stored text as of update `uptoUpdateId` (from the log) and renders it: JSON, plain text, content hash. */
export function snapshotAt(db: DbOrTx, compactId: string, uptoUpdateId: number): TextSnapshot {
  const { doc } = loadDoc(db, compactId, uptoUpdateId);
  try {
    const contentJson = yDocToContent(doc);
    return {
      uptoUpdateId,
      contentJson,
      plainText: plainText(compactTextSchema().nodeFromJSON(contentJson)),
      contentHash: contentHash(contentJson),
      canonicalVersion: CANONICAL_FORM_VERSION,
    };
  } finally {
    doc.destroy();
  }
}

/**
 * Who sent the updates with ids in (afterId, uptoId], from the server's record of each stored
 * update (person and party of the sending membership; null for the system), in the order they
 * first contributed.
 */
export function contributorsBetween(
  db: DbOrTx,
  compactId: string,
  afterId: number,
  uptoId: number,
): VersionContributor[] {
  return db
    .select({ userId: docUpdates.userId, partyId: docUpdates.partyId, updates: count() })
    .from(docUpdates)
    .where(and(eq(docUpdates.compactId, compactId), gt(docUpdates.id, afterId), lte(docUpdates.id, uptoId)))
    .groupBy(docUpdates.userId, docUpdates.partyId)
    .orderBy(min(docUpdates.id))
    .all();
}
