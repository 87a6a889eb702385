import 'server-only';
import type { CleanBlock, CleanRun, CleanTopBlock } from '@/shared/negotiation/clean-text';
import type { RedlineItem, RedlineNode } from '@/shared/history/redline';

const node = (type: string, content: RedlineItem[], attrs: Record<string, unknown> = {}): RedlineNode => ({
  kind: 'node',
  type,
  attrs,
  content,
  change: null,
  attributeChanges: [],
});

const texts = (runs: CleanRun[]): RedlineItem[] =>
  runs.map((run) => ({
    kind: 'text',
    text: run.text,
    marks: run.marks.map((type) => ({ type, attrs: {} })),
    change: null,
  }));

function blockNode(block: CleanBlock): RedlineNode {
  if (block.type === 'paragraph') return node('paragraph', texts(block.runs));
  if (block.type === 'blockquote') return node('blockquote', block.blocks.map(blockNode));
  return node(
    block.ordered ? 'orderedList' : 'bulletList',
    block.items.map((item) => node('listItem', item.map(blockNode))),
  );
}

/**
 * The clean text (shared/negotiation/clean-text.ts) in the export model: provisions keep their
 * kind, state and id, so they are cited as in the negotiation text; a provision whose options
 * still wait for the chair says so in one paragraph (`pending(n)`).
 */
export function cleanAsBlocks(clean: CleanTopBlock[], pending: (options: number) => string): RedlineNode[] {
  return clean.map((block) => {
    if (block.type === 'heading') return node('heading', texts(block.runs), { level: block.level });
    const content =
      block.pendingOptions > 0
        ? [
            node('paragraph', [
              {
                kind: 'text',
                text: pending(block.pendingOptions),
                marks: [{ type: 'italic', attrs: {} }],
                change: null,
              },
            ]),
          ]
        : block.blocks.map(blockNode);
    return node('provision', content, { id: block.id, kind: block.kind, state: block.state });
  });
}
