'use client';

import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';

/** Re-renders on every scroll or resize (a fixed-position control follows the text it sits by). */
function useViewportChanges() {
  const [, setTick] = useState(0);
  useEffect(() => {
    const bump = () => setTick((tick) => tick + 1);
    window.addEventListener('scroll', bump, true);
    window.addEventListener('resize', bump);
    return () => {
      window.removeEventListener('scroll', bump, true);
      window.removeEventListener('resize', bump);
    };
  }, []);
}

const MARGIN = 8;
const BUTTON_SPACE = { width: 110, height: 40 };

/** Just below the selection's end — kept inside the window when the selection is scrolled out of view. */
function inViewport(coords: { bottom: number; left: number }) {
  const clamp = (value: number, max: number) => Math.min(Math.max(value, MARGIN), Math.max(MARGIN, max));
  return {
    top: clamp(coords.bottom + 6, window.innerHeight - BUTTON_SPACE.height),
    left: clamp(coords.left, window.innerWidth - BUTTON_SPACE.width),
  };
}

/** A "Comment" button beside a text selection in the editor (also: Ctrl+Alt+M). */
export function SelectionCommentButton({ editor, onComment }: { editor: Editor; onComment: () => void }) {
  const t = useTranslations();
  useViewportChanges();
  const selection = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const { empty, to } = current.state.selection;
      return empty ? null : to;
    },
  });
  // Nothing selected, or the editor is not shown (the clean text view keeps it mounted, hidden).
  if (selection === null || editor.isDestroyed || !editor.view.dom.offsetParent) return null;
  let coords: { bottom: number; left: number };
  try {
    coords = editor.view.coordsAtPos(selection);
  } catch {
    return null;
  }
  return (
    <button
      type="button"
      className="button primary small comment-float"
      style={inViewport(coords)}
      aria-keyshortcuts="Control+Alt+M"
      title={t('comments.commentOnSelection')}
      // Keep the editor's selection: the click must not move focus before it is read.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onComment}
    >
      {t('comments.comment')}
    </button>
  );
}
