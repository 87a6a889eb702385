import type { JSONContent } from '@tiptap/core';
import type { RedlineItem, RedlineMark, RedlineNode } from './redline';

function itemOf(node: JSONContent): RedlineItem {
  if (node.type === 'text')
    return {
      kind: 'text',
      text: node.text ?? '',
      marks: (node.marks ?? []).map((mark): RedlineMark => ({ type: mark.type, attrs: mark.attrs ?? {} })),
      change: null,
    };
  return {
    kind: 'node',
    type: node.type ?? 'paragraph',
    attrs: node.attrs ?? {},
    content: (node.content ?? []).map(itemOf),
    change: null,
    attributeChanges: [],
  };
}

/** A version's text (ProseMirror JSON) as redline blocks without changes, so one renderer shows both. */
export function unchangedBlocks(doc: JSONContent): RedlineNode[] {
  return (doc.content ?? []).map(itemOf).filter((item): item is RedlineNode => item.kind === 'node');
}
