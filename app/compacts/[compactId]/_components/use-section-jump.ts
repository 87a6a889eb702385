'use client';

import type { Editor } from '@tiptap/react';
import { useEffect } from 'react';

/** Scrolls to (and briefly highlights) the heading that matches `?section=` — indicators link here. */
export function useSectionJump(editor: Editor | null, section: string | null) {
  useEffect(() => {
    if (!editor || !section) return;
    const wanted = section.trim().toLowerCase();
    let found: number | null = null;
    editor.state.doc.descendants((node, pos) => {
      if (found !== null) return false;
      if (node.type.name === 'heading' && node.textContent.toLowerCase().includes(wanted)) found = pos;
      return true;
    });
    if (found === null) return;
    const dom = editor.view.nodeDOM(found);
    if (dom instanceof HTMLElement) {
      dom.scrollIntoView({ block: 'center' });
      dom.classList.add('jump-target');
      const timer = setTimeout(() => dom.classList.remove('jump-target'), 2500);
      return () => clearTimeout(timer);
    }
  }, [editor, section]);
}
