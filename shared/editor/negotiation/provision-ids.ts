import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Mapping } from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { newProvisionId, PROVISION_ID_PATTERN } from '../../negotiation/vocabulary';

const topLevelProvisions = (doc: ProseMirrorNode) => {
  const found: { node: ProseMirrorNode; pos: number }[] = [];
  doc.forEach((node, pos) => {
    if (node.type.name === 'provision') found.push({ node, pos });
  });
  return found;
};

/**
 * The attribute changes that give every provision a unique, well-formed id after a local edit:
 * a provision the edit kept (or moved in one step, e.g. drag and drop) keeps its id; a copy —
 * the new half of a split, a paste of a provision still in the text — gets a fresh one and
 * starts `open` (agreement is the chair's, for the text it was given on). A provision pasted
 * after being cut keeps its id (links to it survive) but starts `open` too.
 */
export function provisionIdRepairs(
  before: ProseMirrorNode,
  after: ProseMirrorNode,
  mapping: Mapping,
): { pos: number; attrs: Record<string, unknown> }[] {
  const oldPositions = new Map<string, number>();
  for (const { node, pos } of topLevelProvisions(before))
    if (typeof node.attrs.id === 'string') oldPositions.set(node.attrs.id, pos);
  const provisions = topLevelProvisions(after);
  const holder = new Map<string, number>(); // id -> the position that keeps it
  for (const { node, pos } of provisions) {
    const id = node.attrs.id as unknown;
    if (typeof id !== 'string' || !PROVISION_ID_PATTERN.test(id)) continue;
    const old = oldPositions.get(id);
    const stayed = old !== undefined && mapping.map(old, 1) === pos;
    if (!holder.has(id) || stayed) holder.set(id, pos);
  }
  const repairs: { pos: number; attrs: Record<string, unknown> }[] = [];
  for (const { node, pos } of provisions) {
    const id = node.attrs.id as unknown;
    if (typeof id === 'string' && holder.get(id) === pos) {
      // Kept or moved: unchanged. Back after a cut: same id, but agreement is not carried over.
      if (!oldPositions.has(id) && node.attrs.state !== 'open')
        repairs.push({ pos, attrs: { ...node.attrs, state: 'open' } });
      continue;
    }
    repairs.push({ pos, attrs: { ...node.attrs, id: newProvisionId(), state: 'open' } });
  }
  return repairs;
}

const fromCollaboration = (tr: Transaction) => tr.getMeta(ySyncPluginKey) !== undefined;

/**
 * Provision ids in the browser: only editors that may edit assign them (a read-only view never
 * writes), and only for local edits — changes arriving from collaborators are theirs, and the
 * server de-duplicates ids that concurrent copies produced.
 */
export const ProvisionIds = Extension.create({
  name: 'provisionIds',

  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        key: new PluginKey('provisionIds'),
        appendTransaction(transactions, oldState, newState) {
          if (!editor.isEditable) return null;
          const local = transactions.filter((tr) => tr.docChanged && !fromCollaboration(tr));
          if (local.length === 0 || local.length !== transactions.filter((tr) => tr.docChanged).length) return null;
          const mapping = new Mapping();
          for (const tr of local) mapping.appendMapping(tr.mapping);
          const repairs = provisionIdRepairs(oldState.doc, newState.doc, mapping);
          if (repairs.length === 0) return null;
          const tr = newState.tr;
          for (const { pos, attrs } of repairs) tr.setNodeMarkup(pos, undefined, attrs);
          return tr;
        },
      }),
    ];
  },
});
