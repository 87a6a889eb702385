import 'server-only';
import * as Y from 'yjs';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { markNameOf } from './document-rules';
import type { TreeNode, Visible } from './judged-change';

const BRACKET = 'bracket';

export interface CharAttribution {
  /** Parties whose brackets cover it. */
  parties: string[];
  /** Who proposed each bracket covering it: `ownerKey(party, person)`. */
  owners: string[];
  /** The bracket values covering it (party and person), canonical. */
  brackets: string;
  /** Every formatting attribute, canonical: equal strings, equal formatting. */
  formatting: string;
}

/** A text's characters attributed before and after a change (only the new ones after, for a text that only gained). */
export interface JudgedText {
  was: Map<Y.Item, CharAttribution>;
  now: Map<Y.Item, CharAttribution>;
}

export const isBracketKey = (key: string) => markNameOf(key) === BRACKET;

/** Per text item (characters and embeds) visible under `visible` and kept by `keep`: its bracket parties and formatting. */
export function attribution(
  text: Y.XmlText,
  visible: Visible,
  keep: (item: Y.Item) => boolean = () => true,
): Map<Y.Item, CharAttribution> {
  const current = new Map<string, unknown>();
  const result = new Map<Y.Item, CharAttribution>();
  // One attribution object per run of equal formatting: it changes only at a formatting item.
  let shared: CharAttribution | null = null;
  for (let item = text._start; item !== null; item = item.right) {
    if (!visible(item)) continue;
    const content = item.content;
    if (content instanceof Y.ContentFormat) {
      if (content.value === null) current.delete(content.key);
      else current.set(content.key, content.value);
      shared = null;
      continue;
    }
    if (!keep(item)) continue;
    shared ??= describe(current);
    result.set(item, shared);
  }
  return result;
}

/** A bracket's proposer as one comparable string. */
export const ownerKey = (party: string, person: string) => `${party}\u0000${person}`;

const asString = (value: unknown) => (typeof value === 'string' ? value : '');

function describe(current: Map<string, unknown>): CharAttribution {
  const parties: string[] = [];
  const owners: string[] = [];
  const brackets: unknown[] = [];
  for (const [key, value] of current) {
    if (!isBracketKey(key)) continue;
    const { partyId, userId } = value as { partyId?: unknown; userId?: unknown };
    parties.push(asString(partyId));
    owners.push(ownerKey(asString(partyId), asString(userId)));
    brackets.push(value);
  }
  const formatting = JSON.stringify([...current].sort(([a], [b]) => (a < b ? -1 : 1)));
  return { parties, owners, brackets: JSON.stringify(brackets), formatting };
}

type Walkable = TreeNode & { _start: Y.Item | null };

/**
 * Whether the bracketed words of others that a change wrote are words it deleted, under the same
 * brackets, in document order — what an editor writes for a paragraph split or merge, or a provision
 * moved. Another party's bracketed words deleted must all be re-created word for word (the party
 * alone may delete them); a colleague's (same party, another person) may also just go — the party
 * owns its brackets — so theirs need only be re-created from words deleted, in order.
 */
export function sameForeignBrackets(
  doc: Y.Doc,
  judged: Map<Y.XmlText, JudgedText>,
  sender: { party: string; owner: string },
): boolean {
  const deleted = new Map<string, string>();
  const written = new Map<string, string>();
  const otherParty = new Set<string>();
  const add = (into: Map<string, string>, seen: CharAttribution, item: Y.Item) => {
    if (seen.parties.some((p) => p !== sender.party)) otherParty.add(seen.brackets);
    into.set(seen.brackets, (into.get(seen.brackets) ?? '') + item.content.getContent().map(String).join(''));
  };
  const someoneElses = (seen: CharAttribution) => seen.owners.some((owner) => owner !== sender.owner);
  // Only the branches that hold a judged text are walked (in document order), not the whole text.
  const onPath = new Set<unknown>();
  for (const text of judged.keys())
    for (let node: TreeNode | null = text; node?._item; node = node._item.parent as TreeNode | null) {
      if (onPath.has(node._item.parent)) break;
      onPath.add(node._item.parent);
    }
  const walk = (type: Walkable) => {
    for (let item = type._start; item !== null; item = item.right) {
      if (item.content instanceof Y.ContentType) {
        const child = item.content.type;
        if (onPath.has(child) || judged.has(child as Y.XmlText)) walk(child as unknown as Walkable);
        continue;
      }
      const text = judged.get(item.parent as Y.XmlText);
      if (!text) continue;
      const prior = text.was.get(item);
      const after = text.now.get(item);
      if (prior && !after && someoneElses(prior)) add(deleted, prior, item);
      if (after && !prior && someoneElses(after)) add(written, after, item);
    }
  };
  walk(doc.getXmlFragment(DOCUMENT_FIELD) as unknown as Walkable);
  for (const key of otherParty) if ((deleted.get(key) ?? '') !== (written.get(key) ?? '')) return false;
  for (const [key, text] of written) if (!isSubsequence(text, deleted.get(key) ?? '')) return false;
  return true;
}

/** Whether `part` can be read in `whole` by skipping characters. */
function isSubsequence(part: string, whole: string): boolean {
  let at = 0;
  for (const char of part) {
    at = whole.indexOf(char, at);
    if (at < 0) return false;
    at += char.length;
  }
  return true;
}

/** Whether the document holds anything the party rules protect (brackets, options); cheap enough at load. */
export function holdsProposals(doc: Y.Doc): boolean {
  const walk = (type: Y.XmlElement | Y.XmlFragment): boolean => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlElement) {
        if (child.nodeName === 'option' || walk(child)) return true;
      } else if (child instanceof Y.XmlText) {
        for (let item = child._start; item !== null; item = item.right)
          if (!item.deleted && item.content instanceof Y.ContentFormat && isBracketKey(item.content.key)) return true;
      }
    }
    return false;
  };
  return walk(doc.getXmlFragment(DOCUMENT_FIELD));
}
