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

/** Whether text at `item` would be written inside another party's bracket or option. */
function inForeignProposal(item: Y.Item, party: string): boolean {
  return inForeignOption(item, party) || [...bracketPartiesAt(item)].some((owner) => owner !== party);
}

/**
 * Undoing my deletion restores the words where they were: if another party has since bracketed
 * around that place, they would land inside its bracket, which the server refuses (and closes the
 * editor). Such restored words are dropped again in the undo's own transaction, so the server
 * never sees them.
 */
class PartyAwareUndoManager extends AgreementKeepingUndoManager {
  constructor(
    type: Y.XmlFragment,
    private readonly proposer: ProposerSource,
    options: ConstructorParameters<typeof Y.UndoManager>[1],
  ) {
    super(type, options);
  }

  protected override afterStep(): void {
    const party = this.proposer()?.partyId;
    const transaction = this.doc._transaction;
    if (!party || !transaction) return;
    const client = this.doc.clientID;
    const end = Y.getState(this.doc.store, client);
    for (let clock = transaction.beforeState.get(client) ?? 0; clock < end;) {
      const item = Y.getItem(this.doc.store, Y.createID(client, clock)) as Y.Item | Y.GC;
      clock = item.id.clock + item.length;
      const written = item instanceof Y.Item && !item.deleted && item.countable && item.parent instanceof Y.XmlText;
      if (written && inForeignProposal(item, party)) item.delete(transaction);
    }
  }
}

/**
 * The editor's undo, limited like its typing: undoing my insertion never deletes characters that
 * another party has since bracketed, nor anything inside another party's option, and undoing my
 * deletion never writes words back inside them (the server would refuse either); it never brings
 * back an agreement state (see AgreementKeepingUndoManager).
 * Otherwise it is y-tiptap's usual undo (Yjs UndoManager over the text).
 */
export function partyAwareUndoManager(doc: Y.Doc, proposer: ProposerSource): Y.UndoManager {
  return new PartyAwareUndoManager(doc.getXmlFragment(DOCUMENT_FIELD), proposer, {
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
