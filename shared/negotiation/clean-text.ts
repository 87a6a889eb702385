import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { provisionCitations } from './provisions';
import { isAgreementState, isProvisionKind, type AgreementState, type ProvisionKind } from './vocabulary';

/**
 * The clean text of a compact: the text as it would read if adopted today. Bracketed text is left
 * out; a provision with open options shows none of its competing wordings (its own wording is one
 * of them: the chair may keep it or accept an option) but says how many options wait; operative
 * numbers stay those of the negotiation text, so delegates cite the same "OP 3" in both views.
 */
export interface CleanRun {
  text: string;
  /** Formatting kept from the text (bold, italic, strike, underline). */
  marks: string[];
}

export type CleanBlock =
  | { type: 'paragraph'; runs: CleanRun[] }
  | { type: 'list'; ordered: boolean; start: number; items: CleanBlock[][] }
  | { type: 'blockquote'; blocks: CleanBlock[] };

export interface CleanHeading {
  type: 'heading';
  level: number;
  runs: CleanRun[];
}

export interface CleanProvision {
  type: 'provision';
  id: string | null;
  kind: ProvisionKind;
  state: AgreementState;
  /** Its operative number (as in the negotiation text), or null for a preambular provision. */
  number: number | null;
  /** "OP 3", "PP 2". */
  label: string;
  /** Its clean wording; empty when everything in it is bracketed or its options are open. */
  blocks: CleanBlock[];
  /** How many options wait for the chair's decision (0: none). */
  pendingOptions: number;
}

export type CleanTopBlock = CleanHeading | CleanProvision;

const KEPT_MARKS = new Set(['bold', 'italic', 'strike', 'underline']);

const isBracketed = (node: ProseMirrorNode) => node.marks.some((mark) => mark.type.name === 'bracket');

/** Unbracketed text of a textblock, with runs of spaces left by removed brackets collapsed. */
function cleanRuns(textblock: ProseMirrorNode): CleanRun[] {
  const runs: CleanRun[] = [];
  textblock.forEach((child) => {
    if (isBracketed(child)) return;
    const text = child.isText ? (child.text ?? '') : child.type.name === 'hardBreak' ? '\n' : '';
    if (!text) return;
    const marks = child.marks.map((mark) => mark.type.name).filter((name) => KEPT_MARKS.has(name));
    const previous = runs[runs.length - 1];
    if (previous && previous.marks.join() === marks.join()) previous.text += text;
    else runs.push({ text, marks });
  });
  for (let i = 0; i < runs.length; i++) {
    const before = i > 0 ? runs[i - 1]!.text : '';
    let text = runs[i]!.text.replace(/ {2,}/g, ' ');
    if ((i === 0 || before.endsWith(' ')) && text.startsWith(' ')) text = text.slice(1);
    if (i === runs.length - 1) text = text.replace(/ +$/, '');
    runs[i]!.text = text;
  }
  return runs.filter((run) => run.text.length > 0);
}

function cleanBlock(node: ProseMirrorNode): CleanBlock | null {
  const name = node.type.name;
  if (name === 'option') return null;
  if (name === 'bulletList' || name === 'orderedList') {
    const items: CleanBlock[][] = [];
    node.forEach((item) => {
      const blocks = cleanBlocks(item);
      if (blocks.length > 0) items.push(blocks);
    });
    if (items.length === 0) return null;
    const start = typeof node.attrs.start === 'number' ? node.attrs.start : 1;
    return { type: 'list', ordered: name === 'orderedList', start, items };
  }
  if (node.isTextblock) {
    const runs = cleanRuns(node);
    return runs.length > 0 ? { type: 'paragraph', runs } : null;
  }
  // Blockquotes, and any other container (tables…): their clean blocks, kept together.
  const blocks = cleanBlocks(node);
  return blocks.length > 0 ? { type: 'blockquote', blocks } : null;
}

function cleanBlocks(container: ProseMirrorNode): CleanBlock[] {
  const blocks: CleanBlock[] = [];
  container.forEach((child) => {
    const block = cleanBlock(child);
    if (block) blocks.push(block);
  });
  return blocks;
}

/** The clean text of a compact's document (the editor's ProseMirror doc), block by block. */
export function cleanText(doc: ProseMirrorNode): CleanTopBlock[] {
  const { operative, labels } = provisionCitations(doc);
  const result: CleanTopBlock[] = [];
  doc.forEach((node, pos) => {
    if (node.type.name === 'heading') {
      const runs = cleanRuns(node);
      if (runs.length > 0) result.push({ type: 'heading', level: Number(node.attrs.level) || 1, runs });
      return;
    }
    if (node.type.name !== 'provision') return;
    let pendingOptions = 0;
    node.forEach((child) => {
      if (child.type.name === 'option') pendingOptions++;
    });
    result.push({
      type: 'provision',
      id: typeof node.attrs.id === 'string' ? node.attrs.id : null,
      kind: isProvisionKind(node.attrs.kind) ? node.attrs.kind : 'operative',
      state: isAgreementState(node.attrs.state) ? node.attrs.state : 'open',
      number: operative.get(pos) ?? null,
      label: labels.get(pos) ?? '',
      blocks: pendingOptions > 0 ? [] : cleanBlocks(node),
      pendingOptions,
    });
  });
  return result;
}

/** The clean text as plain text (for tests, copying and screen-reader summaries). */
export function cleanPlainText(blocks: CleanTopBlock[]): string {
  const runsText = (runs: CleanRun[]) => runs.map((run) => run.text).join('');
  const blockText = (block: CleanBlock): string[] => {
    if (block.type === 'paragraph') return [runsText(block.runs)];
    if (block.type === 'blockquote') return block.blocks.flatMap(blockText);
    return block.items.flatMap((item) => item.flatMap(blockText));
  };
  return blocks
    .flatMap((block) => {
      if (block.type === 'heading') return [runsText(block.runs)];
      const number = block.number === null ? '' : `${block.number}. `;
      const lines = block.blocks.flatMap(blockText);
      if (block.pendingOptions > 0)
        lines.push(`[${block.pendingOptions} option${block.pendingOptions === 1 ? '' : 's'} pending]`);
      if (lines.length === 0) return [number.trim()].filter(Boolean);
      return [`${number}${lines[0]}`, ...lines.slice(1)];
    })
    .join('\n');
}
