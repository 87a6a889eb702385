import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/** A compact text as plain text: a blank line between blocks, a line break for each hard break. */
export function plainText(doc: ProseMirrorNode): string {
  return doc.textBetween(0, doc.content.size, '\n\n', '\n');
}
