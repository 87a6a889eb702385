import { Mark } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { proposerAttributes } from './party-attributes';
import { noProposer, type ProposerSource } from './proposer';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    bracket: {
      /** Brackets the selection as my party's proposal, or takes my brackets off it. */
      toggleMyBracket: () => ReturnType;
    };
  }
}

export interface BracketOptions {
  proposer: ProposerSource;
}

/** The parties whose brackets cover some text between `from` and `to`. */
export function bracketPartiesBetween(doc: ProseMirrorNode, from: number, to: number): Set<string> {
  const parties = new Set<string>();
  doc.nodesBetween(from, to, (node) => {
    for (const mark of node.marks)
      if (mark.type.name === 'bracket' && typeof mark.attrs.partyId === 'string') parties.add(mark.attrs.partyId);
  });
  return parties;
}

/**
 * Bracketed text: not yet agreed, proposed by a party (and person) — `{ partyId, userId }` on the
 * wire. It excludes itself (one proposer per character) and is not inclusive: typing at its edges
 * writes plain text, never text in the proposer's name.
 */
export const Bracket = Mark.create<BracketOptions>({
  name: 'bracket',
  inclusive: false,
  excludes: 'bracket',

  addOptions() {
    return { proposer: noProposer };
  },

  addAttributes() {
    return proposerAttributes();
  },

  parseHTML() {
    return [{ tag: 'span[data-bracket]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', { ...HTMLAttributes, 'data-bracket': '', class: 'bracket' }, 0];
  },

  addCommands() {
    return {
      toggleMyBracket:
        () =>
        ({ state, tr, dispatch }) => {
          const me = this.options.proposer();
          const { from, to, empty } = state.selection;
          if (!me?.partyId || empty) return false;
          const parties = bracketPartiesBetween(state.doc, from, to);
          // Another party's proposal is theirs alone to bracket, unbracket or change.
          if ([...parties].some((party) => party !== me.partyId)) return false;
          const type = state.schema.marks.bracket!;
          if (!dispatch) return true;
          let allMine = parties.size > 0;
          state.doc.nodesBetween(from, to, (node) => {
            if (node.isText && !node.marks.some((mark) => mark.type === type)) allMine = false;
          });
          if (allMine) tr.removeMark(from, to, type);
          else tr.addMark(from, to, type.create({ partyId: me.partyId, userId: me.userId }));
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return { 'Mod-Alt-b': ({ editor }) => editor.commands.toggleMyBracket() };
  },
});
