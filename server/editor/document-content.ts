import 'server-only';
import type { JSONContent } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { prosemirrorJSONToYDoc, yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { compactTextSchema } from '@/shared/editor/compact-schema';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { plainText } from '@/shared/editor/plain-text';

export { compactTextSchema };

/** Builds the Yjs update that creates a document with this content (used to seed on the server). */
export function contentToYUpdate(content: JSONContent): Uint8Array {
  const ydoc = prosemirrorJSONToYDoc(compactTextSchema(), content, DOCUMENT_FIELD);
  return Y.encodeStateAsUpdate(ydoc);
}

export function yDocToContent(ydoc: Y.Doc): JSONContent {
  return yDocToProsemirrorJSON(ydoc, DOCUMENT_FIELD) as JSONContent;
}

/** Plain text, one block per paragraph, for search, exports and tests. */
export function yDocToPlainText(ydoc: Y.Doc): string {
  return plainText(ProseMirrorNode.fromJSON(compactTextSchema(), yDocToContent(ydoc)));
}
