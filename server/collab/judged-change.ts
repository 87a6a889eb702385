import 'server-only';
import * as Y from 'yjs';

/**
 * What one client update changed: every transaction its integration ran — the update's own and
 * the formatting clean-up Yjs runs after it — as one. The clean-up deletes format items that the
 * update made redundant (e.g. the opening of a bracket whose words it deleted); judged apart, the
 * bracket would look absent before the update. Integrated with garbage collection off, so what
 * the update deleted is still readable.
 */
export type JudgedChange = Pick<Y.Transaction, 'doc' | 'beforeState' | 'afterState' | 'deleteSet' | 'changed'>;

export function combinedChange(transactions: readonly Y.Transaction[]): JudgedChange {
  const [first] = transactions;
  if (!first) throw new Error('no transaction to judge');
  if (transactions.length === 1) return first;
  const changed: Y.Transaction['changed'] = new Map();
  for (const tr of transactions)
    for (const [type, keys] of tr.changed) changed.set(type, new Set([...(changed.get(type) ?? []), ...keys]));
  return {
    doc: first.doc,
    beforeState: first.beforeState,
    afterState: transactions.at(-1)!.afterState,
    deleteSet: Y.mergeDeleteSets(transactions.map((tr) => tr.deleteSet)),
    changed,
  };
}

/** Whether an item is part of the document in one state (before or after the change). */
export type Visible = (item: Y.Item) => boolean;

/** Whether the change created the item. */
export const newIn = (tr: JudgedChange) => (item: Y.Item) => item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0);

export const beforeVisible = (tr: JudgedChange): Visible => {
  const isNew = newIn(tr);
  return (item) => !isNew(item) && (!item.deleted || Y.isDeleted(tr.deleteSet, item.id));
};

export const afterVisible: Visible = (item) => !item.deleted;

/** The value an element's attribute had in a state (undefined: unset). */
export function attributeIn(element: Y.XmlElement, key: string, visible: Visible): unknown {
  for (let item = element._map.get(key) ?? null; item !== null; item = item.left) {
    if (visible(item)) return item.content.getContent().at(-1);
  }
  return undefined;
}

/** A shared type, as far as walking up the tree goes. */
export type TreeNode = { _item: Y.Item | null };

const parentOf = (node: TreeNode): TreeNode | null => (node._item?.parent as TreeNode | undefined) ?? null;

/** The nearest element named `name` at or above `node`, if any. */
export function enclosing(node: TreeNode | null, name: 'option' | 'provision'): Y.XmlElement | null {
  for (let t: TreeNode | null = node; t; t = parentOf(t)) {
    if (t instanceof Y.XmlElement && t.nodeName === name) return t;
    if (!t._item) break;
  }
  return null;
}

/** The enclosing option's party ('' when it names none), or undefined outside any option. */
export function enclosingOptionParty(node: TreeNode | null): string | undefined {
  const option = enclosing(node, 'option');
  return option ? String(option.getAttribute('partyId') ?? '') : undefined;
}

/** The element above `node` (its parent), if any. */
export const parentElementOf = parentOf;
