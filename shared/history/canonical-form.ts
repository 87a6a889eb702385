import type { JSONContent } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import canonicalize from 'canonicalize';
import { digest } from 'lib0/hash/sha256';
import { compactTextSchema } from '../editor/compact-schema';

/**
 * The rule a content hash was made under, stored beside every hash: when the rule changes (an
 * attribute becomes content, the schema gains one), the number goes up and older hashes keep
 * meaning what they meant under their own rule.
 */
export const CANONICAL_FORM_VERSION = 1;

/**
 * Attributes that are not the text's content, left out of its canonical form:
 * - a provision's `id` is its identity, not its words (the server may repair a duplicate id; a
 *   sign-off must not go stale for it);
 * - `userId` on brackets and options says which person proposed them: attribution, kept in the
 *   update log. The party that proposes (`partyId`) is content and stays;
 * - a table cell's `colwidth` and `align` are presentation (widths kept from a pasted Word table).
 */
const NODE_ATTRIBUTES_LEFT_OUT: Readonly<Record<string, readonly string[]>> = {
  provision: ['id'],
  option: ['userId'],
  tableCell: ['colwidth', 'align'],
  tableHeader: ['colwidth', 'align'],
};
const MARK_ATTRIBUTES_LEFT_OUT: Readonly<Record<string, readonly string[]>> = {
  bracket: ['userId'],
};

interface CanonicalMark {
  type: string;
  attrs?: Record<string, unknown>;
}

/** A node of the canonical form: what ProseMirror's toJSON writes, less the attributes left out. */
export interface CanonicalNode {
  type: string;
  attrs?: Record<string, unknown>;
  marks?: CanonicalMark[];
  text?: string;
  content?: CanonicalNode[];
}

function withoutAttributes(
  attrs: Record<string, unknown> | undefined,
  leftOut: readonly string[] | undefined,
): Record<string, unknown> | undefined {
  if (!attrs) return undefined;
  const kept = Object.entries(attrs).filter(([name]) => !leftOut?.includes(name));
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

function canonicalMark(mark: CanonicalMark): CanonicalMark {
  const attrs = withoutAttributes(mark.attrs, MARK_ATTRIBUTES_LEFT_OUT[mark.type]);
  return attrs ? { type: mark.type, attrs } : { type: mark.type };
}

const sameMarks = (a: CanonicalNode, b: CanonicalNode) => canonicalize(a.marks ?? []) === canonicalize(b.marks ?? []);

/**
 * Children with their attributes left out, adjacent text with the same marks merged (marks that
 * differed only by a left-out attribute are the same now) and every text in Unicode NFC — after
 * merging, so a combining mark split from its letter across two text nodes composes with it.
 */
function canonicalChildren(children: readonly CanonicalNode[]): CanonicalNode[] {
  const merged: CanonicalNode[] = [];
  for (const child of children.map(canonicalNode)) {
    const previous = merged[merged.length - 1];
    if (previous?.text !== undefined && child.text !== undefined && sameMarks(previous, child))
      merged[merged.length - 1] = { ...previous, text: previous.text + child.text };
    else merged.push(child);
  }
  return merged.map((node) => (node.text === undefined ? node : { ...node, text: node.text.normalize('NFC') }));
}

function canonicalNode(node: CanonicalNode): CanonicalNode {
  const result: CanonicalNode = { type: node.type };
  const attrs = withoutAttributes(node.attrs, NODE_ATTRIBUTES_LEFT_OUT[node.type]);
  if (attrs) result.attrs = attrs;
  if (node.marks && node.marks.length > 0) result.marks = node.marks.map(canonicalMark);
  if (node.text !== undefined) result.text = node.text;
  if (node.content && node.content.length > 0) result.content = canonicalChildren(node.content);
  return result;
}

/**
 * The canonical form of a compact text (ProseMirror JSON): normalised through the editor schema
 * (marks in schema order, attributes the schema knows, with their defaults), without the
 * attributes that are not content (see above), adjacent text with the same marks merged, text in NFC.
 */
export function canonicalDocument(json: JSONContent): CanonicalNode {
  const normalised = ProseMirrorNode.fromJSON(compactTextSchema(), json).toJSON() as CanonicalNode;
  const [root] = canonicalChildren([normalised]);
  return root!;
}

/** The canonical form serialised as RFC 8785 canonical JSON: the bytes a content hash is taken of. */
export function canonicalText(json: JSONContent): string {
  const text = canonicalize(canonicalDocument(json));
  if (text === undefined) throw new Error('A compact text has no canonical form.');
  return text;
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/**
 * The content hash of a compact text: lowercase hex SHA-256 of its canonical text (UTF-8). The
 * same words, marks, provision kinds and states and proposing parties give the same hash, whatever
 * the Yjs history that produced them (Yjs bytes are never hashed: they are not stable).
 */
export function contentHash(json: JSONContent): string {
  return hex(digest(new TextEncoder().encode(canonicalText(json))));
}
