import type { Editor } from '@tiptap/react';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';

const HIGHLIGHT_MS = 2500;
const highlighted = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();

/** Briefly marks a block the reader was sent to. */
export function highlight(dom: HTMLElement) {
  clearTimeout(highlighted.get(dom));
  dom.classList.add('jump-target');
  highlighted.set(
    dom,
    setTimeout(() => dom.classList.remove('jump-target'), HIGHLIGHT_MS),
  );
}

/** The position of the top-level node that matches, or null. */
export function findTopLevel(editor: Editor, matches: (node: ProseMirrorNode) => boolean): number | null {
  let found: number | null = null;
  editor.state.doc.forEach((node, pos) => {
    if (found === null && matches(node)) found = pos;
  });
  return found;
}

/**
 * Scrolls the editor to the block at `pos`, highlights it and — where the person may edit — puts
 * the cursor at its start and focuses the editor (a reader's editor is focused without a cursor).
 */
export function jumpToBlock(editor: Editor, pos: number) {
  const dom = editor.view.nodeDOM(pos);
  if (!(dom instanceof HTMLElement)) return;
  dom.scrollIntoView({ block: 'center' });
  highlight(dom);
  const selection = TextSelection.near(editor.state.doc.resolve(Math.min(pos + 1, editor.state.doc.content.size)));
  editor.view.dispatch(editor.state.tr.setSelection(selection));
  editor.view.focus();
}
