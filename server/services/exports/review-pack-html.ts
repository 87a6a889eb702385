import 'server-only';
import { escapeHtml, htmlParagraphs } from './html';
import {
  EXCERPT_WITHHELD,
  headStatement,
  PACK_SECTIONS,
  packSubtitle,
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

function htmlTable(table: PackTable): string {
  if (table.rows.length === 0) return `<p><em>${escapeHtml(table.caption)}: none.</em></p>`;
  const cells = (row: string[], tag: 'th' | 'td') =>
    row.map((cell) => `<${tag} dir="auto">${escapeHtml(cell)}</${tag}>`).join('');
  return `<table><caption>${escapeHtml(table.caption)}</caption><thead><tr>${cells(table.columns, 'th')}</tr></thead><tbody>${table.rows
    .map((row) => `<tr>${cells(row, 'td')}</tr>`)
    .join('')}</tbody></table>`;
}

/** The review pack as one HTML document, for Chromium to print (pdf.ts). */
export function reviewPackHtml(data: ReviewPackData, lang = 'en'): string {
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(
    `${data.compactTitle} — ${data.cycleName}`,
  )}</title><style>${STYLE}</style></head><body>
<h1 dir="auto">${escapeHtml(data.compactTitle)}</h1>
<p class="subtitle" dir="auto">${escapeHtml(packSubtitle(data))}</p>
<p class="hash">${escapeHtml(headStatement(data))}</p>
<h2>${PACK_SECTIONS.clean}</h2>
${htmlParagraphs(data.cleanText)}
<h2>${PACK_SECTIONS.redline}</h2>
<p class="subtitle" dir="auto">${escapeHtml(data.redline.title)}</p>
${htmlTable(data.redline.summary)}
${htmlParagraphs(data.redline.paragraphs)}
<h2>${PACK_SECTIONS.scorecard}</h2>
${htmlTable(data.scorecard)}
<h2>${PACK_SECTIONS.signOffs}</h2>
${htmlTable(data.signOffs)}
<h2>${PACK_SECTIONS.audit}</h2>
<p class="hash">${escapeHtml(headStatement(data))}</p>
${data.audit.excerpt ? htmlTable(data.audit.excerpt) : `<p><em>${escapeHtml(EXCERPT_WITHHELD)}</em></p>`}
</body></html>`;
}
