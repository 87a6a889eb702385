import { defaultDeleteFilter, defaultProtectedNodes, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { DOCUMENT_FIELD } from '../extensions';
import { AgreementKeepingUndoManager } from './agreement-keeping-undo';
import type { ProposerSource } from './proposer';

/** The parties whose brackets cover a text item now (formatting is read from the start of its text). */
function bracketPartiesAt(item: Y.Item): Set<unknown> {
  const parties = new Map<string, unknown>();
  const text = item.parent;
  if (!(text instanceof Y.XmlText)) return new Set();
  for (let current = text._start; current !== null && current !== item; current = current.right) {
    if (current.deleted || !(current.content instanceof Y.ContentFormat)) continue;
    const { key, value } = current.content;
    if (!key.startsWith('bracket')) continue;
    if (value === null) parties.delete(key);
    else parties.set(key, (value as { partyId?: unknown }).partyId);
  }
  return new Set(parties.values());
}

/** Whether the item sits in an option proposed by another party. */
function inForeignOption(item: Y.Item, party: string): boolean {
  for (let type = item.parent; type instanceof Y.AbstractType; type = type._item?.parent ?? null) {
    if (type instanceof Y.XmlElement && type.nodeName === 'option') return type.getAttribute('partyId') !== party;
    if (!type._item) break;
  }
  return false;
}

/**
 * The editor's undo, limited like its typing: undoing my insertion never deletes characters that
 * another party has since bracketed, nor anything inside another party's option (the server would
 * refuse it), and never brings back an agreement state (see AgreementKeepingUndoManager).
 * Otherwise it is y-tiptap's usual undo (Yjs UndoManager over the text).
 */
export function partyAwareUndoManager(doc: Y.Doc, proposer: ProposerSource): Y.UndoManager {
  return new AgreementKeepingUndoManager(doc.getXmlFragment(DOCUMENT_FIELD), {
    trackedOrigins: new Set([ySyncPluginKey]),
    captureTransaction: (tr) => tr.meta.get('addToHistory') !== false,
    deleteFilter: (item) => {
      if (!defaultDeleteFilter(item, defaultProtectedNodes)) return false;
      const party = proposer()?.partyId;
      if (!party) return true;
      if (inForeignOption(item, party)) return false;
      return ![...bracketPartiesAt(item)].some((owner) => owner !== party);
    },
  });
}
