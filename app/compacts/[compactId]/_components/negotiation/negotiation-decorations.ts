import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { isAgreementState } from '@/shared/negotiation/vocabulary';
import {
  decorateAll,
  redecorateChanges,
  type DecorateTopLevel,
} from '@/shared/editor/negotiation/top-level-decorations';
import { bracketOpening, bracketClosing, optionLabel, provisionGutter } from './decoration-widgets';
import { emptyViewData, partyStyle, type NegotiationViewData } from './view-data';

interface PluginData {
  data: NegotiationViewData;
  decorations: DecorationSet;
}

export const negotiationViewKey = new PluginKey<PluginData>('negotiationView');

const bracketPartyOf = (node: ProseMirrorNode): string | null => {
  const mark = node.marks.find((m) => m.type.name === 'bracket');
  return mark && typeof mark.attrs.partyId === 'string' ? mark.attrs.partyId : null;
};

const widgetSpec = (key: string, side: number) => ({ key, side, ignoreSelection: true });

/** "[text]" with the party's code around each run of text bracketed by one party. */
function bracketDecorations(textblock: ProseMirrorNode, pos: number, data: NegotiationViewData, out: Decoration[]) {
  let run: { party: string; from: number; to: number } | null = null;
  const flush = (done: { party: string; from: number; to: number }) => {
    const party = data.parties.get(done.party);
    const look = `${done.party}|${party?.shortCode ?? ''}|${party?.colour ?? ''}`;
    out.push(Decoration.inline(done.from, done.to, { class: 'bracket-run', style: partyStyle(party) }));
    out.push(Decoration.widget(done.from, () => bracketOpening(data.t, party), widgetSpec(`bo|${look}`, 1)));
    out.push(Decoration.widget(done.to, () => bracketClosing(party), widgetSpec(`bc|${look}`, -1)));
  };
  textblock.forEach((child, offset) => {
    const from = pos + 1 + offset;
    const to = from + child.nodeSize;
    const party = bracketPartyOf(child);
    if (run && party === run.party && run.to === from) {
      run.to = to;
      return;
    }
    if (run) flush(run);
    run = party ? { party, from, to } : null;
  });
  if (run) flush(run);
}

function provisionDecorations(
  provision: ProseMirrorNode,
  pos: number,
  label: string,
  data: NegotiationViewData,
  out: Decoration[],
) {
  const state = isAgreementState(provision.attrs.state) ? provision.attrs.state : 'open';
  const id = typeof provision.attrs.id === 'string' ? provision.attrs.id : '';
  const indicators = data.indicators.get(id) ?? [];
  const look = `${label}|${state}|${indicators.map((i) => `${i.id}:${i.code}:${i.status}:${i.title}`).join(',')}`;
  out.push(
    Decoration.widget(pos + 1, () => provisionGutter(label, state, indicators, data), {
      ...widgetSpec(`pg|${data.compactId}|${look}`, -1),
      stopEvent: () => true,
    }),
  );
  let optionNumber = 0;
  provision.forEach((child, offset) => {
    if (child.type.name !== 'option') return;
    optionNumber++;
    const start = pos + 1 + offset;
    const partyId = typeof child.attrs.partyId === 'string' ? child.attrs.partyId : '';
    const party = data.parties.get(partyId);
    const number = optionNumber;
    out.push(Decoration.node(start, start + child.nodeSize, { style: partyStyle(party) }));
    out.push(
      Decoration.widget(start + 1, () => optionLabel(data.t, number, party), {
        ...widgetSpec(`ol|${number}|${partyId}|${party?.shortCode ?? ''}|${party?.colour ?? ''}`, -1),
      }),
    );
  });
  provision.descendants((node, offset) => {
    if (!node.isTextblock) return true;
    bracketDecorations(node, pos + 1 + offset, data, out);
    return false;
  });
}

const topLevelDecorations =
  (data: NegotiationViewData): DecorateTopLevel =>
  (node, pos, citation, out) => {
    if (node.type.name === 'provision') provisionDecorations(node, pos, citation?.label ?? '', data, out);
    else if (node.isTextblock) bracketDecorations(node, pos, data, out);
  };

/** Every label of the negotiation view for a document: brackets, options, provision states and indicators. */
export function negotiationDecorations(doc: ProseMirrorNode, data: NegotiationViewData): DecorationSet {
  return decorateAll(doc, topLevelDecorations(data));
}

/** Hands fresh legend and indicator data to the editor's negotiation view. */
export function setNegotiationViewData(state: EditorState, data: NegotiationViewData) {
  return state.tr.setMeta(negotiationViewKey, data).setMeta('addToHistory', false);
}

/** The plugin behind NegotiationView: decorations kept per top-level node, redone only where the text changed. */
export function negotiationViewPlugin() {
  return new Plugin<PluginData>({
    key: negotiationViewKey,
    state: {
      init: (_config, state) => ({
        data: emptyViewData,
        decorations: negotiationDecorations(state.doc, emptyViewData),
      }),
      apply: (tr, previous) => {
        const data = tr.getMeta(negotiationViewKey) as NegotiationViewData | undefined;
        if (data) return { data, decorations: negotiationDecorations(tr.doc, data) };
        if (!tr.docChanged) return previous;
        const decorate = topLevelDecorations(previous.data);
        return {
          data: previous.data,
          decorations: redecorateChanges(previous.decorations, tr.before, tr.doc, decorate),
        };
      },
    },
    props: {
      decorations(state) {
        return negotiationViewKey.getState(state)?.decorations ?? DecorationSet.empty;
      },
    },
  });
}

/**
 * The negotiation view of the text (browser only): bracketed runs as "ALD[text]" in the party's
 * colour, "Option 1 — ALD" labels, each provision's agreement state in words and its linked
 * indicators in the gutter. Numbers and citation labels come from ProvisionNumbers (shared).
 */
export const NegotiationView = Extension.create({
  name: 'negotiationView',

  addProseMirrorPlugins() {
    return [negotiationViewPlugin()];
  },
});
