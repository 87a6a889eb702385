import JSZip from 'jszip';

/** The body of a Word file: `word/document.xml` read directly (text extractors drop tracked deletions). */
export async function wordDocumentXml(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('not a Word document: no word/document.xml');
  return xml;
}

/** The visible text of a Word body: every `w:t` (kept text and insertions), in order. */
export const wordText = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');

/** Tracked insertions and deletions of a Word body, with their authors and texts. */
export function trackedChanges(xml: string): Array<{ type: 'ins' | 'del'; author: string; text: string }> {
  return [...xml.matchAll(/<w:(ins|del) [^>]*w:author="([^"]*)"[^>]*>([\s\S]*?)<\/w:\1>/g)].map((match) => ({
    type: match[1] as 'ins' | 'del',
    author: match[2]!,
    text: [...match[3]!.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map((m) => m[1]).join(''),
  }));
}

/** The text of a PDF, page by page, as pdf.js reads it. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return pages.join('\n');
}
