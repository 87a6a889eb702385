'use client';

import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useEffect, useMemo, useRef } from 'react';
import { provisionCitations } from '@/shared/negotiation/provisions';
import { highlightAnchors } from './anchors-of-threads';
import { anchorPlaces, commentHighlights, commentHighlightsKey, setHighlights } from './comment-highlights';
import type { CommentThread } from './use-comment-threads';
import { scrollBehavior } from '@/app/_lib/motion';

/** What the panel says about where a thread's words are. */
export interface PlaceSummary {
  kind: 'text' | 'provision' | 'gone';
  refound: boolean;
  /** How the provision holding them is cited ("OP 3", "PP 2"), if any. */
  label: string | null;
}

/**
 * Adds the highlights to the editor and keeps them in step with the threads and the selected one;
 * a click on highlighted words calls `onActivate` with their thread.
 */
export function useCommentHighlights(
  editor: Editor | null,
  threads: readonly CommentThread[],
  activeId: string | null,
  onActivate: (threadId: string) => void,
) {
  const activate = useRef(onActivate);
  useEffect(() => {
    activate.current = onActivate;
  }, [onActivate]);
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.registerPlugin(commentHighlights((threadId) => activate.current(threadId)));
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(commentHighlightsKey);
    };
  }, [editor]);
  const anchors = useMemo(() => highlightAnchors(threads), [threads]);
  useEffect(() => {
    if (editor) setHighlights(editor, { anchors });
  }, [editor, anchors]);
  useEffect(() => {
    if (editor) setHighlights(editor, { activeId });
  }, [editor, activeId]);
}

/** Where each thread's words are now, re-read as the text changes (re-renders only when that changes). */
export function useAnchorPlaces(editor: Editor | null): Record<string, PlaceSummary> {
  const places = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      if (!current) return {};
      const { doc } = current.state;
      const { labels } = provisionCitations(doc);
      const summary: Record<string, PlaceSummary> = {};
      for (const [id, place] of anchorPlaces(current.state)) {
        const top =
          place.kind === 'text' ? doc.resolve(place.from).before(1) : place.kind === 'provision' ? place.pos : -1;
        summary[id] = {
          kind: place.kind,
          refound: place.kind === 'text' && place.refound,
          label: labels.get(top) ?? null,
        };
      }
      return summary;
    },
  });
  return places ?? {};
}

/** Scrolls the editor to a thread's words (or to its provision when the words are gone). */
export function scrollToThread(editor: Editor, threadId: string) {
  const place = anchorPlaces(editor.state).get(threadId);
  if (!place || place.kind === 'gone') return;
  const { node } = editor.view.domAtPos(place.kind === 'text' ? place.from : place.pos + 1);
  const element = node instanceof Element ? node : node.parentElement;
  element?.scrollIntoView({ block: 'center', behavior: scrollBehavior() });
}
