import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { closePdfPrinter, htmlToPdf } from '@/server/services/exports/pdf';
import { pdfText } from '../helpers/exported-files';

after(() => closePdfPrinter());

/** Arabic as pdf.js reads it back from a printed page: glyphs in visual order (right to left), shaped forms. */
const logicalArabic = (visual: string) => [...visual.replace(/\s+/g, '').normalize('NFKC')].reverse().join('');

test('the PDF printer shapes Arabic and lays it out right to left, beside English and French', async () => {
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>
    body { font-family: "DejaVu Sans", "Noto Sans", sans-serif } p { unicode-bidi: plaintext }
  </style></head><body>
  <p dir="auto">The parties meet.</p>
  <p dir="auto">Les parties se réunissent à Bangui.</p>
  <p dir="auto">تجتمع الأطراف في الخرطوم</p>
  </body></html>`;
  const text = await pdfText(await htmlToPdf(html));
  assert.ok(text.includes('The parties meet.'), text);
  assert.ok(text.includes('Les parties se réunissent à Bangui.'), text);
  // Shaped: the letters print in their joined forms (an initial teh, a medial jeem), not isolated ones.
  assert.ok(text.includes('\uFE97') && text.includes('\uFEA0'), `contextual forms in ${JSON.stringify(text)}`);
  // Right to left: read back in visual order, each word reverses into its logical spelling.
  const arabic = logicalArabic(text.slice(text.indexOf('Bangui.') + 'Bangui.'.length));
  assert.ok(arabic.includes('تجتمع') && arabic.includes('الخرطوم'), arabic);
});

test('a page may fetch nothing: a remote image in the HTML is never requested', async () => {
  let requested = false;
  const server = (await import('node:http')).createServer((_request, response) => {
    requested = true;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  try {
    const pdf = await htmlToPdf(`<p>Hello</p><img src="http://127.0.0.1:${port}/tracker.png">`);
    assert.ok(pdf.length > 0);
    assert.equal(requested, false);
  } finally {
    server.close();
  }
});
