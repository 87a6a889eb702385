import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection, type EditorState } from '@tiptap/pm/state';
import type { Slice } from '@tiptap/pm/model';
import type { EditorView } from '@tiptap/pm/view';
import { cleanPastedHtml } from './clean-pasted-html';
import { fitPastedSlice, sectionInsertRange } from './pasted-structure';
import type { PasteLoss } from './word-markup';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    pasteCleanup: {
      /** Hides the notice about what the last paste left out. */
      dismissPasteNotice: () => ReturnType;
    };
  }
}

/** What the last paste left out (shown near the toolbar until the next paste or dismissed). */
export interface PasteNotice {
  /** Tells one paste's notice from the next with the same losses (so a live region speaks again). */
  serial: number;
  losses: PasteLoss[];
}

export const pasteNoticeKey = new PluginKey<PasteNotice | null>('pasteNotice');

/** The notice of the last paste into this editor, if it left something out. */
export const pasteNoticeOf = (state: EditorState): PasteNotice | null => pasteNoticeKey.getState(state) ?? null;

/**
 * Pasting from Word and other programs: the HTML is cleaned (Word's lists rebuilt, its markup,
 * comments, floating boxes and media removed — see clean-pasted-html.ts), headings are fitted to
 * where the paste lands (pasted-structure.ts), and what the text cannot hold is reported in a
 * notice rather than silently lost.
 */
export const PasteCleanup = Extension.create({
  name: 'pasteCleanup',

  addCommands() {
    return {
      dismissPasteNotice:
        () =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(pasteNoticeKey, null);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    let losses = new Set<PasteLoss>();
    let structured = false;
    let serial = 0;

    const publish = (view: EditorView) => {
      const notice = losses.size > 0 ? { serial: ++serial, losses: [...losses].sort() } : null;
      losses = new Set();
      if (notice || pasteNoticeOf(view.state)) view.dispatch(view.state.tr.setMeta(pasteNoticeKey, notice));
    };

    return [
      new Plugin<PasteNotice | null>({
        key: pasteNoticeKey,
        state: {
          init: () => null,
          apply: (tr, value) => {
            const meta = tr.getMeta(pasteNoticeKey) as PasteNotice | null | undefined;
            return meta === undefined ? value : meta;
          },
        },
        props: {
          transformPastedHTML: (html) => {
            const cleaned = cleanPastedHtml(html);
            losses = cleaned.losses;
            return cleaned.html;
          },
          transformPasted: (slice, view) => {
            const fitted = fitPastedSlice(slice, view.state.selection.$from, view.state.schema);
            if (fitted.headingsAsText) losses.add('headingsAsText');
            structured = fitted.slice !== slice && !fitted.headingsAsText;
            return fitted.slice;
          },
          handlePaste: (view, _event, slice: Slice) => {
            publish(view);
            const wasStructured = structured;
            structured = false;
            const { selection } = view.state;
            const range = wasStructured && selection.empty ? sectionInsertRange(selection.$from) : null;
            if (!range) return false;
            const tr = view.state.tr.replaceRange(range.from, range.to, slice).setMeta('paste', true);
            tr.setMeta('uiEvent', 'paste');
            const end = tr.mapping.map(range.to);
            view.dispatch(tr.setSelection(TextSelection.near(tr.doc.resolve(end), -1)).scrollIntoView());
            return true;
          },
          handleDrop: (view) => {
            publish(view);
            structured = false;
            return false;
          },
        },
      }),
    ];
  },
});
