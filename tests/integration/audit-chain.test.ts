import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { openDatabase } from '@/db/client';
import { recordAuditEvent, recordAuditEvents } from '@/server/services/audit';
import { verifyStoredChain } from '@/server/services/audit-verify';
import { buildCompact, memberWithRole } from '../helpers/factories';
import { createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

const system = { userId: null, partyId: null };
const event = (compactId: string | null, n: number) => ({
  compactId,
  action: 'test.event',
  entityType: 'test',
  entityId: `e${n}`,
  after: { n, at: new Date(1_790_000_000_000) },
});

test('audit events chain per compact and for the instance, whatever their writer, and each chain verifies', async () => {
  const { id: compactId } = buildCompact(db);
  const other = buildCompact(db).id;
  const admin = await memberWithRole(db, compactId, 'admin');
  // A real service writes its events (an invitation), next to events recorded one by one and in a batch.
  await admin.caller.members.invite({
    compactId,
    email: 'someone@example.org',
    partyId: admin.partyId,
    role: 'negotiator',
    signatory: false,
  });
  recordAuditEvent(db.db, system, event(compactId, 1));
  recordAuditEvents(db.db, system, [event(other, 2), event(compactId, 3), event(null, 4), event(compactId, 5)]);
  db.db.transaction((tx) => recordAuditEvent(tx, system, event(compactId, 6)));

  for (const chain of [compactId, other, null]) {
    const verdict = verifyStoredChain(db.sqlite, chain);
    assert.ok(verdict.ok, `the chain of ${chain ?? 'the instance'} verifies`);
  }
  const verdict = verifyStoredChain(db.sqlite, compactId);
  assert.ok(verdict.ok && verdict.events >= 5);
  const first = db.sqlite
    .prepare('SELECT prev_hash AS prevHash FROM audit_events WHERE compact_id = ? ORDER BY id LIMIT 1')
    .get(compactId);
  assert.deepEqual(first, { prevHash: '' }, 'a chain starts from the genesis');
});

test('the audit table refuses UPDATE and DELETE, and a second successor of one event (a fork)', () => {
  const { id: compactId } = buildCompact(db);
  recordAuditEvent(db.db, system, event(compactId, 1));
  recordAuditEvent(db.db, system, event(compactId, 2));
  const newest = db.sqlite
    .prepare('SELECT id, prev_hash AS prevHash FROM audit_events WHERE compact_id = ? ORDER BY id DESC LIMIT 1')
    .get(compactId) as { id: number; prevHash: string };
  assert.throws(
    () => db.sqlite.prepare("UPDATE audit_events SET action = 'x' WHERE id = ?").run(newest.id),
    /append-only/,
  );
  assert.throws(
    () => db.sqlite.prepare("UPDATE audit_events SET hash = 'x' WHERE id = ?").run(newest.id),
    /append-only/,
  );
  assert.throws(() => db.sqlite.prepare('DELETE FROM audit_events WHERE id = ?').run(newest.id), /append-only/);
  assert.throws(
    () =>
      db.sqlite
        .prepare(
          `INSERT INTO audit_events (compact_id, action, entity_type, entity_id, created_at, prev_hash, hash)
           VALUES (?, 'fork', 'test', 'x', 0, ?, 'f')`,
        )
        .run(compactId, newest.prevHash),
    /UNIQUE/,
  );
  assert.ok(verifyStoredChain(db.sqlite, compactId).ok, 'nothing changed');
});

test('events written before the chain existed are chained once when the database opens, and every migration keeps the triggers', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-legacy-'));
  try {
    const file = path.join(dir, 'compact.db');
    openDatabase(file).sqlite.close();
    // Rows as an older version wrote them: no hashes.
    const raw = new Database(file);
    const insert = raw.prepare(
      `INSERT INTO audit_events (compact_id, actor_user_id, action, entity_type, entity_id, after, created_at)
       VALUES (?, NULL, 'legacy', 'test', ?, ?, ?)`,
    );
    for (let n = 0; n < 4; n++) insert.run(n % 2 ? 'c-legacy' : null, `e${n}`, JSON.stringify({ n }), 1000 + n);
    raw.close();

    const handle = openDatabase(file);
    try {
      assert.ok(verifyStoredChain(handle.sqlite, 'c-legacy').ok);
      assert.ok(verifyStoredChain(handle.sqlite, null).ok);
      assert.equal(
        (handle.sqlite.prepare('SELECT count(*) AS n FROM audit_events WHERE hash IS NULL').get() as { n: number }).n,
        0,
      );
      recordAuditEvent(handle.db, system, event('c-legacy', 9));
      assert.ok(verifyStoredChain(handle.sqlite, 'c-legacy').ok, 'new events follow the chained ones');
      const triggers = handle.sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events' ORDER BY name")
        .all();
      assert.deepEqual(triggers, [{ name: 'audit_events_no_delete' }, { name: 'audit_events_no_update' }]);
    } finally {
      handle.sqlite.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a lone surrogate in a request (valid JSON) is recorded as the table stores it and the chain still verifies', async () => {
  const { id: compactId } = buildCompact(db);
  const admin = await memberWithRole(db, compactId, 'admin');
  const member = await memberWithRole(db, compactId, 'monitor', admin.partyId);
  // A real service's event: the name reaches the audit event's before/after as sent.
  await admin.caller.members.rename({ compactId, userId: member.id, name: 'Ann \ud800Lee' });
  // And an event whose entity id and keys carry one.
  recordAuditEvent(db.db, system, {
    compactId,
    action: 'test.event',
    entityType: 'test',
    entityId: 'e\udc00',
    after: { 'k\ud800': ['v\udfff'], ok: 'paired 😀' },
  });
  const verdict = verifyStoredChain(db.sqlite, compactId);
  assert.ok(verdict.ok, JSON.stringify(verdict));
});
