import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Mapping } from '@tiptap/pm/transform';
import type * as Y from 'yjs';
import { toAbsolute, type YBinding } from './y-positions';

/** A thread's anchor as the editor follows it. */
export interface HighlightAnchor {
  id: string;
  start: Y.RelativePosition;
  end: Y.RelativePosition;
  provisionId: string | null;
  quote: string;
  /** Resolved threads keep their place but are highlighted only while selected. */
  resolved: boolean;
}

/**
 * Where a thread's words are now: `text` (found through its anchor, or `refound` by its quote in
 * its provision after the words were re-created, e.g. cut and pasted), only its `provision` (the
 * words are gone but the provision is there), or `gone` (both deleted).
 */
export type AnchorPlace =
  { kind: 'text'; from: number; to: number; refound: boolean } | { kind: 'provision'; pos: number } | { kind: 'gone' };

// Inline nodes other than text (line breaks) count as one character, as they count one position.
const LEAF = '\ufffc';

function provisionPos(doc: ProseMirrorNode, provisionId: string | null): number | null {
  if (!provisionId) return null;
  let found: number | null = null;
  doc.forEach((node, pos) => {
    if (found === null && node.type.name === 'provision' && node.attrs.id === provisionId) found = pos;
  });
  return found;
}

/** The fallback: the quote looked up inside the thread's provision, else the provision, else gone. */
export function placeByProvision(doc: ProseMirrorNode, anchor: HighlightAnchor): AnchorPlace {
  const pos = provisionPos(doc, anchor.provisionId);
  if (pos === null) return { kind: 'gone' };
  let place: AnchorPlace = { kind: 'provision', pos };
  doc.nodeAt(pos)!.descendants((node, offset) => {
    if (place.kind === 'text' || !node.isTextblock) return place.kind !== 'text';
    const index = node.textBetween(0, node.content.size, undefined, LEAF).indexOf(anchor.quote);
    if (index >= 0) {
      const from = pos + 1 + offset + 1 + index;
      place = { kind: 'text', from, to: from + anchor.quote.length, refound: true };
    }
    return false;
  });
  return place;
}

/** Where the anchor's relative positions land in the editor's document now. */
export function placeByAnchor(doc: ProseMirrorNode, binding: YBinding, anchor: HighlightAnchor): AnchorPlace {
  const from = toAbsolute(binding, anchor.start);
  const to = toAbsolute(binding, anchor.end);
  if (from === null || to === null || from >= to || to > doc.content.size) return placeByProvision(doc, anchor);
  const $from = doc.resolve(from);
  if (!$from.parent.isTextblock || $from.parent !== doc.resolve(to).parent) return placeByProvision(doc, anchor);
  return { kind: 'text', from, to, refound: false };
}

/** A place carried through a local change (the Yjs binding catches up only after it). */
export function mapPlace(place: AnchorPlace, mapping: Mapping, doc: ProseMirrorNode, anchor: HighlightAnchor) {
  if (place.kind === 'text') {
    const from = mapping.map(place.from, 1);
    const to = mapping.map(place.to, -1);
    return from < to ? { ...place, from, to } : placeByProvision(doc, anchor);
  }
  if (place.kind === 'provision') {
    const mapped = mapping.mapResult(place.pos, 1);
    return mapped.deleted ? placeByProvision(doc, anchor) : { ...place, pos: mapped.pos };
  }
  return place;
}
