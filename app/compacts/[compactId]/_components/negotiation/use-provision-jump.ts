'use client';

import { useEditorState, type Editor } from '@tiptap/react';
import { useEffect } from 'react';
import { findTopLevel, jumpToBlock } from './jump-to-provision';

const provisionWithId = (id: string) => (node: { type: { name: string }; attrs: Record<string, unknown> }) =>
  node.type.name === 'provision' && node.attrs.id === id;

/**
 * `?provision=<id>` (indicator pages link here) scrolls to that provision and highlights it;
 * `?section=<heading text>` (older links) to the first heading containing the text. Answers
 * whether the linked provision is missing from the text (deleted since the link was made).
 */
export function useProvisionJump(editor: Editor | null, provisionId: string | null, section: string | null) {
  useEffect(() => {
    if (!editor || (!provisionId && !section)) return;
    const wanted = section?.trim().toLowerCase() ?? '';
    const pos = provisionId
      ? findTopLevel(editor, provisionWithId(provisionId))
      : findTopLevel(editor, (node) => node.type.name === 'heading' && node.textContent.toLowerCase().includes(wanted));
    if (pos !== null) jumpToBlock(editor, pos);
  }, [editor, provisionId, section]);

  const missing = useEditorState({
    editor,
    selector: ({ editor: e }) => Boolean(e && provisionId && findTopLevel(e, provisionWithId(provisionId)) === null),
  });
  return { missing };
}
