import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { toHexString } from 'lib0/buffer';
import { digest } from 'lib0/hash/sha256';
import {
  AGREED_STATES,
  isAgreementState,
  isProvisionKind,
  type AgreementState,
  type ProvisionKind,
} from './vocabulary';

/**
 * How delegates cite provisions in a meeting: operative ones by their number ("OP 3"),
 * preambular ones by their order among preambular paragraphs ("PP 2"). Keyed by position.
 * Operative provisions are numbered 1, 2, 3… through the whole compact in document order
 * (as operative paragraphs of a resolution are); preambular ones carry no number.
 */
export function provisionCitations(doc: ProseMirrorNode): {
  operative: Map<number, number>;
  labels: Map<number, string>;
} {
  const operative = new Map<number, number>();
  const labels = new Map<number, string>();
  let nextOperative = 1;
  let nextPreambular = 1;
  doc.forEach((node, pos) => {
    if (node.type.name !== 'provision') return;
    if (node.attrs.kind === 'preambular') labels.set(pos, `PP ${nextPreambular++}`);
    else {
      operative.set(pos, nextOperative);
      labels.set(pos, `OP ${nextOperative++}`);
    }
  });
  return { operative, labels };
}

export interface ProvisionSummary {
  id: string | null;
  kind: ProvisionKind;
  state: AgreementState;
  /** Its operative number, or null for a preambular provision. */
  number: number | null;
  /** How it is cited: "OP 3", "PP 2". */
  label: string;
  /** The heading of the section it sits in, or null before the first heading. */
  section: string | null;
  /** Its first words (outside options), for lists and links. */
  firstWords: string;
  /** Parties with bracketed text in it, in order of first appearance. */
  bracketParties: readonly string[];
  /** Parties proposing its open options, one entry per option. */
  optionParties: readonly string[];
  /** Position in the document (for scrolling to it). */
  pos: number;
}

const FIRST_WORDS_LENGTH = 120;

export function firstWordsOf(text: string, length = FIRST_WORDS_LENGTH): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= length) return clean;
  const cut = clean.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${space > length / 2 ? cut.slice(0, space) : cut}…`;
}

type ProvisionContent = Pick<ProvisionSummary, 'bracketParties' | 'optionParties' | 'firstWords'>;

/**
 * What a provision's content says (its open proposals, first words), kept per node: documents share
 * unchanged nodes, so a live list is re-read for the provisions an edit touched only.
 */
const contentCache = new WeakMap<ProseMirrorNode, ProvisionContent>();

function contentOf(provision: ProseMirrorNode): ProvisionContent {
  let content = contentCache.get(provision);
  if (!content) {
    content = readContent(provision);
    contentCache.set(provision, content);
  }
  return content;
}

function readContent(provision: ProseMirrorNode): ProvisionContent {
  const bracketParties: string[] = [];
  const optionParties: string[] = [];
  let wording = '';
  provision.forEach((child) => {
    if (child.type.name === 'option') optionParties.push(String(child.attrs.partyId ?? ''));
    else wording += `${child.textContent} `;
  });
  provision.descendants((node) => {
    for (const mark of node.marks) {
      const party = mark.type.name === 'bracket' ? mark.attrs.partyId : null;
      if (typeof party === 'string' && !bracketParties.includes(party)) bracketParties.push(party);
    }
  });
  return { bracketParties, optionParties, firstWords: firstWordsOf(wording || provision.textContent) };
}

/** Every provision in document order with its number, state, section and open proposals. */
export function listProvisions(doc: ProseMirrorNode): ProvisionSummary[] {
  const { operative, labels } = provisionCitations(doc);
  const provisions: ProvisionSummary[] = [];
  let section: string | null = null;
  doc.forEach((node, pos) => {
    if (node.type.name === 'heading') section = node.textContent;
    if (node.type.name !== 'provision') return;
    provisions.push({
      ...contentOf(node),
      id: typeof node.attrs.id === 'string' ? node.attrs.id : null,
      kind: isProvisionKind(node.attrs.kind) ? node.attrs.kind : 'operative',
      state: isAgreementState(node.attrs.state) ? node.attrs.state : 'open',
      number: operative.get(pos) ?? null,
      label: labels.get(pos) ?? '',
      section,
      pos,
    });
  });
  return provisions;
}

export type AgreementProblem = 'has-brackets' | 'has-options';

/** Why a provision cannot be declared agreed (or agreed ad referendum) as it stands, or null. */
export function agreementProblem(
  provision: Pick<ProvisionSummary, 'bracketParties' | 'optionParties'>,
  state: AgreementState,
): AgreementProblem | null {
  if (!AGREED_STATES.has(state)) return null;
  if (provision.bracketParties.length > 0) return 'has-brackets';
  if (provision.optionParties.length > 0) return 'has-options';
  return null;
}

/** The provision with this id among the document's top-level nodes, or null. */
export function findProvisionNode(doc: ProseMirrorNode, provisionId: string): ProseMirrorNode | null {
  let found: ProseMirrorNode | null = null;
  doc.forEach((node) => {
    if (!found && node.type.name === 'provision' && node.attrs.id === provisionId) found = node;
  });
  return found;
}

const OPTION_KEY_BYTES = 12;

/**
 * What names one option of a provision to the chair's decision, the same in the browser and on the
 * server: a hash of its proposer and wording. An option that moved, changed or was replaced after
 * the chair looked has another key (or another place among the keys), and the decision is refused.
 */
export function optionKey(option: ProseMirrorNode): string {
  const wording = option.textBetween(0, option.content.size, '\n', '\n');
  const hash = digest(new TextEncoder().encode(`${String(option.attrs.partyId ?? '')}\n${wording}`));
  return toHexString(hash.subarray(0, OPTION_KEY_BYTES));
}

export const OPTION_KEY_PATTERN = new RegExp(`^[0-9a-f]{${OPTION_KEY_BYTES * 2}}$`);

/** The keys of a provision's options, in document order. */
export function optionKeys(provision: ProseMirrorNode): string[] {
  const keys: string[] = [];
  provision.forEach((child) => {
    if (child.type.name === 'option') keys.push(optionKey(child));
  });
  return keys;
}
