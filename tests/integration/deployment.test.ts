import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { openDatabase } from '@/db/client';
import { config } from '@/server/config';
import { SERVER_RUNTIME_FLAGS } from '@/server/runtime-flags';
import { DEMO_ACCOUNTS } from '@/server/services/demo-accounts';
import { CREATE_ADMIN_HINT, demoSeedDecision, prepareDemoAtStartup } from '@/server/services/demo-startup';
import { callerFor, signIn } from '../helpers/factories';
import { countRows, createTestDb } from '../helpers/test-db';

const cleanups: (() => void)[] = [];
after(() => cleanups.forEach((cleanup) => cleanup()));

function freshDb() {
  const db = createTestDb();
  cleanups.push(db.cleanup);
  return db;
}

function collectLog() {
  const lines: string[] = [];
  return { lines, log: (message: string) => lines.push(message) };
}

function runCreateAdmin(
  databasePath: string,
  args: string[],
  options: { env?: Record<string, string>; stdin?: string } = {},
) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      [...SERVER_RUNTIME_FLAGS, 'scripts/create-admin.ts', ...args],
      {
        cwd: process.cwd(),
        env: { ...process.env, DATABASE_PATH: databasePath, ADMIN_PASSWORD: '', ...options.env },
        timeout: 60_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(options.stdin ?? '');
  });
}

describe('the demo on startup', () => {
  test('the decision: seed for a local try-out only, never with SEED_DEMO=0 or behind a proxy', () => {
    assert.deepEqual(demoSeedDecision({ seedDemo: true, trustProxy: false }), { seed: true });
    assert.equal(demoSeedDecision({ seedDemo: false, trustProxy: false }).seed, false);
    const proxied = demoSeedDecision({ seedDemo: true, trustProxy: true });
    assert.equal(proxied.seed, false);
    assert.match(proxied.seed ? '' : proxied.reason, /TRUST_PROXY/);
  });

  test('with TRUST_PROXY=1 an empty database gets no demo accounts, and the log says why and how to create an administrator', async (t) => {
    process.env.TRUST_PROXY = '1';
    t.after(() => delete process.env.TRUST_PROXY);
    const db = freshDb();
    const { lines, log } = collectLog();
    // Exactly what server/main.ts passes.
    const result = await prepareDemoAtStartup(db.db, { seedDemo: config.seedDemo, trustProxy: config.trustProxy }, log);
    assert.equal(result.seeded, false);
    assert.equal(countRows(db, 'user'), 0);
    assert.match(lines.join('\n'), /Not seeding the demo accounts: TRUST_PROXY/);
    assert.match(lines.join('\n'), /npm run create-admin/);
  });

  test('a local start seeds the demo on an empty database and warns loudly, on that start and every later one', async () => {
    const db = freshDb();
    const first = collectLog();
    assert.equal((await prepareDemoAtStartup(db.db, { seedDemo: true, trustProxy: false }, first.log)).seeded, true);
    assert.equal(countRows(db, 'user'), DEMO_ACCOUNTS.length);
    assert.match(first.lines.join('\n'), /WARNING: this database contains the DEMO accounts/);
    const second = collectLog();
    const again = await prepareDemoAtStartup(db.db, { seedDemo: true, trustProxy: true }, second.log);
    assert.equal(again.seeded, false);
    assert.equal(again.demoAccounts.length, DEMO_ACCOUNTS.length);
    assert.match(
      second.lines.join('\n'),
      /WARNING: this database contains the DEMO accounts[\s\S]*admin@secretariat\.example/,
    );
  });
});

describe('npm run create-admin', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compact-create-admin-'));
  const databasePath = path.join(dir, 'compact.db');
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('creates an instance administrator with no party, who signs in, adds a party and creates a compact representing it', async () => {
    const run = await runCreateAdmin(databasePath, ['--email', 'First.Admin@Example.org', '--name', 'First Admin'], {
      env: { ADMIN_PASSWORD: 'a long enough password' },
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Created instance administrator First Admin <first\.admin@example\.org> in /);
    const handle = openDatabase(databasePath);
    try {
      assert.equal(countRows(handle, 'parties'), 0, 'the account needs no party');
      const caller = await callerFor(handle, await signIn(handle, 'first.admin@example.org', 'a long enough password'));
      const me = await caller.account.me();
      assert.equal(me.isInstanceAdmin, true);
      assert.equal('partyId' in me, false);
      const party = await caller.parties.create({ name: 'UN Secretariat', shortCode: 'UNS', kind: 'un-secretariat' });
      const compact = await caller.compacts.create({ title: 'First real compact', description: '', partyId: party.id });
      const byId = await caller.compacts.byId({ compactId: compact.id });
      assert.equal(byId.myRole, 'admin');
      assert.deepEqual(byId.myParty, { id: party.id, name: 'UN Secretariat', shortCode: 'UNS' });
    } finally {
      handle.sqlite.close();
    }
  });

  test('reads the password from standard input', async () => {
    const run = await runCreateAdmin(databasePath, ['--email', 'second@example.org', '--name', 'Second Admin'], {
      stdin: 'another long password\n',
    });
    assert.equal(run.code, 0, run.stderr);
    const handle = openDatabase(databasePath);
    try {
      await signIn(handle, 'second@example.org', 'another long password');
    } finally {
      handle.sqlite.close();
    }
  });

  test('refuses a short password, a taken e-mail or missing arguments, and creates nothing', async () => {
    const short = await runCreateAdmin(databasePath, ['--email', 'third@example.org', '--name', 'Third'], {
      stdin: 'short\n',
    });
    assert.equal(short.code, 1);
    assert.match(short.stderr, /at least 10 characters/);
    const taken = await runCreateAdmin(databasePath, ['--email', 'second@example.org', '--name', 'Again'], {
      env: { ADMIN_PASSWORD: 'a long enough password' },
    });
    assert.equal(taken.code, 1);
    assert.match(taken.stderr, /exists already/);
    const missing = await runCreateAdmin(databasePath, ['--email', 'fourth@example.org']);
    assert.equal(missing.code, 2);
    assert.match(missing.stdout, /Usage: npm run create-admin/);
    const formerPartyOption = await runCreateAdmin(
      databasePath,
      ['--email', 'fifth@example.org', '--name', 'Fifth', '--party', 'UNS'],
      { env: { ADMIN_PASSWORD: 'a long enough password' } },
    );
    assert.equal(formerPartyOption.code, 2);
    assert.match(formerPartyOption.stderr, /--party[\s\S]*Usage: npm run create-admin/);
    const handle = openDatabase(databasePath);
    try {
      assert.equal(countRows(handle, 'user'), 2);
    } finally {
      handle.sqlite.close();
    }
  });

  test('the command the startup log suggests works as printed', async () => {
    const [command, args] = CREATE_ADMIN_HINT.split(' -- ');
    assert.equal(command, 'npm run create-admin');
    // The printed arguments, split as a shell would ("…" groups words).
    const argv = [...args!.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
    const run = await runCreateAdmin(path.join(dir, 'from-hint.db'), argv, {
      env: { ADMIN_PASSWORD: 'a long enough password' },
    });
    assert.equal(run.code, 0, run.stderr);
  });
});
