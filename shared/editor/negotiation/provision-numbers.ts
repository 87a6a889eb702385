import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, type DecorationSet } from '@tiptap/pm/view';
import { decorateAll, redecorateChanges, type DecorateTopLevel } from './top-level-decorations';

const numberDecoration: DecorateTopLevel = (node, pos, citation, out) => {
  if (!citation) return;
  const attrs: Record<string, string> = { 'data-label': citation.label };
  if (citation.number !== null) attrs['data-number'] = String(citation.number);
  out.push(Decoration.node(pos, pos + node.nodeSize, attrs));
};

/** The plugin behind ProvisionNumbers: a provision's decoration is redone only when it or its label changed. */
export function provisionNumbersPlugin() {
  return new Plugin<DecorationSet>({
    key: new PluginKey('provisionNumbers'),
    state: {
      init: (_config, state) => decorateAll(state.doc, numberDecoration),
      apply: (tr, previous) =>
        tr.docChanged ? redecorateChanges(previous, tr.before, tr.doc, numberDecoration) : previous,
    },
    props: {
      decorations(state) {
        return this.getState(state);
      },
    },
  });
}

/** Shows each operative provision's number and every provision's citation label (derived from document order, never typed or stored). */
export const ProvisionNumbers = Extension.create({
  name: 'provisionNumbers',

  addProseMirrorPlugins() {
    return [provisionNumbersPlugin()];
  },
});
