import 'server-only';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { DbHandle } from '@/db/client';
import type { AppLocale } from '@/i18n/locales';
import { compactTextSchema, yDocToContent } from '../../editor/document-content';
import { cleanText } from '@/shared/negotiation/clean-text';
import { unchangedBlocks } from '@/shared/history/plain-redline';
import type { RedlineNode } from '@/shared/history/redline';
import { contentHash } from '@/shared/history/canonical-form';
import { recordAuditEvent, type AuditActor } from '../audit';
import { getCompact } from '../compacts';
import { loadDoc } from '../document-store';
import { partyLegend } from '../negotiation/party-legend';
import { cleanAsBlocks } from './clean-blocks';
import { changeIds, labelParagraph, wordParagraphs, wordStyles } from './docx';
import { exportLabels, type ExportLabels } from './export-labels';
import { exportParagraphs, type ExportContext } from './export-model';
import { toMarkdown } from './markdown';

export const TEXT_EXPORT_FORMATS = ['md', 'docx'] as const;
export const TEXT_EXPORT_VIEWS = ['clean', 'negotiation'] as const;
export type TextExportFormat = (typeof TEXT_EXPORT_FORMATS)[number];
export type TextExportView = (typeof TEXT_EXPORT_VIEWS)[number];

export interface ExportedFile {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  filename: string;
}

/** The compact's party codes by id, and the export's wording around the text (in the reader's language). */
export function exportContext(
  handle: DbHandle,
  compactId: string,
  labels: ExportLabels,
  authors: ExportContext['authors'] = [],
): ExportContext {
  const parties = new Map(partyLegend(handle.db, compactId).map((party) => [party.id, party.shortCode]));
  const { stateName, deletedLabel, optionLabel } = labels;
  return { parties, authors, stateName, deletedLabel, optionLabel };
}

/**
 * The stored text now, as export blocks — the negotiation text (brackets, options) or the clean
 * text — with the content hash of the text it was made from.
 */
export function currentTextBlocks(
  handle: DbHandle,
  compactId: string,
  view: TextExportView,
  labels: ExportLabels,
): { blocks: RedlineNode[]; contentHash: string } {
  const { doc } = loadDoc(handle.db, compactId);
  try {
    const json = yDocToContent(doc);
    const blocks =
      view === 'negotiation'
        ? unchangedBlocks(json)
        : cleanAsBlocks(cleanText(compactTextSchema().nodeFromJSON(json)), labels.pendingOptions);
    return { blocks, contentHash: contentHash(json) };
  } finally {
    doc.destroy();
  }
}

/** A file name stem from a title: letters and digits, dashes between, at most 60 characters. */
export const fileStem = (title: string) =>
  title
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'compact';

/**
 * The current text of a compact as Markdown or Word, in the clean view (as it would read if
 * adopted now) or the negotiation view (brackets with their party codes, options). Audited as
 * `text.exported` with the content hash of the text exported: who took which text out, and when.
 * Its labels and dates are in the reader's language (`locale`); the text keeps its own language.
 */
export async function exportCurrentText(
  handle: DbHandle,
  actor: AuditActor,
  compactId: string,
  format: TextExportFormat,
  view: TextExportView,
  locale: AppLocale,
  now = new Date(),
): Promise<ExportedFile> {
  const compact = getCompact(handle.db, compactId);
  const labels = exportLabels(locale, compact.textLanguage);
  const text = currentTextBlocks(handle, compactId, view, labels);
  recordAuditEvent(handle.db, actor, {
    compactId,
    action: 'text.exported',
    entityType: 'compact',
    entityId: compactId,
    after: { format, view, contentHash: text.contentHash },
  });
  const paragraphs = exportParagraphs(text.blocks, exportContext(handle, compactId, labels));
  const subtitle = labels.t('export.text.subtitle', { view, when: labels.utc(now) });
  const stem = `${fileStem(compact.title)}-${view}`;
  if (format === 'md') {
    const markdown = toMarkdown(compact.title, subtitle, paragraphs, labels);
    return {
      body: new TextEncoder().encode(markdown),
      contentType: 'text/markdown; charset=utf-8',
      filename: `${stem}.md`,
    };
  }
  const document = new Document({
    creator: 'Compact Workspace',
    title: compact.title,
    styles: wordStyles(labels),
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            children: [new TextRun(compact.title)],
            bidirectional: labels.text.dir === 'rtl',
          }),
          labelParagraph(labels, subtitle, { italics: true }),
          ...wordParagraphs(paragraphs, changeIds(), now.toISOString(), labels),
        ],
      },
    ],
  });
  return {
    body: new Uint8Array(await Packer.toBuffer(document)),
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    filename: `${stem}.docx`,
  };
}
