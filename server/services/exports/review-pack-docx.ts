import 'server-only';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { changeIds, labelParagraph, wordLanguage, wordParagraphs, wordStyles } from './docx';
import type { ExportLabels } from './export-labels';
import {
  emptyTable,
  excerptWithheld,
  headStatement,
  packSubtitle,
  sectionTitle,
  type PackSection,
  type PackTable,
  type ReviewPackData,
} from './review-pack-model';

function heading(data: ReviewPackData, section: PackSection): Paragraph {
  const { reader } = data.labels;
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    pageBreakBefore: true,
    bidirectional: reader.dir === 'rtl',
    children: [
      new TextRun({
        text: sectionTitle(data, section),
        language: wordLanguage(reader.lang),
        rightToLeft: reader.dir === 'rtl',
      }),
    ],
  });
}

/** A table in the reader's words; its cells (names, titles) read in their own direction. */
function wordTable(labels: ExportLabels, table: PackTable): Array<Paragraph | Table> {
  if (table.rows.length === 0) return [labelParagraph(labels, emptyTable(labels, table), { italics: true })];
  const row = (cells: string[], header = false) =>
    new TableRow({
      tableHeader: header,
      children: cells.map((cell) => new TableCell({ children: [labelParagraph(labels, cell, { bold: header })] })),
    });
  return [
    labelParagraph(labels, table.caption, { italics: true }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      visuallyRightToLeft: labels.reader.dir === 'rtl',
      rows: [row(table.columns, true), ...table.rows.map((cells) => row(cells))],
    }),
  ];
}

/** The review pack as a Word document; its redline is made of Word tracked changes authored by party and person. */
export async function reviewPackDocx(data: ReviewPackData): Promise<Uint8Array<ArrayBuffer>> {
  const { labels } = data;
  const ids = changeIds();
  const date = data.generatedAt.toISOString();
  const document = new Document({
    creator: 'Compact Workspace',
    title: `${data.compactTitle} — ${data.cycleName}`,
    features: { trackRevisions: true },
    styles: wordStyles(labels),
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            children: [new TextRun(data.compactTitle)],
            bidirectional: labels.text.dir === 'rtl',
          }),
          labelParagraph(labels, packSubtitle(data), { italics: true }),
          labelParagraph(labels, headStatement(data)),
          heading(data, 'clean'),
          ...wordParagraphs(data.cleanText, ids, date, labels),
          heading(data, 'redline'),
          labelParagraph(labels, data.redline.title, { italics: true }),
          ...wordTable(labels, data.redline.summary),
          ...wordParagraphs(data.redline.paragraphs, ids, date, labels),
          heading(data, 'scorecard'),
          ...wordTable(labels, data.scorecard),
          heading(data, 'signOffs'),
          ...wordTable(labels, data.signOffs),
          heading(data, 'audit'),
          labelParagraph(labels, headStatement(data)),
          ...(data.audit.excerpt
            ? wordTable(labels, data.audit.excerpt)
            : [labelParagraph(labels, excerptWithheld(data), { italics: true })]),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
