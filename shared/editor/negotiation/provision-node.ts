import { Node, type Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import { isAgreementState, isProvisionKind, type ProvisionKind } from '../../negotiation/vocabulary';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    provision: {
      /** A new, empty provision after the one (or the heading) holding the selection. */
      insertProvision: (kind: ProvisionKind) => ReturnType;
      /** Makes the provision holding the selection preambular or operative. */
      setProvisionKind: (kind: ProvisionKind) => ReturnType;
    };
  }
}

/** The top-level block holding the selection: its node and position. */
function topLevelBlock(editor: Editor): { node: ProseMirrorNode; pos: number } | null {
  const { $from } = editor.state.selection;
  if ($from.depth < 1) return null;
  return { node: $from.node(1), pos: $from.before(1) };
}

/**
 * A provision: one paragraph of the compact (or a few blocks) with a stable id, a kind and an
 * agreement state — `{ id, kind, state }` on the wire. Operative ones are numbered by a decoration
 * (see provision-numbers.ts), never by typed text. Isolating: Backspace at its start does not merge
 * it into the previous provision (which would silently drop one id and the links to it).
 */
export const Provision = Node.create({
  name: 'provision',
  content: '(paragraph | bulletList | orderedList | blockquote | table | option)+',
  defining: true,
  isolating: true,
  priority: 1000,

  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-provision-id'),
        renderHTML: (attributes) => (attributes.id ? { 'data-provision-id': attributes.id } : {}),
      },
      kind: {
        default: 'operative',
        parseHTML: (element) => {
          const kind = element.getAttribute('data-kind');
          return isProvisionKind(kind) ? kind : 'operative';
        },
        renderHTML: (attributes) => ({ 'data-kind': attributes.kind }),
      },
      state: {
        default: 'open',
        // Pasted HTML never brings an agreement state: only the chair sets one, on the server.
        parseHTML: () => 'open',
        renderHTML: (attributes) => ({ 'data-state': isAgreementState(attributes.state) ? attributes.state : 'open' }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-provision]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', { ...HTMLAttributes, 'data-provision': '', class: 'provision' }, 0];
  },

  addCommands() {
    return {
      insertProvision:
        (kind) =>
        ({ editor, tr, dispatch }) => {
          const block = topLevelBlock(editor);
          const insertAt = block ? block.pos + block.node.nodeSize : tr.doc.content.size;
          const provision = editor.schema.nodes.provision!.create(
            { kind, state: 'open' },
            editor.schema.nodes.paragraph!.create(),
          );
          if (dispatch) {
            tr.insert(insertAt, provision);
            tr.setSelection(TextSelection.create(tr.doc, insertAt + 2)).scrollIntoView();
          }
          return true;
        },
      setProvisionKind:
        (kind) =>
        ({ editor, tr, dispatch }) => {
          const block = topLevelBlock(editor);
          if (!block || block.node.type.name !== this.name) return false;
          if (dispatch) tr.setNodeAttribute(block.pos, 'kind', kind);
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    const kindHere = (editor: Editor): ProvisionKind => {
      const block = topLevelBlock(editor);
      return block?.node.type.name === this.name && isProvisionKind(block.node.attrs.kind)
        ? block.node.attrs.kind
        : 'operative';
    };
    return {
      'Mod-Alt-o': ({ editor }) => editor.commands.insertProvision('operative'),
      'Mod-Alt-p': ({ editor }) => editor.commands.insertProvision('preambular'),
      Enter: ({ editor }) => {
        const { $from, empty } = editor.state.selection;
        if (!empty) return false;
        // At the end of a section heading: the section's first provision follows.
        if ($from.depth === 1 && $from.parent.type.name === 'heading')
          return $from.parentOffset === $from.parent.content.size && editor.commands.insertProvision('operative');
        // An empty last paragraph directly in a provision: leave it and start the next provision.
        const provision = $from.depth === 2 ? $from.node(1) : null;
        if (
          provision?.type.name !== this.name ||
          $from.parent.type.name !== 'paragraph' ||
          $from.parent.content.size > 0 ||
          provision.childCount < 2 ||
          $from.index(1) !== provision.childCount - 1
        )
          return false;
        const kind = kindHere(editor);
        return editor
          .chain()
          .command(({ tr }) => {
            tr.delete($from.before(2), $from.after(2));
            tr.setSelection(TextSelection.create(tr.doc, $from.before(2) - 1));
            return true;
          })
          .insertProvision(kind)
          .run();
      },
      Backspace: ({ editor }) => {
        // An empty provision goes away as a whole (isolating nodes are never merged into their neighbour).
        const { $from, empty } = editor.state.selection;
        if (!empty || $from.depth !== 2 || $from.parentOffset > 0) return false;
        const provision = $from.node(1);
        if (provision.type.name !== this.name || provision.childCount !== 1 || provision.textContent !== '')
          return false;
        if (editor.state.doc.childCount < 2) return false;
        const start = $from.before(1);
        return editor
          .chain()
          .command(({ tr }) => {
            tr.delete(start, start + provision.nodeSize);
            tr.setSelection(TextSelection.near(tr.doc.resolve(Math.max(0, start - 1)), -1));
            return true;
          })
          .run();
      },
    };
  },
});
