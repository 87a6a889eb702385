/**
 * A redline between two states of a compact's text, as the server derives it from the update log
 * (server/services/history/redline.ts) and the History screen shows it: the later text with what
 * was deleted since the earlier one kept in place, every insertion and deletion attributed to the
 * party and person who made it.
 */

/** A person and the party they wrote for (null: the system — seeded or server-written text). */
export interface RedlineAuthor {
  userId: string | null;
  name: string | null;
  partyId: string | null;
  partyCode: string | null;
}

/** An insertion or deletion; `author` indexes `Redline.authors`. */
export interface RedlineChange {
  type: 'added' | 'removed';
  author: number;
}

export interface RedlineMark {
  type: string;
  attrs: Record<string, unknown>;
}

export interface RedlineText {
  kind: 'text';
  text: string;
  marks: RedlineMark[];
  change: RedlineChange | null;
}

/** An attribute of a node set differently in the later state (a provision's kind or agreement state). */
export interface RedlineAttributeChange {
  key: string;
  before: unknown;
  after: unknown;
  author: number;
}

export interface RedlineNode {
  kind: 'node';
  type: string;
  attrs: Record<string, unknown>;
  content: RedlineItem[];
  change: RedlineChange | null;
  attributeChanges: RedlineAttributeChange[];
}

export type RedlineItem = RedlineNode | RedlineText;

/** What happened to one top-level provision between the two states. */
export interface ProvisionChange {
  provisionId: string | null;
  /** Its citation in the earlier and the later text ("OP 3"); null where it is not there. */
  labelBefore: string | null;
  labelAfter: string | null;
  firstWords: string;
  added: boolean;
  removed: boolean;
  /** Words or structure inside it changed. */
  textChanged: boolean;
  stateBefore: string | null;
  stateAfter: string | null;
  kindBefore: string | null;
  kindAfter: string | null;
  /** Who made its changes (indexes of `Redline.authors`). */
  authors: number[];
}

export interface Redline {
  /** The top-level blocks (provisions and headings), the later text's with deleted ones kept in place. */
  blocks: RedlineNode[];
  authors: RedlineAuthor[];
  provisions: ProvisionChange[];
  /** How many insertions and deletions the redline marks. */
  changes: number;
}
