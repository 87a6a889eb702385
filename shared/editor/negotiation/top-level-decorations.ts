import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Mapping, StepMap } from '@tiptap/pm/transform';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { provisionCitations } from '../../negotiation/provisions';

/** How a provision is cited ("OP 3", "PP 2") and its operative number (null for preambular ones). */
export interface Citation {
  label: string;
  number: number | null;
}

/** Adds the decorations of one top-level node at `pos` (a provision comes with its citation). */
export type DecorateTopLevel = (
  node: ProseMirrorNode,
  pos: number,
  citation: Citation | null,
  out: Decoration[],
) => void;

const citationAt = ({ labels, operative }: ReturnType<typeof provisionCitations>, pos: number): Citation | null => {
  const label = labels.get(pos);
  return label === undefined ? null : { label, number: operative.get(pos) ?? null };
};

/** The decorations of every top-level node of `doc`. */
export function decorateAll(doc: ProseMirrorNode, decorate: DecorateTopLevel): DecorationSet {
  const citations = provisionCitations(doc);
  const out: Decoration[] = [];
  doc.forEach((node, pos) => decorate(node, pos, citationAt(citations, pos), out));
  return DecorationSet.create(doc, out);
}

/**
 * The decorations of `after`, from those of `before`: only the top-level nodes that differ (found
 * by comparing the documents, which share unchanged nodes — local edits and the collaboration
 * binding's rebuilds alike) and those whose citation label changed are decorated again; the rest
 * are moved. Per keystroke this walks the top-level nodes and one provision, not the whole text.
 */
export function redecorateChanges(
  set: DecorationSet,
  before: ProseMirrorNode,
  after: ProseMirrorNode,
  decorate: DecorateTopLevel,
): DecorationSet {
  const start = before.content.findDiffStart(after.content);
  if (start === null) return set;
  let { a: endA, b: endB } = before.content.findDiffEnd(after.content) ?? { a: start, b: start };
  // As in ProseMirror's own DOM diff: when the common prefix and suffix overlap, push the ends back.
  const overlap = start - Math.min(endA, endB);
  if (overlap > 0) {
    endA += overlap;
    endB += overlap;
  }
  const moved = set.map(new Mapping([new StepMap([start, endA - start, endB - start])]), after);
  const citationsBefore = provisionCitations(before);
  const citationsAfter = provisionCitations(after);
  const stale: Decoration[] = [];
  const fresh: Decoration[] = [];
  after.forEach((node, pos) => {
    const end = pos + node.nodeSize;
    const citation = citationAt(citationsAfter, pos);
    const touched = pos <= endB && end >= start;
    const oldPos = pos < start ? pos : pos - endB + endA;
    if (!touched && citationsBefore.labels.get(oldPos) === citation?.label) return;
    for (const decoration of moved.find(pos, end))
      if (decoration.from >= pos && decoration.to <= end) stale.push(decoration);
    decorate(node, pos, citation, fresh);
  });
  return moved.remove(stale).add(after, fresh);
}
