import type { DbHandle } from '@/db/client';
import { yDocToPlainText } from '@/server/editor/document-content';
import { loadDoc } from '@/server/services/document-store';

/** A compact's stored text (as loadDoc rebuilds it from the update log), as plain text. */
export function storedPlainText(handle: DbHandle, compactId: string, uptoUpdateId?: number): string {
  const { doc } = loadDoc(handle.db, compactId, uptoUpdateId);
  try {
    return yDocToPlainText(doc);
  } finally {
    doc.destroy();
  }
}
