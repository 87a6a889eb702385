import 'server-only';
import {
  AlignmentType,
  DeletedTextRun,
  HeadingLevel,
  InsertedTextRun,
  Paragraph,
  TextRun,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { ExportParagraph, ExportRun } from './export-model';

/** Tracked-change ids: unique within one document. */
export interface ChangeIds {
  next(): number;
}

export const changeIds = (): ChangeIds => {
  let id = 0;
  return { next: () => ++id };
};

/** Who Word shows as the author of a tracked change: the person and the party code. */
const authorName = (run: ExportRun) => {
  const author = run.change!.author;
  if (!author.userId) return 'The system';
  return `${author.name ?? 'Unknown'} (${author.partyCode ?? '—'})`;
};

function runOptions(run: ExportRun, text: string): IRunOptions {
  return { text, bold: run.bold, italics: run.italic, strike: run.strike, underline: run.underline ? {} : undefined };
}

/** One run as Word runs: a bracket's edges with its party code; a change as a real tracked insertion or deletion. */
function wordRuns(
  run: ExportRun,
  previous: ExportRun | undefined,
  next: ExportRun | undefined,
  ids: ChangeIds,
  date: string,
): ParagraphChild[] {
  const parts: ParagraphChild[] = [];
  const opens = run.bracket !== undefined && previous?.bracket !== run.bracket;
  const closes = run.bracket !== undefined && next?.bracket !== run.bracket;
  const pieces: IRunOptions[] = [];
  if (opens) pieces.push({ text: '[' }, { text: run.bracket, superScript: true, bold: true });
  pieces.push(runOptions(run, run.text));
  if (closes) pieces.push({ text: ']' });
  for (const piece of pieces) {
    if (!run.change) parts.push(new TextRun(piece));
    else if (run.change.type === 'added')
      parts.push(new InsertedTextRun({ ...piece, id: ids.next(), author: authorName(run), date }));
    else parts.push(new DeletedTextRun({ ...piece, id: ids.next(), author: authorName(run), date }));
  }
  return parts;
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

/** The paragraphs of a text (or redline) as Word paragraphs; a redline's changes are Word tracked changes. */
export function wordParagraphs(paragraphs: ExportParagraph[], ids: ChangeIds, date: string): Paragraph[] {
  return paragraphs.map((paragraph) => {
    const children = paragraph.runs.flatMap((run, i) =>
      wordRuns(run, paragraph.runs[i - 1], paragraph.runs[i + 1], ids, date),
    );
    const indent = { left: 360 * Math.max(0, paragraph.level) };
    switch (paragraph.kind) {
      case 'heading':
        return new Paragraph({
          heading: HEADINGS[Math.min(2, paragraph.level - 1)] ?? HeadingLevel.HEADING_3,
          children,
        });
      case 'label':
        return new Paragraph({ children, spacing: { before: 200 }, keepNext: true });
      case 'list-item':
        return new Paragraph({ children, bullet: { level: Math.min(8, Math.max(0, paragraph.level - 1)) } });
      case 'quote':
      case 'option-label':
        return new Paragraph({ children, indent: { left: 360 * Math.max(1, paragraph.level) } });
      case 'table-row':
        return new Paragraph({ children, alignment: AlignmentType.LEFT, indent });
      default:
        return new Paragraph({ children, indent });
    }
  });
}
