import { Extension } from '@tiptap/core';
import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { AddMarkStep, AttrStep, RemoveMarkStep, ReplaceAroundStep, ReplaceStep, type Step } from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { noProposer, type ProposerSource } from './proposer';

export interface PartyGuardOptions {
  proposer: ProposerSource;
  /** Told when a local edit was stopped, with why (for a notice offering "propose an alternative"). */
  onBlocked: (reason: PartyGuardReason) => void;
}

export type PartyGuardReason = 'foreign-bracket' | 'foreign-option' | 'agreement-state';

const foreignBracket = (mark: Mark, party: string) => mark.type.name === 'bracket' && mark.attrs.partyId !== party;

/** The option (its party) enclosing a position, if any. */
function optionPartyAt(doc: ProseMirrorNode, pos: number): unknown {
  const $pos = doc.resolve(pos);
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    if (node.type.name === 'option') return node.attrs.partyId;
  }
  return undefined;
}

function rangeProblem(doc: ProseMirrorNode, from: number, to: number, party: string): PartyGuardReason | null {
  let problem: PartyGuardReason | null = null;
  doc.nodesBetween(from, to, (node) => {
    if (problem) return false;
    if (node.type.name === 'option' && node.attrs.partyId !== party) problem = 'foreign-option';
    else if (node.isText && node.marks.some((mark) => foreignBracket(mark, party))) problem = 'foreign-bracket';
    return true;
  });
  return problem;
}

/** Whether `pos` lies strictly inside another party's bracket (text on both sides carries it). */
function insideForeignBracket(doc: ProseMirrorNode, pos: number, party: string): boolean {
  const $pos = doc.resolve(pos);
  const before = $pos.nodeBefore?.marks.find((mark) => foreignBracket(mark, party));
  return !!before && !!$pos.nodeAfter?.marks.some((mark) => mark.eq(before));
}

function stepProblem(step: Step, doc: ProseMirrorNode, party: string): PartyGuardReason | null {
  if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) {
    const { from, to, slice } = step as ReplaceStep & { from: number; to: number };
    for (const pos of [from, to]) {
      const owner = optionPartyAt(doc, pos);
      if (owner !== undefined && owner !== party) return 'foreign-option';
    }
    if (from === to && insideForeignBracket(doc, from, party)) return 'foreign-bracket';
    let pasted: PartyGuardReason | null = null;
    slice.content.descendants((node) => {
      if (node.isText && node.marks.some((mark) => foreignBracket(mark, party))) pasted = 'foreign-bracket';
      if (node.type.name === 'option' && node.attrs.partyId !== party) pasted = 'foreign-option';
      return !pasted;
    });
    // A ReplaceAroundStep (a provision's id repaired, a paragraph wrapped in a list) keeps its gap's content.
    const removed =
      step instanceof ReplaceAroundStep
        ? [
            [from, step.gapFrom],
            [step.gapTo, to],
          ]
        : [[from, to]];
    for (const [start, end] of removed) pasted ??= rangeProblem(doc, start!, end!, party);
    return pasted;
  }
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
    const { from, to, mark } = step as AddMarkStep & { from: number; to: number; mark: Mark };
    if (mark.type.name === 'bracket' && mark.attrs.partyId !== party) return 'foreign-bracket';
    const problem = rangeProblem(doc, from, to, party);
    if (problem === 'foreign-option' || (problem && mark.type.name === 'bracket')) return problem;
    const owner = optionPartyAt(doc, from);
    return owner !== undefined && owner !== party ? 'foreign-option' : null;
  }
  if (step instanceof AttrStep) {
    const node = doc.nodeAt(step.pos);
    if (node?.type.name === 'provision' && step.attr === 'state') return 'agreement-state';
    if (node?.type.name === 'option') return node.attrs.partyId === party ? null : 'foreign-option';
  }
  return null;
}

/**
 * The editor's side of "nobody speaks for another party" (the server enforces the same): a local
 * edit that would change, delete or re-bracket another party's bracketed text or option, or set
 * an agreement state, is stopped before it reaches the document, and `onBlocked` says why.
 * Typing beside a bracket is plain text (the mark is not inclusive); inside it, it is stopped.
 */
export const PartyGuard = Extension.create<PartyGuardOptions>({
  name: 'partyGuard',

  addOptions() {
    return { proposer: noProposer, onBlocked: () => undefined };
  },

  addProseMirrorPlugins() {
    const { proposer, onBlocked } = this.options;
    return [
      new Plugin({
        key: new PluginKey('partyGuard'),
        filterTransaction(tr: Transaction) {
          if (!tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined) return true;
          const party = proposer()?.partyId;
          if (!party) return true;
          for (let i = 0; i < tr.steps.length; i++) {
            const problem = stepProblem(tr.steps[i]!, tr.docs[i]!, party);
            if (problem) {
              onBlocked(problem);
              return false;
            }
          }
          return true;
        },
      }),
    ];
  },
});
