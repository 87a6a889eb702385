import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

/** The Yjs fragment the editor binds to (Tiptap's Collaboration default). */
export const DOCUMENT_FIELD = 'default';

/**
 * The one extension list for compact text, used by the browser editor (which adds
 * Collaboration and CollaborationCaret on top) and by server-side conversion.
 * Undo/redo is off: with Collaboration on, undo comes from the Yjs UndoManager.
 */
export function compactTextExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      link: false,
      codeBlock: false,
      code: false,
      horizontalRule: false,
      heading: { levels: [1, 2, 3] },
    }),
  ];
}
