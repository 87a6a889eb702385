import 'server-only';
import * as Y from 'yjs';
import type {
  RedlineAttributeChange,
  RedlineChange,
  RedlineItem,
  RedlineMark,
  RedlineNode,
  RedlineText,
} from '@/shared/history/redline';
import type { HistoryStates } from './history-doc';

/** Who made an item or a deletion: an index into the redline's authors. */
export interface AuthorIndex {
  /** The author of what the Yjs client id wrote (bound to one membership by the server). */
  ofClient(client: number): number;
  /** The author of the stored update that deleted an item (the system when unknown). */
  ofDeletion(id: Y.ID): number;
}

const isVisible = (item: Y.Item, snapshot: Y.Snapshot): boolean =>
  (snapshot.sv.get(item.id.client) ?? 0) > item.id.clock && !Y.isDeleted(snapshot.ds, item.id);

const CHANGE_KEY = 'ychange';

export interface Walk {
  states: HistoryStates;
  authors: AuthorIndex;
}

function changeOf(walk: Walk, item: Y.Item): RedlineChange | null {
  const { from, to } = walk.states;
  const before = isVisible(item, from);
  const after = isVisible(item, to);
  if (before && !after) return { type: 'removed', author: walk.authors.ofDeletion(item.id) };
  if (after && !before) return { type: 'added', author: walk.authors.ofClient(item.id.client) };
  return null;
}

/** The newest value item of an attribute that is visible in `snapshot`. */
function attributeItem(element: Y.XmlElement, key: string, snapshot: Y.Snapshot): Y.Item | null {
  let item: Y.Item | null = element._map.get(key) ?? null;
  while (item !== null && !isVisible(item, snapshot)) item = item.left;
  return item;
}

function attributeChanges(walk: Walk, element: Y.XmlElement): RedlineAttributeChange[] {
  const before = element.getAttributes(walk.states.from) as Record<string, unknown>;
  const after = element.getAttributes(walk.states.to) as Record<string, unknown>;
  const changes: RedlineAttributeChange[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    const item = attributeItem(element, key, walk.states.to);
    const author = item ? walk.authors.ofClient(item.id.client) : walk.authors.ofDeletion(element._map.get(key)!.id);
    changes.push({ key, before: before[key] ?? null, after: after[key] ?? null, author });
  }
  return changes;
}

const sameChange = (a: RedlineChange | null, b: RedlineChange | null) =>
  a === b || (a !== null && b !== null && a.type === b.type && a.author === b.author);

/** Text runs with their marks and changes; adjacent runs alike are merged. */
function textRuns(walk: Walk, text: Y.XmlText): RedlineText[] {
  // The change key is never the item's client id, so Yjs starts a run per item; runs alike merge below.
  const computeChange = (type: 'added' | 'removed', id: Y.ID) => ({
    type,
    user: '',
    author: type === 'added' ? walk.authors.ofClient(id.client) : walk.authors.ofDeletion(id),
  });
  const delta = text.toDelta(walk.states.to, walk.states.from, computeChange) as Array<{
    insert: unknown;
    attributes?: Record<string, unknown>;
  }>;
  const runs: RedlineText[] = [];
  for (const op of delta) {
    if (typeof op.insert !== 'string') continue;
    const { [CHANGE_KEY]: change, ...formats } = op.attributes ?? {};
    const marks: RedlineMark[] = Object.entries(formats).map(([type, attrs]) => ({
      type: type.replace(/--.*$/, ''),
      attrs: attrs && typeof attrs === 'object' ? (attrs as Record<string, unknown>) : {},
    }));
    const runChange = change
      ? { type: (change as RedlineChange).type, author: (change as RedlineChange).author }
      : null;
    const previous = runs.at(-1);
    if (previous && sameChange(previous.change, runChange) && JSON.stringify(previous.marks) === JSON.stringify(marks))
      previous.text += op.insert;
    else runs.push({ kind: 'text', text: op.insert, marks, change: runChange });
  }
  return runs;
}

/** Drops the changes inside a node added or removed whole: they repeat its own. */
function withoutInnerChanges(items: RedlineItem[], type: RedlineChange['type']): RedlineItem[] {
  return items.map((item) => {
    const change = item.change?.type === type ? null : item.change;
    if (item.kind === 'text') return { ...item, change };
    return { ...item, change, content: withoutInnerChanges(item.content, type) };
  });
}

function elementNode(walk: Walk, element: Y.XmlElement, change: RedlineChange | null): RedlineNode {
  const snapshot = change?.type === 'removed' ? walk.states.from : walk.states.to;
  const content = childrenOf(walk, element);
  return {
    kind: 'node',
    type: element.nodeName,
    attrs: element.getAttributes(snapshot) as Record<string, unknown>,
    content: change ? withoutInnerChanges(content, change.type) : content,
    change,
    attributeChanges: change ? [] : attributeChanges(walk, element),
  };
}

/** The children of a fragment or element present in either state, in document order. */
export function childrenOf(walk: Walk, parent: Y.XmlFragment | Y.XmlElement): RedlineItem[] {
  const items: RedlineItem[] = [];
  for (let item = parent._start; item !== null; item = item.right) {
    if (!(item.content instanceof Y.ContentType)) continue;
    if (!isVisible(item, walk.states.from) && !isVisible(item, walk.states.to)) continue;
    const type = item.content.type;
    if (type instanceof Y.XmlElement) items.push(elementNode(walk, type, changeOf(walk, item)));
    else if (type instanceof Y.XmlText) items.push(...textRuns(walk, type));
  }
  return items;
}
