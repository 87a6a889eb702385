import 'server-only';
import { escapeHtml, htmlParagraphs } from './html';
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

const STYLE = `
  body { font-family: "DejaVu Sans", "Noto Sans", "Noto Naskh Arabic", sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111; }
  h1 { font-size: 18pt; margin: 0 0 4pt; } h2 { font-size: 14pt; margin: 18pt 0 6pt; break-before: page; }
  h3, h4 { font-size: 12pt; margin: 10pt 0 4pt; }
  p { margin: 0 0 5pt; unicode-bidi: plaintext; } p.label { font-weight: 700; margin-top: 9pt; break-after: avoid; }
  p.option-label, p.quote { color: #444; }
  ins { color: #0b5a2a; text-decoration: underline; } del { color: #8a1c12; text-decoration: line-through; }
  sup { font-size: 6.5pt; font-weight: 700; } .subtitle { color: #555; font-style: italic; }
  table { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt; font-size: 9pt; }
  th, td { border: 0.5pt solid #999; padding: 3pt 4pt; text-align: start; vertical-align: top; unicode-bidi: plaintext; }
  th { background: #eee; } caption { text-align: start; font-style: italic; margin-bottom: 3pt; }
  .hash { font-family: "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
`;

/** The attributes of an element in the reader's words: their language and direction. */
const readerAttributes = (labels: ExportLabels) => `lang="${labels.reader.lang}" dir="${labels.reader.dir}"`;

function htmlTable(labels: ExportLabels, table: PackTable): string {
  const reader = readerAttributes(labels);
  if (table.rows.length === 0) return `<p ${reader}><em>${escapeHtml(emptyTable(labels, table))}</em></p>`;
  const cells = (row: string[], tag: 'th' | 'td') =>
    row.map((cell) => `<${tag} dir="auto">${escapeHtml(cell)}</${tag}>`).join('');
  return `<table ${reader}><caption>${escapeHtml(table.caption)}</caption><thead><tr>${cells(table.columns, 'th')}</tr></thead><tbody>${table.rows
    .map((row) => `<tr>${cells(row, 'td')}</tr>`)
    .join('')}</tbody></table>`;
}

/**
 * The review pack as one HTML document, for Chromium to print (pdf.ts). The document is in the
 * compact text's language and direction; headings, captions and statements carry the reader's.
 */
export function reviewPackHtml(data: ReviewPackData): string {
  const { labels } = data;
  const reader = readerAttributes(labels);
  const heading = (section: PackSection) => `<h2 ${reader}>${escapeHtml(sectionTitle(data, section))}</h2>`;
  const head = `<p class="hash" ${reader}>${escapeHtml(headStatement(data))}</p>`;
  return `<!doctype html><html lang="${labels.text.lang}" dir="${labels.text.dir}"><head><meta charset="utf-8"><title>${escapeHtml(
    `${data.compactTitle} — ${data.cycleName}`,
  )}</title><style>${STYLE}</style></head><body>
<h1 dir="auto">${escapeHtml(data.compactTitle)}</h1>
<p class="subtitle" ${reader}>${escapeHtml(packSubtitle(data))}</p>
${head}
${heading('clean')}
${htmlParagraphs(data.cleanText, labels)}
${heading('redline')}
<p class="subtitle" ${reader}>${escapeHtml(data.redline.title)}</p>
${htmlTable(labels, data.redline.summary)}
${htmlParagraphs(data.redline.paragraphs, labels)}
${heading('scorecard')}
${htmlTable(labels, data.scorecard)}
${heading('signOffs')}
${htmlTable(labels, data.signOffs)}
${heading('audit')}
${head}
${data.audit.excerpt ? htmlTable(labels, data.audit.excerpt) : `<p ${reader}><em>${escapeHtml(excerptWithheld(data))}</em></p>`}
</body></html>`;
}
