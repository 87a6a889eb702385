import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { hashPassword } from 'better-auth/crypto';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { verifyStoredChain } from '@/server/services/audit-verify';
import { openDatabase } from '@/db/client';
import { contentToYUpdate } from '@/server/editor/document-content';
import { callerFor, signIn, TEST_PASSWORD } from '../helpers/factories';

const MIGRATIONS = path.join(process.cwd(), 'db', 'migrations');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compact-migration-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A copy of the migrations folder holding only 0000–0003: the schema before the party moved. */
function migrationsBeforeMembershipParty(): string {
  const folder = path.join(dir, 'migrations-0003');
  fs.cpSync(MIGRATIONS, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { idx: number; tag: string }[] };
  for (const entry of journal.entries.filter((e) => e.idx >= 4)) {
    fs.rmSync(path.join(folder, `${entry.tag}.sql`));
    fs.rmSync(path.join(folder, 'meta', `${String(entry.idx).padStart(4, '0')}_snapshot.json`), { force: true });
  }
  journal.entries = journal.entries.filter((e) => e.idx < 4);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

const T = 1_700_000_000_000;
const ids = {
  secretariat: 'party-secretariat',
  aldoria: 'party-aldoria',
  compact: 'compact-1',
  admin: 'user-admin',
  negotiator: 'user-negotiator',
};

/** Fills a database of the previous schema the way the app did: the party on each account. */
async function seedPreviousSchema(sqlite: Database.Database) {
  const password = await hashPassword(TEST_PASSWORD);
  const run = (sql: string, ...params: unknown[]) => sqlite.prepare(sql).run(...params);
  run(`INSERT INTO parties VALUES (?, 'UN Secretariat', 'UNS', 'un-secretariat', ?)`, ids.secretariat, T);
  run(`INSERT INTO parties VALUES (?, 'Government of Aldoria', 'ALD', 'host-government', ?)`, ids.aldoria, T + 1);
  const people = [
    [ids.admin, 'Amina Diallo', 'admin@example.org', ids.secretariat, 'admin'],
    [ids.negotiator, 'Jonas Mbeki', 'jonas@example.org', ids.aldoria, 'negotiator'],
  ] as const;
  for (const [id, name, email, partyId] of people) {
    run(
      `INSERT INTO user (id, name, email, email_verified, party_id, is_instance_admin, created_at, updated_at)
       VALUES (?, ?, ?, 1, ?, 0, ?, ?)`,
      id,
      name,
      email,
      partyId,
      T,
      T,
    );
    run(
      `INSERT INTO account (id, account_id, provider_id, user_id, password, created_at, updated_at)
       VALUES (?, ?, 'credential', ?, ?, ?, ?)`,
      `account-${id}`,
      id,
      id,
      password,
      T,
      T,
    );
    run(
      `INSERT INTO session (id, expires_at, token, created_at, updated_at, user_id) VALUES (?, ?, ?, ?, ?, ?)`,
      `session-${id}`,
      Date.now() + 86_400_000,
      `token-${id}`,
      T,
      T,
      id,
    );
  }
  run(
    `INSERT INTO compacts (id, title, description, created_by, created_at) VALUES (?, 'Old compact', '', ?, ?)`,
    ids.compact,
    ids.admin,
    T,
  );
  for (const [id, , , , role] of people)
    run(`INSERT INTO memberships VALUES (?, ?, ?, 0, ?)`, ids.compact, id, role, T);
  const update = contentToYUpdate({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Written before the migration.' }] }],
  });
  run(
    `INSERT INTO doc_updates (compact_id, "update", user_id, party_id, created_at) VALUES (?, ?, ?, ?, ?)`,
    ids.compact,
    Buffer.from(update),
    ids.negotiator,
    ids.aldoria,
    T,
  );
  run(`INSERT INTO doc_clients VALUES (?, 4242, ?, ?, 1)`, ids.compact, ids.negotiator, ids.aldoria);
  run(
    `INSERT INTO audit_events (compact_id, actor_user_id, actor_party_id, action, entity_type, entity_id, created_at)
     VALUES (?, ?, ?, 'membership.updated', 'membership', ?, ?)`,
    ids.compact,
    ids.admin,
    ids.secretariat,
    ids.negotiator,
    T,
  );
  // A pending invitation of the negotiator for another party: it keeps its party.
  run(
    `INSERT INTO access_links (id, kind, token_hash, email, user_id, compact_id, party_id, role, signatory, created_by, created_at, expires_at)
     VALUES ('link-1', 'invite', 'hash-1', 'jonas@example.org', ?, ?, ?, 'monitor', 0, ?, ?, ?)`,
    ids.negotiator,
    ids.compact,
    ids.secretariat,
    ids.admin,
    T,
    Date.now() + 86_400_000,
  );
}

const ATTRIBUTION_TABLES = ['doc_updates', 'doc_clients', 'audit_events', 'access_links', 'session', 'account'];

function rowsOf(sqlite: Database.Database, table: string) {
  return sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
}

test('migrating a database of the previous schema moves each account’s party onto its memberships and keeps all attribution', async () => {
  const file = path.join(dir, 'compact.db');
  const old = new Database(file);
  old.pragma('journal_mode = WAL');
  old.pragma('foreign_keys = ON');
  migrate(drizzle(old), { migrationsFolder: migrationsBeforeMembershipParty() });
  await seedPreviousSchema(old);
  const before = Object.fromEntries(ATTRIBUTION_TABLES.map((table) => [table, rowsOf(old, table)]));
  old.close();

  const handle = openDatabase(file); // the app's own path: every migration, then foreign keys on
  try {
    const { sqlite } = handle;
    assert.deepEqual(
      sqlite.prepare('SELECT user_id AS userId, party_id AS partyId, role FROM memberships ORDER BY user_id').all(),
      [
        { userId: ids.admin, partyId: ids.secretariat, role: 'admin' },
        { userId: ids.negotiator, partyId: ids.aldoria, role: 'negotiator' },
      ],
    );
    // Audit events keep every field; the only addition is their place in the hash chain (added when the database opens).
    const content = (rows: unknown[]) => rows.map((row) => ({ ...(row as object), prev_hash: null, hash: null }));
    // Columns added by later migrations (access_links.revoked_at, empty; access_links.locale, 'en' by default) are left out.
    const addedColumnsLeftOut = (rows: unknown[], table: string) =>
      rows.map((row) => {
        const kept = Object.entries(row as Record<string, unknown>).filter(
          ([column]) => column in ((before[table]![0] as object | undefined) ?? {}),
        );
        return Object.fromEntries(kept);
      });
    for (const table of ATTRIBUTION_TABLES)
      assert.deepEqual(
        table === 'audit_events' ? content(rowsOf(sqlite, table)) : addedColumnsLeftOut(rowsOf(sqlite, table), table),
        table === 'audit_events' ? content(before[table]!) : before[table],
        `${table} is unchanged (no cascade, no rewrite)`,
      );
    const chains = sqlite.prepare('SELECT DISTINCT compact_id AS compactId FROM audit_events').all() as {
      compactId: string | null;
    }[];
    for (const { compactId } of chains)
      assert.ok(verifyStoredChain(sqlite, compactId).ok, 'the old events are chained, and the chain verifies');
    const userColumns = (sqlite.pragma('table_info(user)') as { name: string }[]).map((c) => c.name);
    assert.equal(userColumns.includes('party_id'), false, 'the account has no party any more');
    const indexes = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[])
      .map((i) => i.name)
      .filter((name) => !name.startsWith('sqlite_autoindex'));
    for (const index of ['memberships_user_idx', 'user_email_unique', 'session_user_idx'])
      assert.ok(indexes.includes(index), `${index} survives`);
    const membershipKeys = sqlite.pragma('foreign_key_list(memberships)') as { table: string; from: string }[];
    assert.deepEqual(membershipKeys.map((k) => `${k.from}→${k.table}`).sort(), [
      'compact_id→compacts',
      'party_id→parties',
      'user_id→user',
    ]);
    assert.deepEqual(sqlite.pragma('foreign_key_check'), []);
    assert.equal(sqlite.pragma('foreign_keys', { simple: true }), 1, 'foreign keys are enforced again');
    assert.throws(
      () => sqlite.prepare("UPDATE memberships SET party_id = 'no-such-party' WHERE user_id = ?").run(ids.admin),
      /FOREIGN KEY/,
    );

    // The app works on the migrated file: a person signs in and reads, with their membership's party.
    const negotiator = await callerFor(handle, await signIn(handle, 'jonas@example.org'));
    assert.deepEqual(
      (await negotiator.compacts.list()).map((c) => c.id),
      [ids.compact],
    );
    const compact = await negotiator.compacts.byId({ compactId: ids.compact });
    assert.deepEqual(compact.myParty, { id: ids.aldoria, name: 'Government of Aldoria', shortCode: 'ALD' });
    assert.match(
      (await negotiator.compacts.text({ compactId: ids.compact })).plainText,
      /Written before the migration/,
    );
    const members = await negotiator.members.list({ compactId: ids.compact });
    assert.deepEqual(
      members.map((m) => [m.name, m.partyShortCode]),
      [
        ['Jonas Mbeki', 'ALD'],
        ['Amina Diallo', 'UNS'],
      ],
    );
    const [pending] = await negotiator.account.pendingInvitations();
    assert.equal(pending?.partyName, 'UN Secretariat', 'the pending invitation keeps its party');
  } finally {
    handle.sqlite.close();
  }
});

test('a migration that leaves a broken foreign key refuses every start until the data is mended', async () => {
  const file = path.join(dir, 'broken.db');
  const old = new Database(file);
  old.pragma('journal_mode = WAL');
  migrate(drizzle(old), { migrationsFolder: migrationsBeforeMembershipParty() });
  await seedPreviousSchema(old);
  old.pragma('foreign_keys = OFF');
  old
    .prepare('INSERT INTO session (id, expires_at, token, created_at, updated_at, user_id) VALUES (?, ?, ?, ?, ?, ?)')
    .run('session-ghost', Date.now() + 86_400_000, 'token-ghost', T, T, 'no-such-user');
  old.close();

  assert.throws(() => openDatabase(file), /broken foreign key/);
  // drizzle committed the migration before the check: the next start checks again, and refuses again.
  assert.throws(() => openDatabase(file), /broken foreign key/);

  const mend = new Database(file);
  mend.prepare("DELETE FROM session WHERE id = 'session-ghost'").run();
  mend.close();
  const handle = openDatabase(file);
  try {
    assert.equal(handle.sqlite.pragma('user_version', { simple: true }), 0, 'checked: later starts skip the check');
    assert.deepEqual(handle.sqlite.pragma('foreign_key_check'), []);
  } finally {
    handle.sqlite.close();
  }
});
