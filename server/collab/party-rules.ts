import 'server-only';
import * as Y from 'yjs';
import { AGREED_STATES, isAgreementState } from '@/shared/negotiation/vocabulary';
import type { ClientOwner } from '../services/doc-clients';
import { markNameOf } from './document-rules';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';

/**
 * Nobody speaks for another party: the effect of an integrated update on brackets, options and
 * agreement states, judged against the sender's membership party. Effects, not items: honest
 * edits carry other parties' values (a merged paragraph re-creates a colleague's bracket, Yjs
 * cleans up redundant formatting after remote changes), so each character's attribution and
 * each element's attributes are compared before and after the update.
 *
 * The update is applied with garbage collection off, so what it deleted is still readable here.
 */
/**
 * What one client update changed: every transaction its integration ran — the update's own and
 * the formatting clean-up Yjs runs after it — as one. The clean-up deletes format items that the
 * update made redundant (e.g. the opening of a bracket whose words it deleted); judged apart, the
 * bracket would look absent before the update.
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

export type PartyVerdict =
  { ok: true; demote: Y.XmlElement[]; provisionsChanged: boolean } | { ok: false; detail: string };

const BRACKET = 'bracket';
type Visible = (item: Y.Item) => boolean;
/** A shared type, as far as walking up the tree goes. */
type TreeNode = { _item: Y.Item | null };
const parentOf = (node: TreeNode): TreeNode | null => (node._item?.parent as TreeNode | undefined) ?? null;

const beforeVisible = (tr: JudgedChange): Visible => {
  const isNew = newIn(tr);
  return (item) => !isNew(item) && (!item.deleted || Y.isDeleted(tr.deleteSet, item.id));
};
const afterVisible: Visible = (item) => !item.deleted;
const newIn = (tr: JudgedChange) => (item: Y.Item) => item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0);

interface CharAttribution {
  /** Parties whose brackets cover it. */
  parties: string[];
  /** The bracket values covering it (party and person), canonical. */
  brackets: string;
  /** Every formatting attribute, canonical: equal strings, equal formatting. */
  formatting: string;
}

/** Per text item (characters and embeds) visible under `visible`: its bracket parties and formatting. */
function attribution(
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
    if (markNameOf(key) !== BRACKET) continue;
    const party = (value as { partyId?: unknown }).partyId;
    parties.push(typeof party === 'string' ? party : '');
    brackets.push(value);
  }
  const formatting = JSON.stringify([...current].sort(([a], [b]) => (a < b ? -1 : 1)));
  return { parties, brackets: JSON.stringify(brackets), formatting };
}

interface JudgedText {
  was: Map<Y.Item, CharAttribution>;
  now: Map<Y.Item, CharAttribution>;
}

/** The option (its party) this type sits in, if any. */
function enclosingOptionParty(type: TreeNode | null): string | null | undefined {
  for (let t: TreeNode | null = type; t; t = parentOf(t)) {
    if (t instanceof Y.XmlElement && t.nodeName === 'option') return String(t.getAttribute('partyId') ?? '');
    if (!t._item) break;
  }
  return undefined;
}

function enclosingProvision(type: TreeNode | null): Y.XmlElement | null {
  for (let t: TreeNode | null = type; t; t = parentOf(t)) {
    if (t instanceof Y.XmlElement && t.nodeName === 'provision') return t;
    if (!t._item) break;
  }
  return null;
}

/** The value an element's attribute had before the transaction (undefined: unset). */
function attributeBefore(element: Y.XmlElement, key: string, visible: Visible): unknown {
  for (let item = element._map.get(key) ?? null; item !== null; item = item.left) {
    if (visible(item)) return item.content.getContent().at(-1);
  }
  return undefined;
}

export function judgePartyEffects(doc: Y.Doc, tr: JudgedChange, sender: ClientOwner): PartyVerdict {
  const party = sender.partyId ?? '';
  const before = beforeVisible(tr);
  const isNew = newIn(tr);
  const refuse = (detail: string): PartyVerdict => ({ ok: false, detail });
  const texts = new Set<Y.XmlText>();
  /** Texts where the update wrote formatting or deleted something: judged before and after. Others only gained text. */
  const reshaped = new Set<Y.XmlText>();
  const newElements: Y.XmlElement[] = [];
  const demote = new Set<Y.XmlElement>();
  let provisionsChanged = false;

  // What the update created.
  for (const [client, afterClock] of tr.afterState) {
    const start = tr.beforeState.get(client) ?? 0;
    for (let clock = start; clock < afterClock;) {
      const struct = Y.getItem(doc.store, Y.createID(client, clock)) as Y.Item | Y.GC;
      clock = struct.id.clock + struct.length;
      if (!(struct instanceof Y.Item)) continue;
      const parent = struct.parent as TreeNode;
      if (struct.content instanceof Y.ContentType) {
        const type = struct.content.type;
        if (type instanceof Y.XmlText) texts.add(type);
        else if (type instanceof Y.XmlElement) newElements.push(type);
      } else if (parent instanceof Y.XmlText && struct.parentSub === null) {
        texts.add(parent);
        if (struct.content instanceof Y.ContentFormat) reshaped.add(parent);
      }
    }
  }
  // What it deleted: an element of another party's option, or text whose attribution is judged below.
  let deletedRefusal: string | null = null;
  Y.iterateDeletedStructs(tr as Y.Transaction, tr.deleteSet, (struct) => {
    if (deletedRefusal || !(struct instanceof Y.Item) || isNew(struct)) return;
    const parent = struct.parent as TreeNode;
    if (struct.content instanceof Y.ContentType) {
      const type = struct.content.type;
      const optionParty = enclosingOptionParty(type instanceof Y.XmlElement ? type : parent);
      if (optionParty !== undefined && optionParty !== party) deletedRefusal = 'removes part of another party’s option';
      if (type instanceof Y.XmlElement && type.nodeName === 'provision') provisionsChanged = true;
    } else if (parent instanceof Y.XmlText && struct.parentSub === null) {
      texts.add(parent);
      reshaped.add(parent);
    }
  });
  if (deletedRefusal) return refuse(deletedRefusal);

  // Elements it changed (children or attributes): within another party's option, only its party.
  for (const [type, keys] of tr.changed) {
    if (type instanceof Y.XmlText) texts.add(type);
    if (!(type instanceof Y.XmlElement || type instanceof Y.XmlText)) continue;
    const optionParty = enclosingOptionParty(type);
    if (optionParty !== undefined && optionParty !== party && !(type instanceof Y.XmlText))
      return refuse('changes another party’s option');
    if (!(type instanceof Y.XmlElement)) continue;
    for (const key of keys) {
      if (key === null) continue;
      const was = attributeBefore(type, key, before);
      const now = type.getAttribute(key);
      if (was === now) continue;
      if (type.nodeName === 'option' && (key === 'partyId' || key === 'userId'))
        return refuse('changes who proposed an option');
      if (type.nodeName === 'provision' && key === 'state') return refuse('changes an agreement state');
      if (type.nodeName === 'provision') provisionsChanged = true;
    }
  }

  // Elements it created: options in the sender's name; provisions start open (or keep their state when moved).
  const deletedProvisionStates = new Map<unknown, unknown>();
  for (const element of newElements) {
    if (element.nodeName === 'provision') provisionsChanged = true;
    if (element.nodeName === 'option') {
      if (element.getAttribute('partyId') !== party || element.getAttribute('userId') !== (sender.userId ?? ''))
        return refuse('proposes an option in another party’s or person’s name');
      const provision = enclosingProvision(element);
      if (provision && AGREED_STATES.has(provision.getAttribute('state') as never)) demote.add(provision);
    }
    const optionParty = enclosingOptionParty(parentOf(element));
    if (optionParty !== undefined && optionParty !== party && !isNew(findOption(element)!._item!))
      return refuse('changes another party’s option');
  }
  for (const element of newElements) {
    if (element.nodeName !== 'provision') continue;
    const state = element.getAttribute('state');
    if (state === undefined || state === 'open') continue;
    if (!isAgreementState(state)) return refuse('an unknown agreement state');
    if (deletedProvisionStates.size === 0) collectDeletedProvisions(tr, isNew, before, deletedProvisionStates);
    if (deletedProvisionStates.get(element.getAttribute('id')) !== state)
      return refuse('creates a provision with an agreement state');
  }

  // Text: each character's bracket parties and, inside another party's option, its formatting.
  const judgedTexts = new Map<Y.XmlText, JudgedText>();
  let foreignBracketsMoved = false;
  for (const text of texts) {
    if (text._item?.deleted && !Y.isDeleted(tr.deleteSet, text._item.id) && !isNew(text._item)) continue;
    // A text that only gained characters: older ones kept their attribution, only the new ones are judged.
    const onlyGained = !reshaped.has(text);
    const now = attribution(text, afterVisible, onlyGained ? isNew : undefined);
    const was =
      onlyGained || (text._item && isNew(text._item)) ? new Map<Y.Item, CharAttribution>() : attribution(text, before);
    judgedTexts.set(text, { was, now });
    const optionParty = enclosingOptionParty(text);
    const foreignOption = optionParty !== undefined && optionParty !== party;
    for (const [item, after] of now) {
      const prior = was.get(item);
      if (!prior) {
        if (foreignOption && !isNew(findOption(text)!._item!)) return refuse('writes inside another party’s option');
        if (after.parties.some((p) => p !== party)) foreignBracketsMoved = true;
        if (after.parties.length > 0) demoteIfAgreed(text, demote);
        continue;
      }
      if (foreignOption && prior.formatting !== after.formatting) return refuse('reformats another party’s option');
      const added = after.parties.filter((p) => !prior.parties.includes(p));
      const removed = prior.parties.filter((p) => !after.parties.includes(p));
      if ([...added, ...removed].some((p) => p !== party)) return refuse('changes another party’s bracket');
      if (added.length > 0) demoteIfAgreed(text, demote);
    }
    for (const [item, prior] of was) {
      if (now.has(item)) continue;
      if (foreignOption) return refuse('deletes text inside another party’s option');
      if (prior.parties.some((p) => p !== party)) foreignBracketsMoved = true;
    }
  }
  // Another party's bracketed text deleted or written: allowed only as a move — the same words
  // under the same bracket, in the same order (a split or merged paragraph re-creates them).
  if (foreignBracketsMoved && !sameForeignBrackets(doc, judgedTexts, party))
    return refuse('writes, deletes or rewrites another party’s bracketed text');
  return { ok: true, demote: [...demote], provisionsChanged };
}

/** Whether the other parties' bracketed text this update deleted is exactly what it wrote, in document order. */
function sameForeignBrackets(doc: Y.Doc, judged: Map<Y.XmlText, JudgedText>, party: string): boolean {
  const deleted = new Map<string, string>();
  const written = new Map<string, string>();
  const add = (into: Map<string, string>, key: string, item: Y.Item) =>
    into.set(key, (into.get(key) ?? '') + item.content.getContent().map(String).join(''));
  const walk = (type: TreeNode & { _start: Y.Item | null }) => {
    for (let item = type._start; item !== null; item = item.right) {
      if (item.content instanceof Y.ContentType) {
        walk(item.content.type as unknown as TreeNode & { _start: Y.Item | null });
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
  walk(doc.getXmlFragment(DOCUMENT_FIELD) as unknown as TreeNode & { _start: Y.Item | null });
  if (deleted.size !== written.size) return false;
  for (const [key, text] of deleted) if (written.get(key) !== text) return false;
  return true;
}

function findOption(type: TreeNode): Y.XmlElement | null {
  for (let t: TreeNode | null = type; t; t = parentOf(t)) {
    if (t instanceof Y.XmlElement && t.nodeName === 'option') return t;
    if (!t._item) break;
  }
  return null;
}

function demoteIfAgreed(text: Y.XmlText, demote: Set<Y.XmlElement>) {
  const provision = enclosingProvision(text);
  if (provision && AGREED_STATES.has(provision.getAttribute('state') as never)) demote.add(provision);
}

/** The provisions the update deleted, by the id they had (their attributes are deleted with them: read as before). */
function collectDeletedProvisions(
  tr: JudgedChange,
  isNew: (item: Y.Item) => boolean,
  before: Visible,
  into: Map<unknown, unknown>,
) {
  Y.iterateDeletedStructs(tr as Y.Transaction, tr.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item) || isNew(struct) || !(struct.content instanceof Y.ContentType)) return;
    const type = struct.content.type;
    if (type instanceof Y.XmlElement && type.nodeName === 'provision')
      into.set(attributeBefore(type, 'id', before), attributeBefore(type, 'state', before));
  });
}

/** Whether the document holds anything the party rules protect (brackets, options); cheap enough at load. */
export function holdsProposals(doc: Y.Doc, fragmentName: string): boolean {
  const walk = (type: Y.XmlElement | Y.XmlFragment): boolean => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlElement) {
        if (child.nodeName === 'option' || walk(child)) return true;
      } else if (child instanceof Y.XmlText) {
        for (let item = child._start; item !== null; item = item.right)
          if (!item.deleted && item.content instanceof Y.ContentFormat && markNameOf(item.content.key) === BRACKET)
            return true;
      }
    }
    return false;
  };
  return walk(doc.getXmlFragment(fragmentName));
}
