import { Node } from '@tiptap/core';
import { Fragment, type Node as ProseMirrorNode, type Schema } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import { proposerAttributes } from './party-attributes';
import { noProposer, type ProposerSource } from './proposer';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    option: {
      /** Adds my party's alternative wording to the provision holding the selection. */
      proposeOption: () => ReturnType;
    };
  }
}

export interface OptionOptions {
  proposer: ProposerSource;
}

/** The provision's own wording (its blocks outside options), without anyone's brackets: a start for an alternative. */
function wordingToRework(provision: ProseMirrorNode, schema: Schema): Fragment {
  const blocks: ProseMirrorNode[] = [];
  provision.forEach((child) => {
    if (child.type.name !== 'option') blocks.push(child);
  });
  const bracket = schema.marks.bracket!;
  const stripped = blocks.map((block) =>
    block.type.create(
      block.attrs,
      mapText(block, (text) => text.mark(bracket.removeFromSet(text.marks))),
    ),
  );
  return stripped.length > 0 ? Fragment.from(stripped) : Fragment.from(schema.nodes.paragraph!.create());
}

function mapText(node: ProseMirrorNode, change: (text: ProseMirrorNode) => ProseMirrorNode): Fragment {
  const children: ProseMirrorNode[] = [];
  node.forEach((child) => {
    children.push(child.isText ? change(child) : child.type.create(child.attrs, mapText(child, change), child.marks));
  });
  return Fragment.from(children);
}

/**
 * An alternative wording of a provision ("Option 1 / Option 2"), proposed by a party —
 * `{ partyId, userId }` on the wire. Only its party edits or withdraws it; the chair accepts one
 * (on the server), which replaces the provision's wording with it.
 */
export const ProvisionOption = Node.create<OptionOptions>({
  name: 'option',
  // Whatever a provision's own wording may hold, so any wording can be proposed as an alternative.
  content: '(paragraph | bulletList | orderedList | blockquote | table)+',
  defining: true,
  isolating: true,

  addOptions() {
    return { proposer: noProposer };
  },

  addAttributes() {
    return proposerAttributes();
  },

  parseHTML() {
    return [{ tag: 'div[data-option]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', { ...HTMLAttributes, 'data-option': '', class: 'option' }, 0];
  },

  addCommands() {
    return {
      proposeOption:
        () =>
        ({ state, tr, dispatch }) => {
          const me = this.options.proposer();
          const { $from } = state.selection;
          if (!me?.partyId || $from.depth < 1) return false;
          const provision = $from.node(1);
          if (provision.type.name !== 'provision') return false;
          if (!dispatch) return true;
          const end = $from.before(1) + provision.nodeSize - 1;
          const option = state.schema.nodes.option!.create(
            { partyId: me.partyId, userId: me.userId },
            wordingToRework(provision, state.schema),
          );
          tr.insert(end, option);
          tr.setSelection(TextSelection.near(tr.doc.resolve(end + option.nodeSize - 1), -1)).scrollIntoView();
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return { 'Mod-Alt-n': ({ editor }) => editor.commands.proposeOption() };
  },
});
