import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { closeDb, getDb } from '@/db/client';
import { publishedHeads } from '@/server/services/audit-heads';
import { closePdfPrinter } from '@/server/services/exports/pdf';
import { signIn } from '../helpers/factories';
import { demoCycle, downloadPack } from '../helpers/review-pack';
import { pdfText, trackedChanges, wordDocumentXml, wordText } from '../helpers/exported-files';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compact-review-pack-'));
process.env.DATABASE_PATH = path.join(dir, 'compact.db');
after(async () => {
  await closePdfPrinter();
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

const download = (compactId: string, cycleId: string, cookie: string, format: string, origin?: string) =>
  downloadPack(compactId, cycleId, cookie, format, { origin });

const newestHash = (handle: ReturnType<typeof getDb>, compactId: string) =>
  (
    handle.sqlite
      .prepare('SELECT hash FROM audit_events WHERE compact_id = ? ORDER BY id DESC LIMIT 1')
      .get(compactId) as {
      hash: string;
    }
  ).hash;

test('the Word review pack holds the clean text, the redline as Word tracked changes by party and person, the scorecard, the sign-offs and the head it publishes', async () => {
  const { handle, compactId, cycleId, cookie } = await demoCycle();
  const headBefore = newestHash(handle, compactId);
  const response = await download(compactId, cycleId, cookie, 'docx');
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-disposition')!, /review-pack-Annual-review-/);
  const xml = await wordDocumentXml(await response.arrayBuffer());
  const text = wordText(xml);
  for (const section of [
    'Text as of the cut-off (clean)',
    'Changes since the previous review',
    'Indicator scorecard at the cut-off',
    'Sign-offs',
    'Audit excerpt',
  ])
    assert.ok(text.includes(section), section);
  assert.ok(text.includes('OP 1 · Agreed'), 'the provisions, cited');

  const changes = trackedChanges(xml);
  const inserted = (author: string, words: string) =>
    changes.some((change) => change.type === 'ins' && change.author === author && change.text.includes(words));
  assert.ok(
    inserted('Jonas Mbeki (ALD)', 'national ownership of the peace process'),
    JSON.stringify(changes.slice(0, 5)),
  );
  assert.ok(inserted('Piotr Varga (VAR)', 'within 24 hours'));
  assert.ok(changes.some((change) => change.author === 'Claire Fontaine (UNSMA)'));

  assert.ok(text.includes('Signed another text'), 'the Mission signed the zero draft, not this text');
  assert.ok(text.includes('Not signed'));
  assert.ok(text.includes(headBefore), 'the pack carries the chain’s head');
  const [published] = publishedHeads(handle.sqlite, compactId);
  assert.equal(published?.head, headBefore, 'and the chain records that it published it');
});

test('the PDF review pack prints the same sections and the head hash', async () => {
  const { handle, compactId, cycleId, cookie } = await demoCycle();
  const headBefore = newestHash(handle, compactId);
  const response = await download(compactId, cycleId, cookie, 'pdf');
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/pdf');
  // pdf.js splits lines and words into items as the page lays them out: compare without spaces.
  const text = (await pdfText(new Uint8Array(await response.arrayBuffer()))).replace(/\s+/g, '');
  for (const words of ['Indicator scorecard at the cut-off', 'Sign-offs', 'Audit excerpt', 'Signed another text'])
    assert.ok(text.includes(words.replace(/\s+/g, '')), `${words} in ${text.slice(0, 400)}`);
  assert.ok(text.includes(headBefore), 'the head hash is printed');
});

test('a review pack from another site is refused and publishes nothing', async () => {
  const { handle, compactId, cycleId, cookie } = await demoCycle();
  const events = () => (handle.sqlite.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n;
  const before = events();
  const response = await download(compactId, cycleId, cookie, 'docx', 'https://evil.example');
  assert.equal(response.status, 403);
  assert.equal(events(), before);
});

test('a pack made by a member who may not read the audit log carries the head but not the events', async () => {
  const { handle, compactId, cycleId, cookie } = await demoCycle();
  const headBefore = newestHash(handle, compactId);
  const negotiator = await signIn(handle, 'negotiator@varenia.example', 'compact-demo');
  const text = async (who: string) => {
    const response = await download(compactId, cycleId, who, 'docx');
    assert.equal(response.status, 200);
    return wordText(await wordDocumentXml(await response.arrayBuffer()));
  };
  const negotiators = await text(negotiator);
  assert.ok(negotiators.includes(headBefore), 'the head is published to every reader');
  assert.ok(!negotiators.includes('review-cycle.opened'), 'no event of the audit log');
  assert.ok(!negotiators.includes('newest of'), 'no excerpt table');
  assert.ok(negotiators.includes('administrators and reviewers'), 'it says where the events are');
  assert.ok((await text(cookie)).includes('review-cycle.opened'), 'the reviewer’s pack lists them');
});

test('review packs take the person’s heavy-call turns: beyond them a request is refused (429) and publishes nothing', async () => {
  const { handle, compactId, cycleId, cookie } = await demoCycle();
  const events = () =>
    (
      handle.sqlite.prepare('SELECT count(*) AS n FROM audit_events WHERE compact_id = ?').get(compactId) as {
        n: number;
      }
    ).n;
  const before = events();
  process.env.HEAVY_CALLS_PER_PERSON = '1';
  process.env.HEAVY_CALLS_QUEUED_PER_PERSON = '0';
  try {
    const responses = await Promise.all([1, 2, 3].map(() => download(compactId, cycleId, cookie, 'docx')));
    const statuses = responses.map((response) => response.status).sort();
    assert.deepEqual(statuses, [200, 429, 429]);
    const refused = responses.find((response) => response.status === 429)!;
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    assert.equal(events(), before + 1, 'only the pack made is recorded');
  } finally {
    delete process.env.HEAVY_CALLS_PER_PERSON;
    delete process.env.HEAVY_CALLS_QUEUED_PER_PERSON;
  }
});
