import 'server-only';
import type { ExportParagraph } from './export-model';

/** A simple table of the review pack: a caption, column headings, rows of cell texts. */
export interface PackTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

/** Everything a review pack holds, gathered by the server (review-pack.ts) and written as Word or PDF. */
export interface ReviewPackData {
  compactTitle: string;
  cycleName: string;
  /** YYYY-MM-DD, the end of that day (UTC). */
  cutOff: string;
  generatedAt: Date;
  /** The text as of the cut-off, clean. */
  cleanText: ExportParagraph[];
  /** The redline since the previous baseline: what it compares, its provision summary, the text. */
  redline: { title: string; summary: PackTable; paragraphs: ExportParagraph[] };
  scorecard: PackTable;
  signOffs: PackTable;
  /** The chain's head and length; its newest events only when the maker may read the audit log. */
  audit: { head: string; events: number; excerpt: PackTable | null };
}

/** The headings of the pack's sections, in order (the same in Word and PDF). */
export const PACK_SECTIONS = {
  clean: 'Text as of the cut-off (clean)',
  redline: 'Changes since the previous review',
  scorecard: 'Indicator scorecard at the cut-off',
  signOffs: 'Sign-offs',
  audit: 'Audit excerpt',
} as const;

export const packSubtitle = (data: ReviewPackData) =>
  `${data.cycleName} — cut-off ${data.cutOff} (end of day, UTC) — generated ${data.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Said instead of the events in a pack made by a member who may not read the audit log. */
export const EXCERPT_WITHHELD =
  'The events themselves are listed only in packs made by administrators and reviewers, who read the audit log.';

export const headStatement = (data: ReviewPackData) =>
  `The compact's audit chain held ${data.audit.events} events when this pack was made; its head hash is ${data.audit.head || '(empty chain)'}. Keep it: if the log no longer holds this head, events were removed or changed since.`;
