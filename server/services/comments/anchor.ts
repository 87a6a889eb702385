import 'server-only';
import type { Problem } from '@/i18n/types';
import * as Y from 'yjs';
import { decodeAnchorEnd } from '@/shared/comments/anchor-encoding';
import { COMMENT_ANCHOR_MAX, COMMENT_QUOTE_MAX } from '@/shared/comments/comment-rules';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { NEGOTIATION_NAMES } from '@/shared/negotiation/vocabulary';
import { DomainError } from '../domain-error';

/** Where a thread is anchored: the start and end of its text, as encoded Yjs relative positions. */
export interface EncodedAnchor {
  start: string;
  end: string;
}

/** What the server reads from the stored document at an anchor. */
export interface ResolvedAnchor {
  /** The text between start and end, as it stands in the document. */
  quote: string;
  /** The provision holding that text; null for text in a section heading. */
  provisionId: string | null;
}

const UNREADABLE: Problem = { key: 'errors.anchor.placeCommentCouldNot' };
const NOT_IN_TEXT: Problem = { key: 'errors.anchor.selectedTextNotStored' };
const ONE_PARAGRAPH: Problem = { key: 'errors.anchor.commentAnchoredWordsWithin' };

const refuse = (problem: Problem): never => {
  throw new DomainError('BAD_REQUEST', problem);
};

function decode(encoded: string): Y.RelativePosition {
  return (encoded.length <= COMMENT_ANCHOR_MAX ? decodeAnchorEnd(encoded) : null) ?? refuse(UNREADABLE);
}

/** The live position in `doc`, or null when it does not resolve (unknown, collected, nonsense). */
function absolute(doc: Y.Doc, position: Y.RelativePosition): Y.AbsolutePosition | null {
  // A position naming a root type other than the document's would create that type (or throw).
  if (position.tname !== null && position.tname !== DOCUMENT_FIELD) return null;
  try {
    return Y.createAbsolutePositionFromRelativePosition(position, doc);
  } catch {
    return null;
  }
}

/** A Yjs type as far as its place in the tree goes. */
type Branch = { _item: Y.Item | null };

/**
 * The chain from a type up to the document's root fragment (the type itself first), or null when
 * it is not inside the document or any of it was deleted.
 */
function ancestry(type: Branch, root: Y.XmlFragment): Branch[] | null {
  const chain: Branch[] = [];
  let current: Branch | null = type;
  while (current && current !== root) {
    const item: Y.Item | null = current._item;
    if (!item || item.deleted) return null;
    chain.push(current);
    current = item.parent instanceof Y.AbstractType ? item.parent : null;
  }
  return current === root ? chain : null;
}

/** The characters of a run of text, without its formatting. */
export function plainText(text: Y.XmlText): string {
  return (text.toDelta() as { insert?: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}

/** The id of the top-level provision in the chain, or null when the text sits in a heading. */
function provisionOf(chain: Branch[]): string | null {
  const top = chain[chain.length - 1];
  if (!(top instanceof Y.XmlElement) || top.nodeName !== NEGOTIATION_NAMES.provision) return null;
  const id = top.getAttribute('id');
  return typeof id === 'string' ? id : null;
}

/**
 * Reads the text an anchor spans in the stored document: both ends must resolve to the same run of
 * text (one paragraph, or one heading, between line breaks), start before end, at most
 * COMMENT_QUOTE_MAX characters. Anything else is refused with the reason.
 */
export function resolveAnchor(doc: Y.Doc, anchor: EncodedAnchor): ResolvedAnchor {
  const root = doc.getXmlFragment(DOCUMENT_FIELD);
  const start = absolute(doc, decode(anchor.start));
  const end = absolute(doc, decode(anchor.end));
  if (!start || !end) return refuse(NOT_IN_TEXT);
  if (!(start.type instanceof Y.XmlText) || start.type !== end.type) return refuse(ONE_PARAGRAPH);
  const chain = ancestry(start.type, root);
  if (!chain) return refuse(NOT_IN_TEXT);
  if (start.index === end.index) return refuse({ key: 'errors.anchor.selectionEmptySelectWords' });
  if (start.index > end.index) return refuse({ key: 'errors.anchor.endSelectionComesBefore' });
  if (end.index - start.index > COMMENT_QUOTE_MAX)
    return refuse({ key: 'errors.anchor.selectMostCharactersComment', args: { max: COMMENT_QUOTE_MAX } });
  const quote = plainText(start.type).slice(start.index, end.index);
  return { quote, provisionId: provisionOf(chain) };
}

/** Every provision id in the document (to check a fallback id against). */
export function provisionIdsOf(doc: Y.Doc): Set<string> {
  const ids = new Set<string>();
  for (const child of doc.getXmlFragment(DOCUMENT_FIELD).toArray()) {
    if (child instanceof Y.XmlElement && child.nodeName === NEGOTIATION_NAMES.provision) {
      const id = child.getAttribute('id');
      if (typeof id === 'string') ids.add(id);
    }
  }
  return ids;
}
