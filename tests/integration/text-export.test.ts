import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { closeDb, getDb } from '@/db/client';
import { downloadTextExport } from '@/server/http/export-routes';
import { seedDemoIfEmpty } from '@/server/services/demo-seed';
import { translatorFor } from '@/i18n/catalogues';
import { problemLine } from '@/i18n/problem';
import type { Problem } from '@/i18n/types';
import { signIn } from '../helpers/factories';
import { demoCycle, downloadPack } from '../helpers/review-pack';
import { wordDocumentXml, wordText } from '../helpers/exported-files';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compact-text-export-'));
process.env.DATABASE_PATH = path.join(dir, 'compact.db');
after(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function demo() {
  const db = getDb();
  await seedDemoIfEmpty(db.db);
  const { id } = db.sqlite.prepare('SELECT id FROM compacts LIMIT 1').get() as { id: string };
  return { compactId: id, cookie: await signIn(db, 'reviewer@secretariat.example', 'compact-demo') };
}

const download = (compactId: string, cookie: string | null, query: string, origin = 'http://localhost:3000') =>
  downloadTextExport(
    new Request(`http://localhost:3000/api/compacts/${compactId}/text-export?${query}`, {
      headers: { host: 'localhost:3000', origin, ...(cookie ? { cookie } : {}) },
    }),
    compactId,
  );

const exportEvents = (compactId: string) =>
  getDb()
    .sqlite.prepare("SELECT after FROM audit_events WHERE compact_id = ? AND action = 'text.exported'")
    .all(compactId) as { after: string }[];

test('the negotiation text exports to Markdown with provision citations, brackets by party and options', async () => {
  const { compactId, cookie } = await demo();
  const response = await download(compactId, cookie, 'format=md&view=negotiation');
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type')!, /^text\/markdown/);
  assert.match(
    response.headers.get('content-disposition')!,
    /attachment; filename="Strategic-Compact.*-negotiation\.md"/,
  );
  const markdown = await response.text();
  assert.match(markdown, /^# Strategic Compact for the UN Stabilization Mission in Aldoria\n/);
  assert.match(markdown, /\*\*OP 1 · Agreed\*\*/);
  assert.match(markdown, /\[ALD: \s?and to the principle of national ownership of the peace process\]/);
  assert.match(markdown, /> _Option proposed by UNSMA_/);
});

test('the clean text exports to Word without bracketed words, and with the chair’s pending options noted', async () => {
  const { compactId, cookie } = await demo();
  const response = await download(compactId, cookie, 'format=docx&view=clean');
  assert.equal(response.status, 200);
  const xml = await wordDocumentXml(await response.arrayBuffer());
  const text = wordText(xml);
  assert.ok(text.includes('Reaffirming their commitment to the sovereignty'), 'the provision is there');
  assert.ok(!text.includes('national ownership of the peace process'), 'its bracketed words are not');
  assert.ok(text.includes('options await the chair’s decision'), 'a provision with options says so');
  assert.ok(text.includes('OP 1 · Agreed'));
  const [event] = exportEvents(compactId).slice(-1);
  assert.deepEqual(Object.keys(JSON.parse(event!.after)).sort(), ['contentHash', 'format', 'view']);
  assert.equal(JSON.parse(event!.after).view, 'clean', 'who took which text out is in the audit log');
});

test('an export asked by another site is refused and records nothing', async () => {
  const { compactId, cookie } = await demo();
  const before = exportEvents(compactId).length;
  assert.equal((await download(compactId, cookie, 'format=md&view=clean', 'https://evil.example')).status, 403);
  assert.equal(exportEvents(compactId).length, before);
});

test('an export needs a member; bad parameters are refused with the parameter named', async () => {
  const { compactId, cookie } = await demo();
  assert.equal((await download(compactId, null, 'format=md&view=clean')).status, 401);
  const bad = await download(compactId, cookie, 'format=pdf&view=clean');
  assert.equal(bad.status, 400);
  assert.match(((await bad.json()) as { message: string }).message, /“format” must be one of: md, docx/);
  assert.equal((await download('no-such-compact', cookie, 'format=md&view=clean')).status, 404);
});

test('text exports take the person’s heavy-call turns: beyond them a request is refused (429) and records nothing', async () => {
  const { compactId, cookie } = await demo();
  const before = exportEvents(compactId).length;
  process.env.HEAVY_CALLS_PER_PERSON = '1';
  process.env.HEAVY_CALLS_QUEUED_PER_PERSON = '0';
  try {
    const responses = await Promise.all([1, 2, 3].map(() => download(compactId, cookie, 'format=docx&view=clean')));
    assert.deepEqual(responses.map((response) => response.status).sort(), [200, 429, 429]);
    assert.equal(exportEvents(compactId).length, before + 1, 'only the export made is recorded');
  } finally {
    delete process.env.HEAVY_CALLS_PER_PERSON;
    delete process.env.HEAVY_CALLS_QUEUED_PER_PERSON;
  }
});

test('a refused export answers in the request’s language, with its problem for the page (400, 404, 429, 503)', async () => {
  const { compactId, cookie } = await demo();
  const ask = (id: string, query: string, headers: Record<string, string>) =>
    downloadTextExport(
      new Request(`http://localhost:3000/api/compacts/${id}/text-export?${query}`, {
        headers: { host: 'localhost:3000', origin: 'http://localhost:3000', cookie, ...headers },
      }),
      id,
    );
  const answer = async (response: Response) => (await response.json()) as { message: string; problem: Problem };
  const fr = translatorFor('fr');

  const bad = await ask(compactId, 'format=pdf&view=clean', { 'accept-language': 'fr-FR,fr;q=0.9' });
  assert.equal(bad.status, 400);
  const badBody = await answer(bad);
  assert.equal(badBody.message, fr('errors.exportRoutes.mustOne', { name: 'format', values: 'md, docx' }));
  assert.match(badBody.message, /doit être l’une des valeurs/);
  assert.equal(badBody.problem.key, 'errors.exportRoutes.mustOne');

  // The language cookie wins over the browser's languages, as on every page.
  const missing = await ask('no-such-compact', 'format=md&view=clean', {
    cookie: `${cookie}; cw-locale=ar`,
    'accept-language': 'fr',
  });
  assert.equal(missing.status, 404);
  assert.equal((await answer(missing)).message, translatorFor('ar')('errors.compacts.noSuchCompact'));

  process.env.HEAVY_CALLS_PER_PERSON = '1';
  process.env.HEAVY_CALLS_QUEUED_PER_PERSON = '0';
  try {
    const responses = await Promise.all(
      [1, 2].map(() => ask(compactId, 'format=docx&view=clean', { 'accept-language': 'fr' })),
    );
    const refused = responses.find((response) => response.status === 429)!;
    assert.ok(refused.headers.get('retry-after'));
    const body = await answer(refused);
    assert.match(body.problem.key, /^errors\./);
    assert.equal(body.message, problemLine(fr, body.problem));
  } finally {
    delete process.env.HEAVY_CALLS_PER_PERSON;
    delete process.env.HEAVY_CALLS_QUEUED_PER_PERSON;
  }

  const { cycleId, cookie: reviewer } = await demoCycle();
  process.env.CHROMIUM_PATH = path.join(dir, 'no-chromium');
  try {
    const unavailable = await downloadPack(compactId, cycleId, reviewer, 'pdf', {
      headers: { 'accept-language': 'fr' },
    });
    assert.equal(unavailable.status, 503);
    assert.deepEqual(await answer(unavailable), {
      message: fr('errors.exportRoutes.pdfUnavailable'),
      problem: { key: 'errors.exportRoutes.pdfUnavailable' },
    });
  } finally {
    delete process.env.CHROMIUM_PATH;
  }
});
