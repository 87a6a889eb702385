import 'server-only';
import type { ExportLabels } from './export-labels';
import type { ExportParagraph } from './export-model';

/** A simple table of the review pack: a caption, column headings, rows of cell texts. */
export interface PackTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

/** Everything a review pack holds, gathered by the server (review-pack.ts) and written as Word or PDF. */
export interface ReviewPackData {
  /** The reader's words, dates and languages (labels), and the compact text's language. */
  labels: ExportLabels;
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

/** The pack's sections, in order (the same in Word and PDF). */
export const PACK_SECTIONS = ['clean', 'redline', 'scorecard', 'signOffs', 'audit'] as const;
export type PackSection = (typeof PACK_SECTIONS)[number];

/** A section's heading in the reader's language. */
export const sectionTitle = (data: ReviewPackData, section: PackSection) =>
  data.labels.t(`export.pack.sections.${section}`);

export const packSubtitle = ({ labels, cycleName, cutOff, generatedAt }: ReviewPackData) =>
  labels.t('export.pack.subtitle', {
    cycle: cycleName,
    cutOff: labels.day(cutOff),
    generated: labels.utc(generatedAt),
  });

/** Said instead of the events in a pack made by a member who may not read the audit log. */
export const excerptWithheld = (data: ReviewPackData) => data.labels.t('export.pack.withheld');

export const headStatement = ({ labels, audit }: ReviewPackData) =>
  labels.t('export.pack.head', { events: audit.events, head: audit.head || labels.t('export.pack.emptyChain') });

/** Said instead of a table with no rows. */
export const emptyTable = (labels: ExportLabels, table: PackTable) =>
  labels.t('export.pack.none', { caption: table.caption });
