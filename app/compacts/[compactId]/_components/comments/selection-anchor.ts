import type { Editor } from '@tiptap/core';
import { encodeAnchorEnd } from '@/shared/comments/anchor-encoding';
import { COMMENT_QUOTE_MAX } from '@/shared/comments/comment-rules';
import type { MessageKey } from '@/i18n/types';
import { toRelative, yBinding } from './y-positions';

/** What a new thread is anchored to, read from the editor's selection. */
export interface SelectionAnchor {
  anchor: { start: string; end: string };
  provisionId: string | null;
  /** The selected words, shown while writing (the server reads the quote it stores itself). */
  preview: string;
}

/**
 * The anchor of the current selection: a range of words inside one paragraph (or heading), as
 * two Yjs relative positions, with the provision holding it. Otherwise the reason, as a message key.
 */
export function selectionAnchor(editor: Editor): SelectionAnchor | { problem: MessageKey } {
  const { state } = editor;
  const { from, to, $from, $to, empty } = state.selection;
  if (empty) return { problem: 'comments.selectFirst' };
  let onlyText = $from.parent.isTextblock && $from.parent === $to.parent;
  state.doc.nodesBetween(from, to, (node) => {
    if (node.isInline && !node.isText) onlyText = false;
  });
  if (!onlyText) return { problem: 'comments.oneParagraph' };
  if (to - from > COMMENT_QUOTE_MAX) return { problem: 'comments.tooLong' };
  const binding = yBinding(state);
  if (!binding) return { problem: 'comments.notReady' };
  const top = $from.node(1);
  return {
    anchor: { start: encodeAnchorEnd(toRelative(binding, from)), end: encodeAnchorEnd(toRelative(binding, to)) },
    provisionId: top.type.name === 'provision' ? (top.attrs.id as string | null) : null,
    preview: state.doc.textBetween(from, to),
  };
}
