import 'server-only';
import type { ExportLabels } from './export-labels';
import type { ExportParagraph, ExportRun } from './export-model';

/** What the HTML needs from the labels: change authors, and the reader's language for label lines. */
export type HtmlLabels = Pick<ExportLabels, 'author' | 'reader'>;

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function runHtml(
  run: ExportRun,
  previous: ExportRun | undefined,
  next: ExportRun | undefined,
  labels: HtmlLabels,
): string {
  let html = escapeHtml(run.text).replace(/\n/g, '<br>');
  if (run.bold) html = `<strong>${html}</strong>`;
  if (run.italic) html = `<em>${html}</em>`;
  if (run.underline) html = `<u>${html}</u>`;
  if (run.strike) html = `<s>${html}</s>`;
  if (run.bracket !== undefined && previous?.bracket !== run.bracket)
    html = `[<sup class="party">${escapeHtml(run.bracket)}</sup>${html}`;
  if (run.bracket !== undefined && next?.bracket !== run.bracket) html = `${html}]`;
  if (run.change) {
    const author = run.change.author;
    const who = labels.author(author);
    const tag = run.change.type === 'added' ? 'ins' : 'del';
    html = `<${tag} title="${escapeHtml(who)}">${html}<sup class="who">${escapeHtml(author.partyCode ?? 'SYS')}</sup></${tag}>`;
  }
  return html;
}

/**
 * A text (or redline) as HTML blocks for the PDF: each paragraph reads in its own direction (bidi
 * plaintext); label lines ("OP 3 · Agreed", "Option proposed by …") are in the reader's language.
 */
export function htmlParagraphs(paragraphs: ExportParagraph[], labels: HtmlLabels): string {
  return paragraphs
    .map((paragraph) => {
      const inner = paragraph.runs
        .map((run, i) => runHtml(run, paragraph.runs[i - 1], paragraph.runs[i + 1], labels))
        .join('');
      const indent = paragraph.level > 0 ? ` style="margin-inline-start:${paragraph.level * 1.5}em"` : '';
      if (paragraph.kind === 'heading') {
        const level = Math.min(4, paragraph.level + 1);
        return `<h${level} dir="auto">${inner}</h${level}>`;
      }
      const lang =
        paragraph.kind === 'label' || paragraph.kind === 'option-label' ? ` lang="${labels.reader.lang}"` : '';
      return `<p class="${paragraph.kind}"${lang} dir="auto"${indent}>${inner}</p>`;
    })
    .join('\n');
}
