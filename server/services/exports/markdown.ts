import 'server-only';
import type { RunWords } from './export-labels';
import type { ExportParagraph, ExportRun } from './export-model';

const escape = (text: string) => text.replace(/([\\`*_[\]{}<>#|~])/g, '\\$1');

function formatted(run: ExportRun): string {
  let text = escape(run.text).replace(/\n/g, '  \n');
  if (!text.trim()) return text;
  if (run.bold) text = `**${text}**`;
  if (run.italic) text = `_${text}_`;
  if (run.strike) text = `~~${text}~~`;
  return text;
}

/** Runs as Markdown: brackets as `[ALD: …]`, a redline's changes as CriticMarkup (`{++ … ++}`, `{-- … --}`). */
function inline(runs: ExportRun[], words: RunWords): string {
  let out = '';
  let openBracket: string | undefined;
  for (const run of runs) {
    if (run.bracket !== openBracket) {
      if (openBracket !== undefined) out += ']';
      if (run.bracket !== undefined) out += `[${run.bracket}: `;
      openBracket = run.bracket;
    }
    const text = formatted(run);
    if (run.change) {
      const who = words.author(run.change.author);
      out +=
        run.change.type === 'added'
          ? `{++${text}++}{>>${words.inserted} (${who})<<}`
          : `{--${text}--}{>>${words.removed} (${who})<<}`;
    } else out += text;
  }
  if (openBracket !== undefined) out += ']';
  return out;
}

function line(paragraph: ExportParagraph, words: RunWords): string {
  const text = inline(paragraph.runs, words);
  const indent = '  '.repeat(Math.max(0, paragraph.level - 1));
  switch (paragraph.kind) {
    case 'heading':
      return `${'#'.repeat(Math.min(6, paragraph.level + 1))} ${text}`;
    case 'label':
      return text;
    case 'list-item':
      return `${indent}- ${text}`;
    case 'quote':
    case 'option-label':
      return `${'> '.repeat(Math.max(1, paragraph.level))}${text}`;
    case 'table-row':
      return `| ${text} |`;
    default:
      return paragraph.level > 0 ? `${'> '.repeat(paragraph.level)}${text}` : text;
  }
}

/** A text (or redline) as a Markdown document: a title, a subtitle line (in italics), the text. */
export function toMarkdown(title: string, subtitle: string, paragraphs: ExportParagraph[], words: RunWords): string {
  const body = paragraphs.map((paragraph) => line(paragraph, words)).join('\n\n');
  return `# ${escape(title)}\n\n_${escape(subtitle)}_\n\n${body}\n`;
}
