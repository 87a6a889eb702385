import { firstWordsOf } from '../negotiation/provisions';
import type { ProvisionChange, RedlineItem, RedlineNode } from './redline';

const textOf = (items: RedlineItem[], skip: 'added' | 'removed'): string =>
  items
    .map((item) => {
      if (item.change?.type === skip) return '';
      if (item.kind === 'text') return item.text;
      return ` ${textOf(item.content, skip)} `;
    })
    .join('');

function authorsIn(node: RedlineNode, into: Set<number>): Set<number> {
  if (node.change) into.add(node.change.author);
  for (const change of node.attributeChanges) into.add(change.author);
  for (const item of node.content) {
    if (item.kind === 'text') {
      if (item.change) into.add(item.change.author);
    } else authorsIn(item, into);
  }
  return into;
}

const hasInnerChange = (items: RedlineItem[]): boolean =>
  items.some(
    (item) =>
      item.change !== null ||
      (item.kind === 'node' && (item.attributeChanges.length > 0 || hasInnerChange(item.content))),
  );

/**
 * Citations ("OP 3", "PP 2") of the provisions present on one side, by block index: the earlier
 * text's (`absent`: 'added') or the later one's (`absent`: 'removed').
 */
export function citations(blocks: RedlineNode[], absent: 'added' | 'removed'): Map<number, string> {
  const labels = new Map<number, string>();
  let operative = 1;
  let preambular = 1;
  blocks.forEach((block, index) => {
    if (block.type !== 'provision' || block.change?.type === absent) return;
    const kind = block.change ? block.attrs.kind : (changedAttribute(block, 'kind', absent) ?? block.attrs.kind);
    labels.set(index, kind === 'preambular' ? `PP ${preambular++}` : `OP ${operative++}`);
  });
  return labels;
}

/** An attribute's value on the earlier side (absent: 'added') when it changed; undefined when it did not. */
function changedAttribute(block: RedlineNode, key: string, absent: 'added' | 'removed'): unknown {
  const change = block.attributeChanges.find((candidate) => candidate.key === key);
  if (!change) return undefined;
  return absent === 'added' ? change.before : change.after;
}

const asText = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * The provision-level summary of a redline: provisions added, removed, whose words changed, and
 * whose kind or agreement state changed, each with its citation before and after.
 */
export function provisionChanges(blocks: RedlineNode[]): ProvisionChange[] {
  const before = citations(blocks, 'added');
  const after = citations(blocks, 'removed');
  const changes: ProvisionChange[] = [];
  blocks.forEach((block, index) => {
    if (block.type !== 'provision') return;
    const state = block.attributeChanges.find((change) => change.key === 'state');
    const kind = block.attributeChanges.find((change) => change.key === 'kind');
    const added = block.change?.type === 'added';
    const removed = block.change?.type === 'removed';
    const textChanged = !block.change && hasInnerChange(block.content);
    if (!added && !removed && !textChanged && !state && !kind) return;
    changes.push({
      provisionId: asText(block.attrs.id),
      labelBefore: before.get(index) ?? null,
      labelAfter: after.get(index) ?? null,
      firstWords: firstWordsOf(textOf(block.content, removed ? 'added' : 'removed')),
      added,
      removed,
      textChanged,
      stateBefore: added ? null : asText(state ? state.before : block.attrs.state),
      stateAfter: removed ? null : asText(state ? state.after : block.attrs.state),
      kindBefore: added ? null : asText(kind ? kind.before : block.attrs.kind),
      kindAfter: removed ? null : asText(kind ? kind.after : block.attrs.kind),
      authors: [...authorsIn(block, new Set())],
    });
  });
  return changes;
}
