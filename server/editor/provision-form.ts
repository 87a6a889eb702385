import 'server-only';
import type { JSONContent } from '@tiptap/core';
import { newProvisionId, type ProvisionKind } from '@/shared/negotiation/vocabulary';

const provision = (kind: ProvisionKind, content: JSONContent[]): JSONContent => ({
  type: 'provision',
  attrs: { id: newProvisionId(), kind, state: 'open' },
  content,
});

const isEmptyParagraph = (block: JSONContent) =>
  block.type === 'paragraph' && !(block.content ?? []).some((child) => child.type !== 'text' || child.text?.trim());

export const isInProvisionForm = (content: JSONContent) =>
  (content.content ?? []).every((block) => block.type === 'heading' || block.type === 'provision');

/**
 * A compact text written before negotiation, in sections and provisions: headings stay; each item
 * of a numbered list becomes an operative provision (they were the numbered paragraphs); any other
 * block becomes a provision of its own — preambular until the first operative one, operative after.
 * Empty paragraphs are dropped. Text and formatting are kept as they were.
 */
export function toProvisionForm(content: JSONContent): JSONContent {
  const blocks: JSONContent[] = [];
  let operativeSeen = false;
  for (const block of content.content ?? []) {
    if (block.type === 'heading' || block.type === 'provision') {
      blocks.push(block);
      if (block.type === 'provision' && block.attrs?.kind !== 'preambular') operativeSeen = true;
    } else if (block.type === 'orderedList') {
      for (const item of block.content ?? []) {
        const itemBlocks = (item.content ?? []).filter((child) => !isEmptyParagraph(child));
        if (itemBlocks.length > 0) blocks.push(provision('operative', itemBlocks));
      }
      operativeSeen = true;
    } else if (!isEmptyParagraph(block)) {
      blocks.push(provision(operativeSeen ? 'operative' : 'preambular', [block]));
    }
  }
  if (blocks.length === 0) blocks.push(provision('operative', [{ type: 'paragraph' }]));
  return { type: 'doc', content: blocks };
}

/** The text a new compact starts with: one empty operative provision (with its id) to type into. */
export const newCompactText = (): JSONContent => ({
  type: 'doc',
  content: [provision('operative', [{ type: 'paragraph' }])],
});
