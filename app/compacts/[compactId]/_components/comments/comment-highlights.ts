import type { Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { mapPlace, placeByAnchor, placeByProvision, type AnchorPlace, type HighlightAnchor } from './anchor-places';
import { fromYjs, yBinding } from './y-positions';

interface HighlightState {
  anchors: readonly HighlightAnchor[];
  activeId: string | null;
  places: ReadonlyMap<string, AnchorPlace>;
  decorations: DecorationSet;
}

interface HighlightChange {
  anchors?: readonly HighlightAnchor[];
  activeId?: string | null;
}

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

/** Every anchor placed afresh from its Yjs positions (or, before the editor shows the document, by provision). */
function placeAll(state: EditorState, anchors: readonly HighlightAnchor[]) {
  const binding = yBinding(state);
  return new Map(
    anchors.map((anchor) => [
      anchor.id,
      binding ? placeByAnchor(state.doc, binding, anchor) : placeByProvision(state.doc, anchor),
    ]),
  );
}

function decorate(
  state: EditorState,
  anchors: readonly HighlightAnchor[],
  places: ReadonlyMap<string, AnchorPlace>,
  activeId: string | null,
) {
  const decorations: Decoration[] = [];
  for (const anchor of anchors) {
    const place = places.get(anchor.id);
    const active = anchor.id === activeId;
    if (place?.kind !== 'text' || (anchor.resolved && !active)) continue;
    const id = anchor.id;
    decorations.push(
      Decoration.inline(place.from, place.to, {
        class: active ? 'comment-anchor active' : 'comment-anchor',
        'data-thread-id': id,
      }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

function build(
  state: EditorState,
  anchors: readonly HighlightAnchor[],
  activeId: string | null,
  places = placeAll(state, anchors),
) {
  return { anchors, activeId, places, decorations: decorate(state, anchors, places, activeId) };
}

/**
 * Highlights the text each comment thread is anchored to. Places are computed from the threads'
 * Yjs relative positions whenever the document changes from Yjs (remote edits: the binding then
 * matches the new state) or the threads change, and carried through local edits by the
 * transaction's mapping in between — so a highlight follows its words through concurrent edits.
 */
export function commentHighlights(onActivate: (threadId: string) => void) {
  return new Plugin<HighlightState>({
    key: commentHighlightsKey,
    state: {
      init: (_, state) => build(state, [], null),
      apply(tr: Transaction, previous, _old, state) {
        const change = tr.getMeta(commentHighlightsKey) as HighlightChange | undefined;
        const anchors = change?.anchors ?? previous.anchors;
        const activeId = change?.activeId !== undefined ? change.activeId : previous.activeId;
        if (change?.anchors || fromYjs(tr)) return build(state, anchors, activeId);
        if (!tr.docChanged && !change) return previous;
        const byId = new Map(anchors.map((anchor) => [anchor.id, anchor]));
        const places = new Map(
          [...previous.places].map(([id, place]) => [id, mapPlace(place, tr.mapping, state.doc, byId.get(id)!)]),
        );
        return build(state, anchors, activeId, places);
      },
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state)?.decorations ?? null,
      // A click on highlighted words selects their thread in the panel (the caret goes there as usual).
      handleClick(view, pos) {
        for (const [id, place] of anchorPlaces(view.state))
          if (place.kind === 'text' && place.from <= pos && pos <= place.to) {
            onActivate(id);
            break;
          }
        return false;
      },
    },
  });
}

/** Gives the highlights the threads to show and the one to emphasise. */
export function setHighlights(editor: Editor, change: HighlightChange) {
  if (editor.isDestroyed) return;
  editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, change).setMeta('addToHistory', false));
}

/** Where each thread's words are now (empty before the highlights know the threads). */
export function anchorPlaces(state: EditorState): ReadonlyMap<string, AnchorPlace> {
  return commentHighlightsKey.getState(state)?.places ?? new Map();
}
