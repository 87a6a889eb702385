import 'server-only';
import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYDoc, updateYFragment } from '@tiptap/y-tiptap';
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
 * The text with only the proposals (bracketed words, options) of `parties`, and — when
 * `finalStates` is false — no provision yet declared bracketed (the chair does that once proposals are in).
 */
function withProposalsOf(node: JSONContent, parties: ReadonlySet<string>, finalStates: boolean): JSONContent {
  const content = (node.content ?? [])
    .filter((child) => {
      if (child.type === 'option') return parties.has(partyOf(child.attrs));
      const bracket = child.marks?.find((mark) => mark.type === 'bracket');
      return !bracket || parties.has(partyOf(bracket.attrs));
    })
    .map((child) => withProposalsOf(child, parties, finalStates));
  const attrs =
    node.type === 'provision' && !finalStates && node.attrs?.state === 'bracketed'
      ? { ...node.attrs, state: 'open' }
      : node.attrs;
  return { ...node, ...(attrs ? { attrs } : {}), ...(node.content ? { content } : {}) };
}

/**
 * Seeds the demo text as its history would have it: the penholder's zero draft (named "Zero
 * draft", signed by one party), each party's proposals as their own negotiator's edit, the chair declaring the
 * bracketed provisions, then "Rev.1" — so History and Compare show who proposed what. Each step is
 * the diff y-prosemirror writes between two texts, stored as an update by its author (its client
 * id bound to them).
 */
export function seedDemoTextHistory(db: Db, compactId: string, content: JSONContent, authors: DemoTextAuthors): void {
  const schema = compactTextSchema();
  const doc = prosemirrorJSONToYDoc(schema, withProposalsOf(content, new Set(), false), DOCUMENT_FIELD);
  const as = (member: CompactMember) => ({ userId: member.userId, partyId: member.partyId });
  appendDocUpdate(db, compactId, Y.encodeStateAsUpdate(doc), as(authors.penholder));
  const zero = createNamedVersion(db, authors.penholder, {
    compactId,
    name: 'Zero draft',
    symbol: 'S/2027/12',
    note: 'Circulated by the penholder for the first reading.',
  });
  signVersion(db, authors.zeroDraftSigner, { compactId, versionId: zero.id, statementKind: 'none' });
  const step = (author: CompactMember, target: JSONContent) => {
    doc.clientID = Math.floor(Math.random() * 2 ** 31);
    let update: Uint8Array | null = null;
    const capture = (changes: Uint8Array) => (update = changes);
    doc.on('update', capture);
    doc.transact(() =>
      updateYFragment(doc, doc.getXmlFragment(DOCUMENT_FIELD), schema.nodeFromJSON(target), {
        mapping: new Map(),
        isOMark: new Map(),
      }),
    );
    doc.off('update', capture);
    if (update) appendDocUpdate(db, compactId, update, as(author));
  };
  const parties = new Set<string>();
  for (const proposer of authors.proposers) {
    parties.add(proposer.partyId);
    step(proposer, withProposalsOf(content, parties, false));
  }
  step(authors.penholder, content);
  createNamedVersion(db, authors.penholder, {
    compactId,
    name: 'Rev.1',
    symbol: 'S/2027/12/Rev.1',
    note: 'After the first reading: the parties’ proposals bracketed, two options on the protection of civilians.',
  });
  doc.destroy();
}
