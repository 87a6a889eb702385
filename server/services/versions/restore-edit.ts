import 'server-only';
import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { DbOrTx } from '@/db/client';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { CANONICAL_FORM_VERSION, contentHash } from '@/shared/history/canonical-form';
import { yDocToContent } from '../../editor/document-content';
import { LATER_UPDATE, rebuildStates } from '../history/history-doc';
import { freshClientId } from '../server-edits';
import { newestUpdateId } from './text-snapshot';

/**
 * The edit that turns the stored text back into what it was once update `version.uptoUpdateId` was
 * stored: every change made since is undone, Yjs's UndoManager over a rebuilt document that
 * garbage-collects nothing. Text inserted since is deleted; text deleted since is inserted again
 * with the formatting and attributes it had (a bracket's or an option's party and person); text
 * untouched since is not touched, so it keeps its Yjs items and its authors. The edit is made
 * under a fresh client id (bound to the person restoring when written); null when nothing changed,
 * or when the text already is the version's (same content hash): undoing then would only re-create
 * what an earlier restore brought back, a new copy at every click.
 */
export function restoreEdit(
  db: DbOrTx,
  sqlite: Database.Database,
  compactId: string,
  version: { uptoUpdateId: number; contentHash: string; canonicalVersion: number },
): Uint8Array | null {
  let undo: Y.UndoManager | null = null;
  const states = rebuildStates(sqlite, compactId, version.uptoUpdateId, newestUpdateId(db, compactId), {
    atFrom: (doc) => {
      undo = new Y.UndoManager(doc.getXmlFragment(DOCUMENT_FIELD), {
        trackedOrigins: new Set([LATER_UPDATE]),
        // Every later update is one step: undone together.
        captureTimeout: Number.MAX_SAFE_INTEGER,
      });
    },
  });
  const { doc } = states;
  try {
    const manager = undo as Y.UndoManager | null;
    if (!manager || !manager.canUndo()) return null;
    if (version.canonicalVersion === CANONICAL_FORM_VERSION && contentHash(yDocToContent(doc)) === version.contentHash)
      return null;
    doc.clientID = freshClientId(db, compactId, doc);
    let update: Uint8Array | null = null;
    doc.on('update', (changes: Uint8Array) => (update = changes));
    manager.undo();
    manager.destroy();
    return update;
  } finally {
    doc.destroy();
  }
}
