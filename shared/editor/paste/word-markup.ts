/**
 * What a paste can bring that the compact text cannot hold: left out, and the person told so.
 * - images: pictures, drawings and shapes, embedded media;
 * - textBoxes: Word text boxes (floating, outside the flow of the text);
 * - comments: Word's review comments (their text would otherwise land at the end of the paste);
 * - links: the text is kept, the link is not;
 * - headingsAsText: headings pasted where a section cannot start (inside a table, an option or a list) stay as bold text.
 */
export type PasteLoss = 'images' | 'textBoxes' | 'comments' | 'links' | 'headingsAsText';

/** The largest pasted HTML cleaned up; anything larger is handed on as it is (ProseMirror still fits it to the schema). */
export const MAX_CLEANED_HTML_CHARS = 5_000_000;

/** Whether pasted HTML comes from Microsoft Word (or Outlook), which writes its own dialect. */
export function isWordHtml(html: string): boolean {
  return /urn:schemas-microsoft-com:office|class="?Mso|mso-list|<o:p>/i.test(html);
}

const LOSS_PATTERNS: [PasteLoss, RegExp][] = [
  [
    'images',
    /<(img|picture|video|audio|iframe|object|embed|svg|canvas)\b|<v:imagedata\b|<v:(shape|rect|oval|line|polyline|roundrect|arc|curve)\b(?![^>]*>\s*<v:(imagedata|textbox)\b)/i,
  ],
  ['textBoxes', /<v:textbox\b|<w:txbxContent\b/i],
  ['comments', /mso-element:\s*comment-list|class="?msocomanchor|class="?MsoCommentReference|mso-comment-reference/i],
  ['links', /<a\b[^>]*\bhref\s*=\s*["']?(?!#)[^"'\s>]/i],
];

/** What of the schema-foreign content this pasted HTML carries (found on the raw HTML, before any cleaning). */
export function pasteLossesIn(html: string): Set<PasteLoss> {
  const losses = new Set<PasteLoss>();
  for (const [loss, pattern] of LOSS_PATTERNS) if (pattern.test(html)) losses.add(loss);
  return losses;
}

/**
 * Word's markup that carries nothing for the compact text, removed as text before the HTML is
 * parsed: conditional comments (`<!--[if gte vml 1]>…<![endif]-->`, holding drawings and
 * Office-only XML), the markers of downlevel-revealed blocks (`<![if !supportLists]>` — their
 * content stays: it is the list marker, read later), `<xml>`, `<style>` and `<head>` blocks, and
 * Office namespace tags (`<o:p>`, `<v:…>`, `<w:…>`, `<m:…>`; the text of `<o:p>` is dropped).
 */
export function stripWordMarkup(html: string): string {
  return html
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<!\[if[^\]]*\]>|<!\[endif\]>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(xml|style|head)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<o:p\b[^>]*>[\s\S]*?<\/o:p\s*>/gi, '')
    .replace(/<\/?(o|v|w|m):[a-z][\w-]*\b[^>]*>/gi, '');
}

/** A Word list paragraph's place: `mso-list:l0 level2 lfo1` → list `l0`, level 2. */
export function parseMsoList(style: string | null): { list: string; level: number } | null {
  const match = /mso-list:\s*(l\d+)\s+level(\d+)/i.exec(style ?? '');
  return match ? { list: match[1]!.toLowerCase(), level: Math.max(1, Number(match[2])) } : null;
}

/** Whether a Word list marker ("1.", "a)", "(iv)", "·", "o", "§") numbers its items. */
export function isOrderedMarker(marker: string): boolean {
  const text = marker.replace(/[\s\u00a0]+/g, '');
  return /^\(?(\d+|[a-z]|[ivxlcdm]+)(\.\d+)*[.)]?$/i.test(text) && !/^o$/i.test(text);
}
