'use client';

import { useEditorState, type Editor } from '@tiptap/react';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/** The editor's live document: a new value on every change, local or remote (compared by identity, never walked). */
export function useEditorDoc(editor: Editor): ProseMirrorNode {
  return useEditorState({
    editor,
    selector: ({ editor: e }) => e.state.doc,
    equalityFn: (a, b) => a === b,
  });
}
