import 'server-only';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { changeIds, wordParagraphs } from './docx';
import {
  EXCERPT_WITHHELD,
  headStatement,
  PACK_SECTIONS,
  packSubtitle,
  type PackTable,
  type ReviewPackData,
} from './review-pack-model';

const heading = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)], pageBreakBefore: true });

function wordTable(table: PackTable): Array<Paragraph | Table> {
  if (table.rows.length === 0)
    return [new Paragraph({ children: [new TextRun({ text: `${table.caption}: none.`, italics: true })] })];
  const row = (cells: string[], header = false) =>
    new TableRow({
      tableHeader: header,
      children: cells.map(
        (cell) =>
          new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: cell, bold: header })] })] }),
      ),
    });
  return [
    new Paragraph({ children: [new TextRun({ text: table.caption, italics: true })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [row(table.columns, true), ...table.rows.map((cells) => row(cells))],
    }),
  ];
}

/** The review pack as a Word document; its redline is made of Word tracked changes authored by party and person. */
export async function reviewPackDocx(data: ReviewPackData): Promise<Uint8Array<ArrayBuffer>> {
  const ids = changeIds();
  const date = data.generatedAt.toISOString();
  const document = new Document({
    creator: 'Compact Workspace',
    title: `${data.compactTitle} — ${data.cycleName}`,
    features: { trackRevisions: true },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(data.compactTitle)] }),
          new Paragraph({ children: [new TextRun({ text: packSubtitle(data), italics: true })] }),
          new Paragraph({ children: [new TextRun(headStatement(data))] }),
          heading(PACK_SECTIONS.clean),
          ...wordParagraphs(data.cleanText, ids, date),
          heading(PACK_SECTIONS.redline),
          new Paragraph({ children: [new TextRun({ text: data.redline.title, italics: true })] }),
          ...wordTable(data.redline.summary),
          ...wordParagraphs(data.redline.paragraphs, ids, date),
          heading(PACK_SECTIONS.scorecard),
          ...wordTable(data.scorecard),
          heading(PACK_SECTIONS.signOffs),
          ...wordTable(data.signOffs),
          heading(PACK_SECTIONS.audit),
          new Paragraph({ children: [new TextRun(headStatement(data))] }),
          ...(data.audit.excerpt
            ? wordTable(data.audit.excerpt)
            : [new Paragraph({ children: [new TextRun({ text: EXCERPT_WITHHELD, italics: true })] })]),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
