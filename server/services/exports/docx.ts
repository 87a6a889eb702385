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
import type { ExportLabels } from './export-labels';
import type { ExportParagraph, ExportParagraphKind, ExportRun } from './export-model';

/** What Word needs from the labels: change authors, and the languages of labels and text. */
export type WordLabels = Pick<ExportLabels, 'author' | 'reader' | 'text'>;

const WORD_TAGS: Record<string, string> = {
  en: 'en-GB',
  fr: 'fr-FR',
  ar: 'ar-SA',
  zh: 'zh-CN',
  ru: 'ru-RU',
  es: 'es-ES',
};

/** A language as Word marks it on runs (spelling, fonts, and for Arabic the complex-script language). */
export function wordLanguage(lang: string) {
  const tag = WORD_TAGS[lang] ?? lang;
  return { value: tag, bidirectional: tag, ...(lang === 'zh' ? { eastAsia: tag } : {}) };
}

/** The document's defaults: its runs are in the compact text's language. */
export const wordStyles = (labels: WordLabels) => ({
  default: { document: { run: { language: wordLanguage(labels.text.lang), rightToLeft: labels.text.dir === 'rtl' } } },
});

/** A paragraph of the reader's words (a title line, a caption): in the reader's language and direction. */
export function labelParagraph(labels: WordLabels, text: string, options: { italics?: boolean; bold?: boolean } = {}) {
  const rtl = labels.reader.dir === 'rtl';
  return new Paragraph({
    bidirectional: rtl,
    children: [new TextRun({ text, ...options, language: wordLanguage(labels.reader.lang), rightToLeft: rtl })],
  });
}

/** The paragraphs the export writes in the reader's words, not the text's. */
const LABEL_KINDS: ReadonlySet<ExportParagraphKind> = new Set(['label', 'option-label']);

/** Tracked-change ids: unique within one document. */
export interface ChangeIds {
  next(): number;
}

export const changeIds = (): ChangeIds => {
  let id = 0;
  return { next: () => ++id };
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
  labels: WordLabels,
  label: boolean,
): ParagraphChild[] {
  const parts: ParagraphChild[] = [];
  const opens = run.bracket !== undefined && previous?.bracket !== run.bracket;
  const closes = run.bracket !== undefined && next?.bracket !== run.bracket;
  const pieces: IRunOptions[] = [];
  if (opens) pieces.push({ text: '[' }, { text: run.bracket, superScript: true, bold: true });
  pieces.push(runOptions(run, run.text));
  if (closes) pieces.push({ text: ']' });
  // Who Word shows as the author of a tracked change: the person and the party code.
  const author = run.change ? labels.author(run.change.author) : '';
  const language = label
    ? { language: wordLanguage(labels.reader.lang), rightToLeft: labels.reader.dir === 'rtl' }
    : {};
  for (const options of pieces) {
    const piece = { ...options, ...language };
    if (!run.change) parts.push(new TextRun(piece));
    else if (run.change.type === 'added') parts.push(new InsertedTextRun({ ...piece, id: ids.next(), author, date }));
    else parts.push(new DeletedTextRun({ ...piece, id: ids.next(), author, date }));
  }
  return parts;
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

/**
 * The paragraphs of a text (or redline) as Word paragraphs; a redline's changes are Word tracked
 * changes. The text reads in its own direction; label lines are in the reader's language.
 */
export function wordParagraphs(
  paragraphs: ExportParagraph[],
  ids: ChangeIds,
  date: string,
  labels: WordLabels,
): Paragraph[] {
  return paragraphs.map((paragraph) => {
    const label = LABEL_KINDS.has(paragraph.kind);
    const children = paragraph.runs.flatMap((run, i) =>
      wordRuns(run, paragraph.runs[i - 1], paragraph.runs[i + 1], ids, date, labels, label),
    );
    const bidirectional = (label ? labels.reader.dir : labels.text.dir) === 'rtl';
    const indent = { left: 360 * Math.max(0, paragraph.level) };
    switch (paragraph.kind) {
      case 'heading':
        return new Paragraph({
          heading: HEADINGS[Math.min(2, paragraph.level - 1)] ?? HeadingLevel.HEADING_3,
          children,
          bidirectional,
        });
      case 'label':
        return new Paragraph({ children, spacing: { before: 200 }, keepNext: true, bidirectional });
      case 'list-item':
        return new Paragraph({
          children,
          bullet: { level: Math.min(8, Math.max(0, paragraph.level - 1)) },
          bidirectional,
        });
      case 'quote':
      case 'option-label':
        return new Paragraph({ children, indent: { left: 360 * Math.max(1, paragraph.level) }, bidirectional });
      case 'table-row':
        return new Paragraph({
          children,
          alignment: bidirectional ? undefined : AlignmentType.LEFT,
          indent,
          bidirectional,
        });
      default:
        return new Paragraph({ children, indent, bidirectional });
    }
  });
}
