import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { closeDb, getDb } from '@/db/client';
import { downloadEvidence, uploadEvidence } from '@/server/http/evidence-routes';
import { MAX_EVIDENCE_FILES } from '@/server/services/framework/evidence';
import { buildCompact, buildParty, memberWithRole } from '../helpers/factories';
import { buildIndicator, configureQuarters, draftBy } from '../helpers/framework-fixtures';
import { countRows } from '../helpers/test-db';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compact-evidence-'));
process.env.DATABASE_PATH = path.join(dir, 'compact.db');

type Member = Awaited<ReturnType<typeof memberWithRole>>;
let compactId: string;
let updateId: string;
let monitor: Member;
let reviewer: Member;
let outsider: Member;
let partyId: string;
let periodId: string;

before(async () => {
  const db = getDb();
  compactId = buildCompact(db).id;
  partyId = buildParty(db).id;
  monitor = await memberWithRole(db, compactId, 'monitor', partyId);
  reviewer = await memberWithRole(db, compactId, 'reviewer');
  outsider = await memberWithRole(db, buildCompact(db).id, 'monitor', partyId);
  const [period] = configureQuarters(db, compactId);
  const indicator = buildIndicator(db, compactId, partyId);
  periodId = period!.id;
  updateId = draftBy(db, { userId: monitor.id, partyId }, compactId, indicator.id, periodId).id;
});
after(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A multipart upload as a browser sends it (with its Content-Length). */
async function upload(cookie: string, name: string, bytes: Uint8Array, id = updateId) {
  const form = new FormData();
  form.set('file', new File([Buffer.from(bytes)], name));
  const encoded = new Response(form);
  const body = await encoded.arrayBuffer();
  const headers = {
    cookie,
    host: 'localhost:3000',
    origin: 'http://localhost:3000',
    'content-type': encoded.headers.get('content-type')!,
    'content-length': String(body.byteLength),
  };
  return uploadEvidence(
    new Request(`http://localhost:3000/api/compacts/${compactId}/evidence?updateId=${id}`, {
      method: 'POST',
      headers,
      body,
    }),
    compactId,
  );
}

const PDF = new TextEncoder().encode('%PDF-1.4\n% demo evidence\n');

test('a monitor attaches a PDF; members download it as an attachment; non-members get 404', async () => {
  const response = await upload(monitor.cookie, 'poc-report.pdf', PDF);
  assert.equal(response.status, 201);
  const { id } = (await response.json()) as { id: string };
  const download = await downloadEvidence(
    new Request(`http://localhost:3000/api/compacts/${compactId}/evidence/${id}`, {
      headers: { cookie: reviewer.cookie, host: 'localhost:3000' },
    }),
    compactId,
    id,
  );
  assert.equal(download.status, 200);
  assert.match(download.headers.get('content-disposition')!, /^attachment/);
  assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
  assert.deepEqual(new Uint8Array(await download.arrayBuffer()), PDF);
  const stranger = await downloadEvidence(
    new Request(`http://localhost:3000/api/compacts/${compactId}/evidence/${id}`, {
      headers: { cookie: outsider.cookie, host: 'localhost:3000' },
    }),
    compactId,
    id,
  );
  assert.equal(stranger.status, 404);
});

test('wrong types, disguised files, oversized files and other roles are refused and store nothing', async () => {
  const before = countRows(getDb(), 'evidence_files');
  assert.equal((await upload(monitor.cookie, 'script.exe', new Uint8Array([77, 90]))).status, 400);
  assert.equal(
    (await upload(monitor.cookie, 'fake.pdf', new TextEncoder().encode('<html>not a pdf</html>'))).status,
    400,
  );
  assert.equal((await upload(monitor.cookie, 'huge.txt', new Uint8Array(10 * 1024 * 1024 + 1))).status, 400);
  assert.equal((await upload(reviewer.cookie, 'report.pdf', PDF)).status, 403);
  assert.equal((await upload(outsider.cookie, 'report.pdf', PDF)).status, 404);
  const chunked = new Request(`http://localhost:3000/api/compacts/${compactId}/evidence?updateId=${updateId}`, {
    method: 'POST',
    headers: { cookie: monitor.cookie, host: 'localhost:3000', origin: 'http://localhost:3000' },
    body: new FormData(),
  });
  assert.equal(
    (await uploadEvidence(chunked, compactId)).status,
    400,
    'an upload without a length is refused before it is read',
  );
  assert.equal(countRows(getDb(), 'evidence_files'), before);
});

test('an update holds at most MAX_EVIDENCE_FILES files: one more is refused and stores nothing, on disk or in the database', async () => {
  const db = getDb();
  const indicator = buildIndicator(db, compactId, partyId);
  const draft = draftBy(db, { userId: monitor.id, partyId }, compactId, indicator.id, periodId).id;
  const text = new TextEncoder().encode('minutes');
  for (let i = 0; i < MAX_EVIDENCE_FILES; i++)
    assert.equal((await upload(monitor.cookie, `minutes-${i}.txt`, text, draft)).status, 201);
  const folder = path.join(dir, 'evidence', compactId);
  const onDisk = fs.readdirSync(folder).length;
  const rows = countRows(db, 'evidence_files');
  const events = countRows(db, 'audit_events');
  const refused = await upload(monitor.cookie, 'one-more.txt', text, draft);
  assert.equal(refused.status, 400);
  assert.match(((await refused.json()) as { message: string }).message, /at most/);
  assert.equal(fs.readdirSync(folder).length, onDisk, 'no file on disk');
  assert.equal(countRows(db, 'evidence_files'), rows);
  assert.equal(countRows(db, 'audit_events'), events);
});
