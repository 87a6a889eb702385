'use client';

import type { Editor } from '@tiptap/react';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { useCallback, useSyncExternalStore } from 'react';

/** How often the views beside the editor follow the text while someone types (they need not keep up per keystroke). */
const REFRESH_MS = 150;

/**
 * The editor's live document, for the views beside it (provisions panel, legend, clean text): a new
 * value at most every REFRESH_MS while the text changes, local or remote, so a burst of keystrokes
 * re-renders them once, not per character. Compared by identity, never walked.
 */
export function useEditorDoc(editor: Editor): ProseMirrorNode {
  const subscribe = useCallback(
    (changed: () => void) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onTransaction = () => {
        timer ??= setTimeout(() => {
          timer = undefined;
          changed();
        }, REFRESH_MS);
      };
      editor.on('transaction', onTransaction);
      return () => {
        clearTimeout(timer);
        editor.off('transaction', onTransaction);
      };
    },
    [editor],
  );
  const current = () => editor.state.doc;
  return useSyncExternalStore(subscribe, current, current);
}
