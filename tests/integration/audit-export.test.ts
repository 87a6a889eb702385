import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { closeDb, getDb } from '@/db/client';
import { downloadAuditLog } from '@/server/http/audit-routes';
import { recordAuditEvents } from '@/server/services/audit';
import { buildCompact, memberWithRole } from '../helpers/factories';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compact-audit-export-'));
process.env.DATABASE_PATH = path.join(dir, 'compact.db');
after(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

const download = (compactId: string, cookie: string) =>
  downloadAuditLog(
    new Request(`http://localhost:3000/api/compacts/${compactId}/audit-log`, {
      headers: { cookie, host: 'localhost:3000' },
    }),
    compactId,
  );

const verify = (...args: string[]) =>
  promisify(execFile)(process.execPath, [
    '--import',
    './scripts/server-runtime.mjs',
    'scripts/audit-verify.ts',
    ...args,
  ])
    .then(({ stdout }) => ({ code: 0, out: stdout }))
    .catch((error: { code: number; stderr: string }) => ({ code: error.code, out: error.stderr }));

/** A compact whose chain holds a few hundred events, and its reviewer. */
async function auditedCompact() {
  const db = getDb();
  const { id: compactId } = buildCompact(db);
  const reviewer = await memberWithRole(db, compactId, 'reviewer');
  const events = Array.from({ length: 1500 }, (_, n) => ({
    compactId,
    action: 'test.event',
    entityType: 'test',
    entityId: `e${n}`,
    after: { n, words: 'Élections — قرار' },
  }));
  recordAuditEvents(db.db, { userId: null, partyId: null }, events);
  return { compactId, reviewer };
}

test('a reviewer exports the audit log as JSON Lines that verify offline; the export publishes its head and records it in the chain', async () => {
  const { compactId, reviewer } = await auditedCompact();
  const response = await download(compactId, reviewer.cookie);
  assert.equal(response.status, 200);
  const head = response.headers.get('x-audit-head')!;
  const body = await response.text();
  const lines = body.trim().split('\n');
  assert.equal(lines.length, Number(response.headers.get('x-audit-events')));
  assert.equal(lines.length, 1500, 'every event, over several pages');
  assert.equal((JSON.parse(lines.at(-1)!) as { hash: string }).hash, head);

  const file = path.join(dir, 'audit.jsonl');
  fs.writeFileSync(file, body);
  const ok = await verify(file, '--head', head);
  assert.equal(ok.code, 0, ok.out);
  assert.match(ok.out, new RegExp(`Verified: ${lines.length} events; head ${head}`));

  const exported = getDb()
    .sqlite.prepare("SELECT actor_user_id AS userId, after FROM audit_events WHERE action = 'audit.exported'")
    .get() as { userId: string; after: string };
  assert.equal(exported.userId, reviewer.id);
  assert.deepEqual(JSON.parse(exported.after), {
    head,
    events: lines.length,
    upToEventId: JSON.parse(lines.at(-1)!).id,
  });
});

test('the verify command names the first bad event of an edited, shortened or reordered file', async () => {
  const { compactId, reviewer } = await auditedCompact();
  const response = await download(compactId, reviewer.cookie);
  const head = response.headers.get('x-audit-head')!;
  const lines = (await response.text()).trim().split('\n');
  const idOf = (line: string) => (JSON.parse(line) as { id: number }).id;
  const write = (name: string, content: string[]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `${content.join('\n')}\n`);
    return file;
  };

  const edited = [...lines];
  edited[10] = edited[10]!.replace('"n":', '"n":1');
  const broken = await verify(write('edited.jsonl', edited));
  assert.equal(broken.code, 1);
  assert.match(broken.out, new RegExp(`BROKEN at event ${idOf(lines[10]!)}: its content does not match its hash`));

  const missing = await verify(
    write(
      'missing.jsonl',
      lines.filter((_, i) => i !== 20),
    ),
  );
  assert.match(missing.out, new RegExp(`BROKEN at event ${idOf(lines[21]!)}: does not follow`));

  const reordered = [...lines];
  [reordered[30], reordered[31]] = [reordered[31]!, reordered[30]!];
  assert.match(
    (await verify(write('reordered.jsonl', reordered))).out,
    new RegExp(`BROKEN at event ${idOf(lines[31]!)}`),
  );

  const truncated = await verify(write('truncated.jsonl', lines.slice(0, -5)), '--head', head);
  assert.equal(truncated.code, 1, 'the newest events cut off: the chain verifies but ends before the published head');
  assert.match(truncated.out, /not at/);
});

test('only administrators and reviewers read the audit log; non-members learn nothing', async () => {
  const { compactId } = await auditedCompact();
  const negotiator = await memberWithRole(getDb(), compactId, 'negotiator');
  const outsider = await memberWithRole(getDb(), buildCompact(getDb()).id, 'admin');
  const before = getDb().sqlite.prepare('SELECT count(*) AS n FROM audit_events').get();
  assert.equal((await download(compactId, negotiator.cookie)).status, 403);
  assert.equal((await download(compactId, outsider.cookie)).status, 404);
  assert.equal((await download(compactId, '')).status, 401);
  const reviewer = await memberWithRole(getDb(), compactId, 'reviewer');
  const crossSite = await downloadAuditLog(
    new Request(`http://localhost:3000/api/compacts/${compactId}/audit-log`, {
      headers: { cookie: reviewer.cookie, host: 'localhost:3000', 'sec-fetch-site': 'cross-site' },
    }),
    compactId,
  );
  assert.equal(crossSite.status, 403, 'another site cannot make a reviewer’s browser export (and record it)');
  assert.deepEqual(
    getDb().sqlite.prepare('SELECT count(*) AS n FROM audit_events').get(),
    before,
    'no export recorded',
  );
});

test('audit:verify names the line of a file that holds JSON but no event', async () => {
  const file = path.join(dir, 'not-events.jsonl');
  fs.writeFileSync(file, '\nnull\n');
  const result = await verify(file);
  assert.equal(result.code, 2);
  assert.match(result.out, /Line 2 is not an audit event\./);
});
