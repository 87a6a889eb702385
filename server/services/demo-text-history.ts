import 'server-only';
import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { Db } from '@/db/client';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import type { CompactMember } from '../policies/compact-member';
import { compactTextSchema } from '../editor/document-content';
import { appendDocUpdate } from './document-store';
import { createNamedVersion } from './versions/named-versions';
import { signVersion } from './sign-offs/sign-offs';
import type { SigningMember } from '../policies/sign-off-policy';

/** Who wrote the demo text: the penholder's zero draft, then each party's proposals. */
export interface DemoTextAuthors {
  penholder: CompactMember;
  /** In the order their proposals were made. */
  proposers: CompactMember[];
  /** A signatory who signed the zero draft (a sign-off the later text makes stale). */
  zeroDraftSigner: SigningMember;
}

const partyOf = (attrs: Record<string, unknown> | undefined) =>
  typeof attrs?.partyId === 'string' ? attrs.partyId : '';

/**
 * The penholder's zero draft: the text without any party's proposals (bracketed words, options) and
 * with no provision declared bracketed yet (the chair does that once the proposals are in).
 */
function zeroDraftOf(node: JSONContent): JSONContent {
  const content = (node.content ?? [])
    .filter((child) => child.type !== 'option' && !child.marks?.some((mark) => mark.type === 'bracket'))
    .map(zeroDraftOf);
  const attrs =
    node.type === 'provision' && node.attrs?.state === 'bracketed' ? { ...node.attrs, state: 'open' } : node.attrs;
  return { ...node, ...(attrs ? { attrs } : {}), ...(node.content ? { content } : {}) };
}

/** Yjs formatting attributes for ProseMirror marks, as y-prosemirror stores them. */
const formats = (marks: JSONContent['marks']) =>
  Object.fromEntries((marks ?? []).map((mark) => [mark.type, mark.attrs ?? {}]));

/**
 * Adds, in the Yjs element that holds `node` as the text stands (only the proposals of `earlier`
 * parties), the proposals of `party`: its bracketed words typed where they go, its options inserted
 * where they stand — nothing else touched, as the party's negotiator would have done it.
 */
function addProposals(
  node: JSONContent,
  element: Y.XmlElement | Y.XmlFragment,
  party: string,
  earlier: ReadonlySet<string>,
) {
  const children = node.content ?? [];
  if (children.some((child) => child.type === 'text')) {
    let text = element.get(0) as Y.XmlText | undefined;
    if (!text) element.insert(0, [(text = new Y.XmlText())]);
    let offset = 0;
    for (const child of children) {
      const proposer = partyOf(child.marks?.find((mark) => mark.type === 'bracket')?.attrs);
      const length = (child.text ?? '').length;
      if (proposer === party) text.insert(offset, child.text ?? '', formats(child.marks));
      if (!proposer || proposer === party || earlier.has(proposer)) offset += length;
    }
    return;
  }
  let index = 0;
  for (const child of children) {
    const proposer = child.type === 'option' ? partyOf(child.attrs) : '';
    if (proposer === party) {
      const option = prosemirrorJSONToYDoc(
        compactTextSchema(),
        { type: 'doc', content: [{ type: 'provision', attrs: {}, content: [child] }] },
        DOCUMENT_FIELD,
      );
      element.insert(index, [
        ((option.getXmlFragment(DOCUMENT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlElement).clone(),
      ]);
      index++;
    } else if (!proposer || earlier.has(proposer)) {
      addProposals(child, element.get(index) as Y.XmlElement, party, earlier);
      index++;
    }
  }
}

/** Sets the agreement states the full text declares (the chair's step, once the proposals are in). */
function declareStates(content: JSONContent, fragment: Y.XmlFragment) {
  (content.content ?? []).forEach((block, index) => {
    const element = fragment.get(index) as Y.XmlElement;
    if (block.type === 'provision' && element.getAttribute('state') !== block.attrs?.state)
      element.setAttribute('state', block.attrs?.state);
  });
}

/**
 * Seeds the demo text as its history would have it: the penholder's zero draft (named "Zero
 * draft", signed by one party), each party's proposals (bracketed words, options) typed by its own
 * negotiator, the chair declaring the bracketed provisions, then "Rev.1" — so History and Compare
 * show who proposed what. Each step is stored as an update by its author (its client id bound to them).
 */
export function seedDemoTextHistory(db: Db, compactId: string, content: JSONContent, authors: DemoTextAuthors): void {
  const doc = prosemirrorJSONToYDoc(compactTextSchema(), zeroDraftOf(content), DOCUMENT_FIELD);
  const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
  const as = (member: CompactMember) => ({ userId: member.userId, partyId: member.partyId });
  appendDocUpdate(db, compactId, Y.encodeStateAsUpdate(doc), as(authors.penholder));
  const zero = createNamedVersion(db, authors.penholder, {
    compactId,
    name: 'Zero draft',
    symbol: 'S/2027/12',
    note: 'Circulated by the penholder for the first reading.',
  });
  signVersion(db, authors.zeroDraftSigner, { compactId, versionId: zero.id, statementKind: 'none' });
  const step = (author: CompactMember, edit: () => void) => {
    doc.clientID = Math.floor(Math.random() * 2 ** 31);
    let update: Uint8Array | null = null;
    const capture = (changes: Uint8Array) => (update = changes);
    doc.on('update', capture);
    doc.transact(edit);
    doc.off('update', capture);
    if (update) appendDocUpdate(db, compactId, update, as(author));
  };
  const earlier = new Set<string>();
  for (const proposer of authors.proposers) {
    step(proposer, () => addProposals(content, fragment, proposer.partyId, earlier));
    earlier.add(proposer.partyId);
  }
  step(authors.penholder, () => declareStates(content, fragment));
  createNamedVersion(db, authors.penholder, {
    compactId,
    name: 'Rev.1',
    symbol: 'S/2027/12/Rev.1',
    note: 'After the first reading: the parties’ proposals bracketed, two options on the protection of civilians.',
  });
  doc.destroy();
}
