import { Extension } from '@tiptap/core';
import type { Mark } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { noProposer, type ProposerSource } from './proposer';

/** The document ranges local transactions inserted, in the final document's positions. */
function insertedRanges(transactions: readonly Transaction[]): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  for (const tr of transactions) {
    for (const range of ranges) {
      range.from = tr.mapping.map(range.from, -1);
      range.to = tr.mapping.map(range.to, 1);
    }
    tr.mapping.maps.forEach((map, index) => {
      const later = tr.mapping.slice(index + 1);
      map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
        if (newEnd > newStart) ranges.push({ from: later.map(newStart, -1), to: later.map(newEnd, 1) });
      });
    });
  }
  return ranges;
}

/**
 * The words a person writes are theirs: text they type inside a colleague's bracket (same party,
 * another person — the party owns its brackets, so the editor allows it) or paste from one would
 * otherwise carry the colleague's name. After each local edit, inserted text under a bracket of
 * the person's party but another person's name is re-bracketed in the person's own name. The
 * server refuses brackets written in another person's name (except words moved unchanged).
 */
export function ownBracketsPlugin(proposer: ProposerSource, editable: () => boolean = () => true): Plugin {
  return new Plugin({
    key: new PluginKey('ownBrackets'),
    appendTransaction(transactions, _oldState, state: EditorState) {
      const me = proposer();
      if (!me || !editable()) return null;
      const local = transactions.filter((tr) => tr.docChanged && tr.getMeta(ySyncPluginKey) === undefined);
      if (local.length === 0) return null;
      const colleagues = (mark: Mark) =>
        mark.type.name === 'bracket' && mark.attrs.partyId === me.partyId && mark.attrs.userId !== me.userId;
      let tr: Transaction | null = null;
      for (const { from, to } of insertedRanges(local)) {
        state.doc.nodesBetween(from, to, (node, pos) => {
          const mark = node.isText ? node.marks.find(colleagues) : undefined;
          if (!mark) return true;
          tr ??= state.tr;
          tr.addMark(Math.max(pos, from), Math.min(pos + node.nodeSize, to), mark.type.create({ ...me }));
          return false;
        });
      }
      return tr;
    },
  });
}

export const OwnBrackets = Extension.create<{ proposer: ProposerSource }>({
  name: 'ownBrackets',

  addOptions() {
    return { proposer: noProposer };
  },

  addProseMirrorPlugins() {
    return [ownBracketsPlugin(this.options.proposer, () => this.editor.isEditable)];
  },
});
