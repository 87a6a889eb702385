import 'server-only';
import * as Y from 'yjs';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { markNameOf } from './document-rules';
import type { TreeNode, Visible } from './judged-change';

const BRACKET = 'bracket';

export interface CharAttribution {
  /** Parties whose brackets cover it. */
  parties: string[];
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

function describe(current: Map<string, unknown>): CharAttribution {
  const parties: string[] = [];
  const brackets: unknown[] = [];
  for (const [key, value] of current) {
    if (!isBracketKey(key)) continue;
    const party = (value as { partyId?: unknown }).partyId;
    parties.push(typeof party === 'string' ? party : '');
    brackets.push(value);
  }
  const formatting = JSON.stringify([...current].sort(([a], [b]) => (a < b ? -1 : 1)));
  return { parties, brackets: JSON.stringify(brackets), formatting };
}

type Walkable = TreeNode & { _start: Y.Item | null };

/**
 * Whether the other parties' bracketed words a change deleted are exactly those it wrote, under
 * the same brackets, in document order (a paragraph split or merge re-creates them word for word).
 */
export function sameForeignBrackets(doc: Y.Doc, judged: Map<Y.XmlText, JudgedText>, party: string): boolean {
  const deleted = new Map<string, string>();
  const written = new Map<string, string>();
  const add = (into: Map<string, string>, key: string, item: Y.Item) =>
    into.set(key, (into.get(key) ?? '') + item.content.getContent().map(String).join(''));
  const walk = (type: Walkable) => {
    for (let item = type._start; item !== null; item = item.right) {
      if (item.content instanceof Y.ContentType) {
        walk(item.content.type as unknown as Walkable);
        continue;
      }
      const text = judged.get(item.parent as Y.XmlText);
      if (!text) continue;
      const prior = text.was.get(item);
      const after = text.now.get(item);
      if (prior && !after && prior.parties.some((p) => p !== party)) add(deleted, prior.brackets, item);
      if (after && !prior && after.parties.some((p) => p !== party)) add(written, after.brackets, item);
    }
  };
  walk(doc.getXmlFragment(DOCUMENT_FIELD) as unknown as Walkable);
  if (deleted.size !== written.size) return false;
  for (const [key, text] of deleted) if (written.get(key) !== text) return false;
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
