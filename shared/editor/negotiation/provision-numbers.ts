import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { provisionCitations } from '../../negotiation/provisions';

function numberDecorations(doc: ProseMirrorNode): DecorationSet {
  const { operative, labels } = provisionCitations(doc);
  const decorations: Decoration[] = [];
  doc.forEach((node, pos) => {
    const label = labels.get(pos);
    if (label === undefined) return;
    const number = operative.get(pos);
    const attrs: Record<string, string> = { 'data-label': label };
    if (number !== undefined) attrs['data-number'] = String(number);
    decorations.push(Decoration.node(pos, pos + node.nodeSize, attrs));
  });
  return DecorationSet.create(doc, decorations);
}

/** Shows each operative provision's number and every provision's citation label (derived from document order, never typed or stored). */
export const ProvisionNumbers = Extension.create({
  name: 'provisionNumbers',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('provisionNumbers'),
        state: {
          init: (_config, state) => numberDecorations(state.doc),
          apply: (tr, previous) => (tr.docChanged ? numberDecorations(tr.doc) : previous),
        },
        props: {
          decorations(state) {
            return this.getState(state);
          },
        },
      }),
    ];
  },
});
