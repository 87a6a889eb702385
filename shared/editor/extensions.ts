import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

/**
 * The version of the document schema this extension list produces. Bump it whenever nodes, marks
 * or attributes change: a browser tab still running an older bundle is then told to reload before
 * it syncs (its editor would otherwise drop whatever its schema cannot build).
 */
export const EDITOR_SCHEMA_VERSION = 1;

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
