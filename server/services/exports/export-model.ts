import 'server-only';
import { citations } from '@/shared/history/provision-changes';
import type { RedlineAuthor, RedlineChange, RedlineItem, RedlineNode } from '@/shared/history/redline';
import { isAgreementState, type AgreementState } from '@/shared/negotiation/vocabulary';

/**
 * What every export (Markdown, Word, PDF) writes: the text as a flat list of paragraphs of runs,
 * each run with its formatting, the party of its bracket and its change (in a redline). One walk
 * of the redline model (server/services/history, shared/history/redline.ts) feeds all formats.
 */
export interface ExportRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  /** The party code of the bracket the words are in (negotiation view). */
  bracket?: string;
  change?: { type: RedlineChange['type']; author: RedlineAuthor };
}

export type ExportParagraphKind = 'heading' | 'label' | 'body' | 'list-item' | 'quote' | 'option-label' | 'table-row';

export interface ExportParagraph {
  kind: ExportParagraphKind;
  /** Heading level (1–3) or list/option nesting depth. */
  level: number;
  runs: ExportRun[];
}

export interface ExportContext {
  /** Party codes by id (brackets and options name their party by id). */
  parties: ReadonlyMap<string, string>;
  authors: RedlineAuthor[];
  /** How an agreement state reads (the label line of a provision). */
  stateName: (state: AgreementState) => string;
  /** How a deleted provision's label reads, given its earlier citation. */
  deletedLabel: (label: string) => string;
  /** The label line of an option. */
  optionLabel: (partyCode: string) => string;
}

type MarkFlag = 'bold' | 'italic' | 'underline' | 'strike';
const MARK_FLAGS: Record<string, MarkFlag> = {
  bold: 'bold',
  italic: 'italic',
  underline: 'underline',
  strike: 'strike',
};

function runsOf(items: RedlineItem[], context: ExportContext, inherited: RedlineChange | null): ExportRun[] {
  const runs: ExportRun[] = [];
  for (const item of items) {
    if (item.kind === 'node') {
      if (item.type === 'hardBreak') runs.push({ text: '\n' });
      continue;
    }
    const run: ExportRun = { text: item.text };
    for (const mark of item.marks) {
      const flag = MARK_FLAGS[mark.type];
      if (flag) run[flag] = true;
      if (mark.type === 'bracket') run.bracket = context.parties.get(String(mark.attrs.partyId)) ?? '?';
    }
    const change = item.change ?? inherited;
    if (change) run.change = { type: change.type, author: context.authors[change.author]! };
    runs.push(run);
  }
  return runs;
}

const BLOCK_KINDS: Record<string, ExportParagraphKind> = { paragraph: 'body', heading: 'heading' };

function paragraphsOf(
  node: RedlineNode,
  context: ExportContext,
  inherited: RedlineChange | null,
  depth: number,
  out: ExportParagraph[],
): void {
  const change = node.change ?? inherited;
  const hasTextChildren = node.content.some((item) => item.kind === 'text');
  if (node.type === 'option') {
    const code = context.parties.get(String(node.attrs.partyId)) ?? '?';
    out.push({
      kind: 'option-label',
      level: depth,
      runs: withChange([{ text: context.optionLabel(code), italic: true }], change, context),
    });
    for (const child of node.content) if (child.kind === 'node') paragraphsOf(child, context, change, depth + 1, out);
    return;
  }
  if (node.type === 'tableRow') {
    const cells = node.content.filter((item): item is RedlineNode => item.kind === 'node');
    const runs = cells.flatMap((cell, index) => [
      ...(index > 0 ? [{ text: ' | ' }] : []),
      ...cell.content.flatMap((block) =>
        block.kind === 'node' ? runsOf(block.content, context, cell.change ?? change) : [],
      ),
    ]);
    out.push({ kind: 'table-row', level: depth, runs });
    return;
  }
  if (hasTextChildren || node.content.length === 0) {
    const kind = BLOCK_KINDS[node.type] ?? 'body';
    out.push({
      kind,
      level: kind === 'heading' ? Number(node.attrs.level) || 1 : depth,
      runs: runsOf(node.content, context, change),
    });
    return;
  }
  const nextDepth =
    node.type === 'bulletList' || node.type === 'orderedList' || node.type === 'blockquote' ? depth + 1 : depth;
  for (const child of node.content) {
    if (child.kind !== 'node') continue;
    if (node.type === 'listItem' && child.type === 'paragraph') {
      const before = out.length;
      paragraphsOf(child, context, change, depth, out);
      const first = out[before];
      if (first && first.kind === 'body') first.kind = 'list-item';
      continue;
    }
    if (node.type === 'blockquote' && child.type === 'paragraph') {
      const before = out.length;
      paragraphsOf(child, context, change, nextDepth, out);
      const first = out[before];
      if (first && first.kind === 'body') first.kind = 'quote';
      continue;
    }
    paragraphsOf(child, context, change, nextDepth, out);
  }
}

function withChange(runs: ExportRun[], change: RedlineChange | null, context: ExportContext): ExportRun[] {
  if (!change) return runs;
  return runs.map((run) => ({ ...run, change: { type: change.type, author: context.authors[change.author]! } }));
}

/**
 * The paragraphs of a text (or redline): headings, and for each provision a label line ("OP 3 ·
 * Agreed", or "OP 2 (deleted)"), its paragraphs, lists, quotes, options and table rows.
 */
export function exportParagraphs(blocks: RedlineNode[], context: ExportContext): ExportParagraph[] {
  const later = citations(blocks, 'removed');
  const earlier = citations(blocks, 'added');
  const out: ExportParagraph[] = [];
  blocks.forEach((block, index) => {
    if (block.type !== 'provision') {
      paragraphsOf(block, context, null, 0, out);
      return;
    }
    const label = later.get(index) ?? context.deletedLabel(earlier.get(index) ?? '');
    const state = block.attrs.state;
    const stateText = isAgreementState(state) && state !== 'open' ? ` · ${context.stateName(state)}` : '';
    out.push({
      kind: 'label',
      level: 0,
      runs: withChange([{ text: `${label}${stateText}`, bold: true }], block.change, context),
    });
    for (const child of block.content) if (child.kind === 'node') paragraphsOf(child, context, block.change, 0, out);
  });
  return out;
}
