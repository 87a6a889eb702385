import * as Y from 'yjs';
import type { DbHandle } from '@/db/client';
import { compactTextSchema, yDocToContent } from '@/server/editor/document-content';
import { appendDocUpdate, loadDoc } from '@/server/services/document-store';
import { buildServerUpdate } from '@/server/services/server-edits';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { findProvisionNode, optionKeys } from '@/shared/negotiation/provisions';

/** A paragraph element holding `text`. */
export function paragraphElement(text: string): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  return paragraph;
}

/** An open operative provision element with this id, holding one paragraph of `text`. */
export function provisionElement(id: string, text: string): Y.XmlElement {
  const provision = new Y.XmlElement('provision');
  provision.setAttribute('id', id);
  provision.setAttribute('kind', 'operative');
  provision.setAttribute('state', 'open');
  provision.insert(0, [paragraphElement(text)]);
  return provision;
}

/** An option element proposed by `proposer`, with one paragraph. */
export function optionElement(proposer: { partyId: string; userId: string }, text: string): Y.XmlElement {
  const option = new Y.XmlElement('option');
  option.setAttribute('partyId', proposer.partyId);
  option.setAttribute('userId', proposer.userId);
  option.insert(0, [paragraphElement(text)]);
  return option;
}

/**
 * Adds an option (by a made-up proposer) to the first provision of a compact's stored text, written
 * straight to disk (for tests that run before any room is loaded); returns that provision's id.
 */
export function withOption(handle: DbHandle, compactId: string, text = 'An alternative wording.'): string {
  let provisionId = '';
  const update = buildServerUpdate(handle.db, compactId, (doc) => {
    const provision = doc.getXmlFragment(DOCUMENT_FIELD).get(0) as Y.XmlElement;
    provisionId = String(provision.getAttribute('id'));
    provision.insert(provision.length, [optionElement({ partyId: 'party-x', userId: 'user-x' }, text)]);
  });
  appendDocUpdate(handle.db, compactId, update, { userId: null, partyId: null });
  return provisionId;
}

/** The keys of a provision's options in the stored text (what the chair's browser sends with a decision). */
export function storedOptionKeys(handle: DbHandle, compactId: string, provisionId: string): string[] {
  const { doc } = loadDoc(handle.db, compactId);
  try {
    const node = findProvisionNode(compactTextSchema().nodeFromJSON(yDocToContent(doc)), provisionId);
    return node ? optionKeys(node) : [];
  } finally {
    doc.destroy();
  }
}
