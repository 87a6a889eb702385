import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import JSZip from 'jszip';
import { closeDb, getDb } from '@/db/client';
import { formatterFor, translatorFor } from '@/i18n/catalogues';
import { calendarDay } from '@/i18n/format';
import { downloadEvidence } from '@/server/http/evidence-routes';
import { downloadTextExport } from '@/server/http/export-routes';
import { setAccountLocale } from '@/server/services/account-locale';
import { seedDemoIfEmpty } from '@/server/services/demo-seed';
import { exportLabels } from '@/server/services/exports/export-labels';
import { closePdfPrinter } from '@/server/services/exports/pdf';
import { reviewPackHtml } from '@/server/services/exports/review-pack-html';
import { signIn } from '../helpers/factories';
import { wordDocumentXml, wordText } from '../helpers/exported-files';
import { demoCycle, downloadPack } from '../helpers/review-pack';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compact-export-languages-'));
process.env.DATABASE_PATH = path.join(dir, 'compact.db');
after(async () => {
  await closePdfPrinter();
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

const FRENCH_MONTH = '(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)';
/** A moment as a French reader reads it, in UTC: "12 octobre 2026 à 14:05 UTC". */
const FRENCH_MOMENT = `\\d{1,2} ${FRENCH_MONTH} \\d{4} à \\d{2}:\\d{2} UTC`;

async function demoCompact() {
  const handle = getDb();
  await seedDemoIfEmpty(handle.db);
  const { id } = handle.sqlite.prepare('SELECT id FROM compacts LIMIT 1').get() as { id: string };
  return { handle, compactId: id, cookie: await signIn(handle, 'reviewer@secretariat.example', 'compact-demo') };
}

const textExport = (compactId: string, cookie: string, query: string, headers: Record<string, string> = {}) =>
  downloadTextExport(
    new Request(`http://localhost:3000/api/compacts/${compactId}/text-export?${query}`, {
      headers: { host: 'localhost:3000', origin: 'http://localhost:3000', cookie, ...headers },
    }),
    compactId,
  );

const wordStylesXml = async (bytes: ArrayBuffer) =>
  (await (await JSZip.loadAsync(bytes)).file('word/styles.xml')?.async('string')) ?? '';

test('a French reader’s Markdown export has French labels and a French date, and keeps the text as written', async () => {
  const { compactId, cookie } = await demoCompact();
  const response = await textExport(compactId, `${cookie}; cw-locale=fr`, 'format=md&view=negotiation');
  assert.equal(response.status, 200);
  const markdown = await response.text();
  assert.match(markdown, new RegExp(`_Texte de négociation tel qu’enregistré le ${FRENCH_MOMENT}_`));
  assert.match(markdown, /> _Option proposée par UNSMA_/);
  assert.doesNotMatch(markdown, /Option proposed by|as stored on/);
  assert.match(markdown, /^# Strategic Compact for the UN Stabilization Mission in Aldoria\n/);
});

test('a reader whose browser asks for French gets the Word clean text with French labels', async () => {
  const { compactId, cookie } = await demoCompact();
  const response = await textExport(compactId, cookie, 'format=docx&view=clean', {
    'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5',
  });
  assert.equal(response.status, 200);
  const text = wordText(await wordDocumentXml(await response.arrayBuffer()));
  assert.match(text, new RegExp(`Texte au propre tel qu’enregistré le ${FRENCH_MOMENT}`));
  assert.ok(text.includes('options attendent la décision de la présidence'), text.slice(0, 400));
  assert.ok(!text.includes('await the chair’s decision'));
});

test('a French reviewer’s review pack has French headings, a French cut-off date and French percentages', async () => {
  const { compactId, cycleId, cookie, cutOff } = await demoCycle();
  const response = await downloadPack(compactId, cycleId, `${cookie}; cw-locale=fr`, 'docx');
  assert.equal(response.status, 200);
  const text = wordText(await wordDocumentXml(await response.arrayBuffer()));
  for (const section of [
    'Texte à la date butoir (au propre)',
    'Modifications depuis l’examen précédent',
    'Tableau de bord des indicateurs à la date butoir',
    'Extrait du journal d’audit',
  ])
    assert.ok(text.includes(section), section);
  assert.ok(text.includes(`date butoir ${calendarDay(formatterFor('fr'), cutOff)} (fin de journée, UTC)`));
  assert.match(text, new RegExp(`établi le ${FRENCH_MOMENT}`));
  assert.match(text, /en bonne voie ≥ \d+\u00a0% de la cible/, 'thresholds as French percentages');
  assert.match(text, /événements les plus récents sur \d+/);
  assert.ok(text.includes('review-cycle.opened'), 'audit actions stay record codes');
  assert.doesNotMatch(text, /Text as of the cut-off|Indicator scorecard|newest of/);
});

test('an Arabic reader’s pack of an Arabic text has Arabic labels, right-to-left paragraphs and both languages marked', async () => {
  const { compactId, cycleId, cookie } = await demoCycle('reviewer@secretariat.example', (id) => {
    const { sqlite } = getDb();
    sqlite.prepare("UPDATE compacts SET text_language = 'ar' WHERE id = ?").run(id);
    sqlite.prepare("UPDATE user SET locale = 'ar' WHERE email = 'reviewer@secretariat.example'").run();
  });
  try {
    // The account's language wins over the cookie.
    const response = await downloadPack(compactId, cycleId, `${cookie}; cw-locale=fr`, 'docx');
    assert.equal(response.status, 200);
    const bytes = await response.arrayBuffer();
    const xml = await wordDocumentXml(bytes);
    const text = wordText(xml);
    assert.ok(text.includes('النص في الموعد النهائي (نظيف)'), text.slice(0, 400));
    assert.ok(text.includes('مقتطف من سجل المراجعة'));
    assert.doesNotMatch(text, /[\u0660-\u0669]/, 'Latin digits, as in UN Arabic documents');
    assert.match(xml, /<w:bidi\/>/, 'right-to-left paragraphs');
    assert.match(xml, /<w:lang w:val="ar-SA" w:bidi="ar-SA"\/>/, 'labels in the reader’s language');
    assert.match(await wordStylesXml(bytes), /<w:lang w:val="ar-SA" w:bidi="ar-SA"\/>/, 'the text in its own');
  } finally {
    const { sqlite } = getDb();
    sqlite.prepare("UPDATE compacts SET text_language = 'en' WHERE id = ?").run(compactId);
    sqlite.prepare("UPDATE user SET locale = NULL WHERE email = 'reviewer@secretariat.example'").run();
  }
});

test('the printed pack is in the text’s language and direction, its headings and tables in the reader’s', () => {
  const labels = exportLabels('fr', 'ar');
  const html = reviewPackHtml({
    labels,
    compactTitle: 'الميثاق',
    cycleName: 'Examen annuel',
    cutOff: '2026-10-12',
    generatedAt: new Date('2026-10-13T09:30:00Z'),
    cleanText: [
      { kind: 'label', level: 0, runs: [{ text: `OP 1 · ${labels.stateName('agreed')}`, bold: true }] },
      { kind: 'body', level: 0, runs: [{ text: 'نص الحكم' }] },
    ],
    redline: {
      title: 'De A à B',
      summary: { caption: 'Dispositions modifiées', columns: ['Disposition'], rows: [] },
      paragraphs: [],
    },
    scorecard: { caption: 'Tableau', columns: ['Indicateur'], rows: [['I1']] },
    signOffs: { caption: 'Approbations', columns: ['Partie'], rows: [] },
    audit: { head: 'abc', events: 3, excerpt: null },
  });
  assert.match(html, /<html lang="ar" dir="rtl">/);
  assert.match(html, /<h2 lang="fr" dir="ltr">Texte à la date butoir \(au propre\)<\/h2>/);
  assert.match(html, /<p class="label" lang="fr" dir="auto">/);
  assert.match(html, /<p class="body" dir="auto">/);
  assert.match(html, /<table lang="fr" dir="ltr">/);
  assert.ok(html.includes('date butoir 12 octobre 2026 (fin de journée, UTC) — établi le 13 octobre 2026 à 09:30 UTC'));
  assert.ok(html.includes('comptait 3 événements'));
  assert.ok(html.includes('Dispositions modifiées\u00a0: néant.'));
});

test('a route’s refusal reads in the language the account chose, over the browser’s', async () => {
  const { handle, compactId } = await demoCompact();
  const cookie = await signIn(handle, 'monitor@mission.example', 'compact-demo');
  const [monitor] = handle.sqlite.prepare("SELECT id FROM user WHERE email = 'monitor@mission.example'").all() as {
    id: string;
  }[];
  setAccountLocale(handle.db, { userId: monitor!.id }, 'fr');
  const response = await downloadEvidence(
    new Request(`http://localhost:3000/api/compacts/${compactId}/evidence/no-such-file`, {
      headers: { host: 'localhost:3000', cookie, 'accept-language': 'en-GB,en;q=0.9' },
    }),
    compactId,
    'no-such-file',
  );
  assert.equal(response.status, 404);
  const answer = (await response.json()) as { message: string; problem: { key: string } };
  assert.equal(answer.problem.key, 'errors.evidence.noSuchFile');
  assert.equal(answer.message, translatorFor('fr')('errors.evidence.noSuchFile'));
});
