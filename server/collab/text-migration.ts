import 'server-only';
import { eq, lt } from 'drizzle-orm';
import { updateYFragment } from '@tiptap/y-tiptap';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Db } from '@/db/client';
import { compacts, CURRENT_TEXT_FORMAT } from '@/db/schema/compacts';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { compactTextSchema, yDocToContent } from '../editor/document-content';
import { isInProvisionForm, toProvisionForm } from '../editor/provision-form';
import { buildServerUpdate } from '../services/server-edits';
import { SYSTEM_AUTHOR, type ClientOwner } from '../services/doc-clients';

interface Writer {
  writeUpdate(compactId: string, update: Uint8Array, author: ClientOwner): Promise<number | null>;
}

/** Converts one compact's stored text (one Yjs update: never half of it) and marks it converted. */
async function migrateText(db: Db, writer: Writer, compactId: string): Promise<boolean> {
  const update = buildServerUpdate(db, compactId, (doc) => {
    const content = yDocToContent(doc);
    if (isInProvisionForm(content)) return;
    const converted = ProseMirrorNode.fromJSON(compactTextSchema(), toProvisionForm(content));
    converted.check(); // a text the editor's schema cannot hold is left as it was, not written
    updateYFragment(doc, doc.getXmlFragment(DOCUMENT_FIELD), converted, { mapping: new Map(), isOMark: new Map() });
  });
  const written = (await writer.writeUpdate(compactId, update, SYSTEM_AUTHOR)) !== null;
  // A crash before this line leaves the flag: the next start finds the text in provision form and only sets it.
  db.update(compacts).set({ textFormat: CURRENT_TEXT_FORMAT }).where(eq(compacts.id, compactId)).run();
  return written;
}

/**
 * Brings every compact text still in an older form (see `compacts.textFormat`) into sections and
 * provisions, once, through the server write path and attributed to the system. Runs before the
 * collaboration server accepts connections, so no browser ever opens a text its schema cannot hold.
 * Safe to repeat: a text already in provision form is left as it is. A text that cannot be
 * converted is logged and left in its form (tried again at the next start); the others go on.
 */
export async function migrateLegacyTexts(db: Db, writer: Writer): Promise<number> {
  const pending = db
    .select({ id: compacts.id })
    .from(compacts)
    .where(lt(compacts.textFormat, CURRENT_TEXT_FORMAT))
    .all();
  let migrated = 0;
  for (const { id } of pending) {
    try {
      if (await migrateText(db, writer, id)) migrated++;
    } catch (error) {
      console.error(`Could not migrate the text of compact ${id} into provisions; it is left as it was:`, error);
    }
  }
  return migrated;
}
