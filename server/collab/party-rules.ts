import 'server-only';
import * as Y from 'yjs';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import {
  alteredAgreementIds,
  declaredStatesById,
  type ProvisionStateEntry,
} from '@/shared/negotiation/agreement-states';
import { AGREED_STATES, isAgreementState } from '@/shared/negotiation/vocabulary';
import type { ClientOwner } from '../services/doc-clients';
import {
  afterVisible,
  attributeIn,
  beforeVisible,
  enclosing,
  enclosingOptionParty,
  newIn,
  parentElementOf,
  type JudgedChange,
  type TreeNode,
  type Visible,
} from './judged-change';
import { attribution, ownerKey, sameForeignBrackets, type CharAttribution, type JudgedText } from './text-attribution';

/**
 * Nobody speaks for another party: the effect of an integrated update on brackets, options and
 * agreement states, judged against the sender's membership party. Effects, not items: honest
 * edits carry other parties' values (a merged paragraph re-creates a colleague's bracket, Yjs
 * cleans up redundant formatting after remote changes), so each character's attribution and
 * each element's attributes are compared before and after the update (see judged-change.ts).
 */
/**
 * `repairDue`: the change added brackets or options to an agreed provision, or added, removed or
 * re-attributed provisions — the server checks the stored text's provisions once it is stored.
 */
export type PartyVerdict = { ok: true; repairDue: boolean } | { ok: false; detail: string };

/** One judgement in progress: what the change touched, and what the server owes after it. */
interface Judging {
  doc: Y.Doc;
  tr: JudgedChange;
  party: string;
  userId: string;
  /** The sender as a bracket's proposer (see ownerKey). */
  owner: string;
  before: Visible;
  isNew: (item: Y.Item) => boolean;
  texts: Set<Y.XmlText>;
  /** Texts where the change wrote formatting or deleted something: judged before and after. Others only gained text. */
  reshaped: Set<Y.XmlText>;
  newElements: Y.XmlElement[];
  /** Brackets or options were added to an agreed provision, or provisions were added, removed or changed. */
  repairDue: boolean;
  /** A provision's id or state was written: agreement states are compared by id over the whole text. */
  agreementTouched: boolean;
}

const isForeign = (judging: Judging, optionParty: string | undefined) =>
  optionParty !== undefined && optionParty !== judging.party;

export function judgePartyEffects(doc: Y.Doc, tr: JudgedChange, sender: ClientOwner): PartyVerdict {
  const judging: Judging = {
    doc,
    tr,
    party: sender.partyId ?? '',
    userId: sender.userId ?? '',
    owner: ownerKey(sender.partyId ?? '', sender.userId ?? ''),
    before: beforeVisible(tr),
    isNew: newIn(tr),
    texts: new Set(),
    reshaped: new Set(),
    newElements: [],
    repairDue: false,
    agreementTouched: false,
  };
  collectCreated(judging);
  const refusal =
    judgeDeleted(judging) ??
    judgeChangedElements(judging) ??
    judgeNewElements(judging) ??
    judgeAgreementStates(judging) ??
    judgeTexts(judging);
  if (refusal) return { ok: false, detail: refusal };
  return { ok: true, repairDue: judging.repairDue };
}

/** What the change created: new texts and elements, and the texts it wrote into. */
function collectCreated(judging: Judging): void {
  const { doc, tr } = judging;
  for (const [client, afterClock] of tr.afterState) {
    for (let clock = tr.beforeState.get(client) ?? 0; clock < afterClock;) {
      const struct = Y.getItem(doc.store, Y.createID(client, clock)) as Y.Item | Y.GC;
      clock = struct.id.clock + struct.length;
      if (!(struct instanceof Y.Item)) continue;
      if (struct.content instanceof Y.ContentType) {
        const type = struct.content.type;
        if (type instanceof Y.XmlText) judging.texts.add(type);
        else if (type instanceof Y.XmlElement) judging.newElements.push(type);
      } else if (struct.parent instanceof Y.XmlText && struct.parentSub === null) {
        judging.texts.add(struct.parent);
        if (struct.content instanceof Y.ContentFormat) judging.reshaped.add(struct.parent);
      }
    }
  }
}

/** What the change deleted: nothing of another party's option; text is judged with the texts. */
function judgeDeleted(judging: Judging): string | null {
  let refusal: string | null = null;
  Y.iterateDeletedStructs(judging.tr as Y.Transaction, judging.tr.deleteSet, (struct) => {
    if (refusal || !(struct instanceof Y.Item) || judging.isNew(struct)) return;
    const parent = struct.parent as TreeNode;
    if (struct.content instanceof Y.ContentType) {
      const type = struct.content.type;
      if (isForeign(judging, enclosingOptionParty(type instanceof Y.XmlElement ? type : parent)))
        refusal = 'removes part of another party’s option';
      if (type instanceof Y.XmlElement && type.nodeName === 'provision') judging.repairDue = true;
    } else if (parent instanceof Y.XmlText && struct.parentSub === null) {
      judging.texts.add(parent);
      judging.reshaped.add(parent);
    }
  });
  return refusal;
}

/** Elements whose children or attributes changed: nothing inside another party's option, no state, no proposer. */
function judgeChangedElements(judging: Judging): string | null {
  for (const [type, keys] of judging.tr.changed) {
    if (type instanceof Y.XmlText) judging.texts.add(type);
    if (!(type instanceof Y.XmlElement)) continue;
    if (isForeign(judging, enclosingOptionParty(type))) return 'changes another party’s option';
    for (const key of keys) {
      if (key === null || attributeIn(type, key, judging.before) === type.getAttribute(key)) continue;
      if (type.nodeName === 'option' && (key === 'partyId' || key === 'userId'))
        return 'changes who proposed an option';
      if (type.nodeName !== 'provision') continue;
      judging.repairDue = true;
      if (key === 'state' || key === 'id') judging.agreementTouched = true;
    }
  }
  return null;
}

/** Elements it created: options in the sender's own name; provisions with a state are judged by id. */
function judgeNewElements(judging: Judging): string | null {
  for (const element of judging.newElements) {
    const above = parentElementOf(element);
    if (above && isForeign(judging, enclosingOptionParty(above)) && !createdWithItsOption(judging, above))
      return 'changes another party’s option';
    if (element.nodeName === 'option') {
      if (element.getAttribute('partyId') !== judging.party || element.getAttribute('userId') !== judging.userId)
        return 'proposes an option in another party’s or person’s name';
      demoteIfAgreed(judging, element);
    }
    if (element.nodeName !== 'provision') continue;
    judging.repairDue = true;
    const state = element.getAttribute('state');
    if (state === undefined || state === 'open') continue;
    if (!isAgreementState(state)) return 'an unknown agreement state';
    judging.agreementTouched = true;
  }
  return null;
}

/**
 * Agreement states are the chair's: compared per provision id before and after, so a provision
 * moved keeps its state (the editor's sync moves provisions by re-creating them, or by rewriting
 * the attributes of the provisions in between) while no id gains, loses or swaps a state.
 */
function judgeAgreementStates(judging: Judging): string | null {
  if (!judging.agreementTouched) return null;
  const before: ProvisionStateEntry[] = [];
  const after: ProvisionStateEntry[] = [];
  for (let item = judging.doc.getXmlFragment(DOCUMENT_FIELD)._start; item !== null; item = item.right) {
    const element = item.content instanceof Y.ContentType ? item.content.type : null;
    if (!(element instanceof Y.XmlElement) || element.nodeName !== 'provision') continue;
    if (judging.before(item))
      before.push({
        id: attributeIn(element, 'id', judging.before),
        state: attributeIn(element, 'state', judging.before),
      });
    if (afterVisible(item)) after.push({ id: element.getAttribute('id'), state: element.getAttribute('state') });
  }
  const altered = alteredAgreementIds(declaredStatesById(before), declaredStatesById(after));
  return altered.length > 0 ? 'changes an agreement state' : null;
}

/** Each character's bracket parties and, inside another party's option, its formatting. */
function judgeTexts(judging: Judging): string | null {
  const { tr, party, isNew } = judging;
  const judged = new Map<Y.XmlText, JudgedText>();
  let foreignBracketsMoved = false;
  for (const text of judging.texts) {
    if (text._item?.deleted && !Y.isDeleted(tr.deleteSet, text._item.id) && !isNew(text._item)) continue;
    // A text that only gained characters: older ones kept their attribution, only the new ones are judged.
    const onlyGained = !judging.reshaped.has(text);
    const now = attribution(text, afterVisible, onlyGained ? isNew : undefined);
    const was =
      onlyGained || (text._item && isNew(text._item))
        ? new Map<Y.Item, CharAttribution>()
        : attribution(text, judging.before);
    judged.set(text, { was, now });
    const foreignOption = isForeign(judging, enclosingOptionParty(text)) && !createdWithItsOption(judging, text);
    for (const [item, after] of now) {
      const prior = was.get(item);
      if (!prior) {
        if (foreignOption) return 'writes inside another party’s option';
        if (after.owners.some((owner) => owner !== judging.owner)) foreignBracketsMoved = true;
        if (after.parties.length > 0) demoteIfAgreed(judging, text);
        continue;
      }
      if (foreignOption && prior.formatting !== after.formatting) return 'reformats another party’s option';
      const added = after.parties.filter((p) => !prior.parties.includes(p));
      const removed = prior.parties.filter((p) => !after.parties.includes(p));
      if ([...added, ...removed].some((p) => p !== party)) return 'changes another party’s bracket';
      if (after.owners.some((owner) => owner !== judging.owner && !prior.owners.includes(owner)))
        return 'brackets text in another person’s name';
      if (added.length > 0) demoteIfAgreed(judging, text);
    }
    for (const [item, prior] of was) {
      if (now.has(item)) continue;
      if (foreignOption) return 'deletes text inside another party’s option';
      if (prior.parties.some((p) => p !== party)) foreignBracketsMoved = true;
    }
  }
  // Someone else's bracketed words deleted or written: allowed only word for word (a split, merge or move).
  if (foreignBracketsMoved && !sameForeignBrackets(judging.doc, judged, judging))
    return 'writes, deletes or rewrites another party’s bracketed text';
  return null;
}

/** Whether the option enclosing `node` was itself created by this change (its content is then new, not edited). */
function createdWithItsOption(judging: Judging, node: TreeNode): boolean {
  const option = enclosing(node, 'option');
  return !!option?._item && judging.isNew(option._item);
}

/** A proposal added in an agreed provision: the server's repair will set it back to bracketed. */
function demoteIfAgreed(judging: Judging, node: TreeNode): void {
  const provision = enclosing(node, 'provision');
  if (provision && AGREED_STATES.has(provision.getAttribute('state') as never)) judging.repairDue = true;
}
