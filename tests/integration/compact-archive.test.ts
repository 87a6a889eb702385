import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { english } from '../helpers/i18n';
import { closeDb, getDb } from '@/db/client';
import { uploadEvidence } from '@/server/http/evidence-routes';
import { ARCHIVED_REFUSAL } from '@/server/policies/archive-policy';
import { READ_ONLY_ACTIONS } from '@/server/policies/role-actions';
import { stopChainVerifier } from '@/server/services/audit-chain-status';
import { verifyStoredChain } from '@/server/services/audit-verify';
import { activeCompactIds, archiveCompact } from '@/server/services/compact-archive';
import { recordAuditEvent } from '@/server/services/audit';
import { deadlineAlerts } from '@/server/services/framework/deadline-alerts';
import { createAutomaticVersions } from '@/server/services/versions/automatic-versions';
import { ARCHIVE_REASON_MAX } from '@/shared/compacts/archive-rules';
import { buildCompact, buildParty, buildUser, callerFor, memberWithRole, signIn, tokenOf } from '../helpers/factories';
import { buildIndicator, configureQuarters, draftBy } from '../helpers/framework-fixtures';
import { buildThread } from '../helpers/comment-fixtures';
import { countRows } from '../helpers/test-db';
import { codeOf } from '../helpers/trpc-codes';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compact-archive-'));
process.env.DATABASE_PATH = path.join(dir, 'compact.db');

type Caller = Awaited<ReturnType<typeof callerFor>>;
let instanceAdmin: Caller;
let instanceAdminId: string;

before(async () => {
  const admin = await buildUser(getDb(), { isInstanceAdmin: true, name: 'Ines Admin' });
  instanceAdminId = admin.id;
  instanceAdmin = await callerFor(getDb(), await signIn(getDb(), admin.email));
});
after(async () => {
  await stopChainVerifier();
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

const archiveEvents = (compactId: string) =>
  getDb()
    .sqlite.prepare(
      `SELECT action, actor_user_id AS actor, actor_party_id AS party, before, after FROM audit_events
       WHERE compact_id = ? AND action IN ('compact.archived', 'compact.restored') ORDER BY id`,
    )
    .all(compactId) as { action: string; actor: string; party: string | null; before: string; after: string }[];

describe('who archives and restores', () => {
  test('only an instance administrator archives or restores: a compact admin and a signed-out caller are refused and nothing changes', async () => {
    const db = getDb();
    const compactId = buildCompact(db, { text: 'Text.' }).id;
    const chair = await memberWithRole(db, compactId, 'admin');
    assert.equal(await codeOf(chair.caller.compacts.archive({ compactId, reason: '' })), 'FORBIDDEN');
    assert.equal(await codeOf((await callerFor(db, null)).compacts.archive({ compactId, reason: '' })), 'UNAUTHORIZED');
    assert.equal(await codeOf(chair.caller.compacts.all()), 'FORBIDDEN');
    assert.equal((await chair.caller.compacts.byId({ compactId })).archive, null);
    assert.deepEqual(archiveEvents(compactId), []);

    await instanceAdmin.compacts.archive({ compactId, reason: '' });
    assert.equal(await codeOf(chair.caller.compacts.restore({ compactId, reason: '' })), 'FORBIDDEN');
    assert.notEqual((await chair.caller.compacts.byId({ compactId })).archive, null, 'still archived');
  });

  test('archiving an archived compact, restoring an active one or naming no compact is refused and writes nothing', async () => {
    const db = getDb();
    const compactId = buildCompact(db, { text: 'Text.' }).id;
    assert.equal(await codeOf(instanceAdmin.compacts.restore({ compactId, reason: '' })), 'CONFLICT');
    await instanceAdmin.compacts.archive({ compactId, reason: 'First' });
    assert.equal(await codeOf(instanceAdmin.compacts.archive({ compactId, reason: 'Again' })), 'CONFLICT');
    assert.equal(
      await codeOf(instanceAdmin.compacts.archive({ compactId: 'no-such-compact', reason: '' })),
      'NOT_FOUND',
    );
    assert.deepEqual(
      archiveEvents(compactId).map((e) => e.action),
      ['compact.archived'],
    );
  });

  test('a reason longer than 500 characters or holding control or text-direction characters is refused before anything is written', async () => {
    const db = getDb();
    const compactId = buildCompact(db, { text: 'Text.' }).id;
    for (const reason of ['x'.repeat(ARCHIVE_REASON_MAX + 1), 'Superseded\u202E', 'a\u0007b']) {
      assert.equal(await codeOf(instanceAdmin.compacts.archive({ compactId, reason })), 'BAD_REQUEST');
    }
    assert.deepEqual(archiveEvents(compactId), []);
    assert.equal(activeCompactIds(db.db).includes(compactId), true);
  });
});

describe('the audit trail', () => {
  test('archiving and restoring are recorded in the compact’s hash chain, with the administrator’s party there when they are a member, and the chain verifies', async () => {
    const db = getDb();
    const compactId = buildCompact(db, { text: 'Text.' }).id;
    await instanceAdmin.compacts.archive({ compactId, reason: 'Mandate ended' });
    await instanceAdmin.compacts.restore({ compactId, reason: 'Mandate renewed' });
    const [archived, restored] = archiveEvents(compactId);
    assert.equal(archived!.actor, instanceAdminId);
    assert.equal(archived!.party, null, 'not a member: an account-level act, with no party');
    assert.equal(JSON.parse(archived!.after).reason, 'Mandate ended');
    assert.equal(JSON.parse(restored!.before).reason, 'Mandate ended');
    assert.equal(JSON.parse(restored!.after).reason, 'Mandate renewed');
    assert.equal(verifyStoredChain(db.sqlite, compactId).ok, true);

    const member = await buildUser(db, { isInstanceAdmin: true });
    const partyId = buildParty(db).id;
    db.sqlite
      .prepare(
        `INSERT INTO memberships (compact_id, user_id, party_id, role, signatory, created_at) VALUES (?, ?, ?, 'admin', 0, ?)`,
      )
      .run(compactId, member.id, partyId, Date.now());
    await (await callerFor(db, await signIn(db, member.email))).compacts.archive({ compactId, reason: '' });
    assert.equal(archiveEvents(compactId).at(-1)!.party, partyId);
  });
});

describe('an archived compact is read only', () => {
  test('its members still read it; the page is told who archived it, when and why, and every permission but reading is off', async () => {
    const db = getDb();
    const compactId = buildCompact(db, { text: 'Read me.' }).id;
    const chair = await memberWithRole(db, compactId, 'admin');
    const now = new Date('2027-03-01T10:00:00Z');
    await instanceAdmin.compacts.archive({ compactId, reason: 'Superseded' });
    db.sqlite.prepare('UPDATE compacts SET archived_at = ? WHERE id = ?').run(now.getTime(), compactId);
    const compact = await chair.caller.compacts.byId({ compactId });
    assert.deepEqual(compact.archive, { archivedAt: now, archivedByName: 'Ines Admin', reason: 'Superseded' });
    const allowed = Object.entries(compact.can)
      .filter(([, yes]) => yes)
      .map(([action]) => action);
    assert.deepEqual(allowed.sort(), [...READ_ONLY_ACTIONS].sort());
    assert.equal((await chair.caller.compacts.text({ compactId })).plainText.includes('Read me.'), true);
    const status = await chair.caller.signOffs.status({ compactId });
    assert.equal(status.me.canSign, false, 'nobody signs in an archived compact');
  });

  test('what the pages offer follows the server: no member, comment, indicator or progress action is offered in an archived compact', async () => {
    const db = getDb();
    const compactId = buildCompact(db, { text: 'Words to comment on.' }).id;
    const partyId = buildParty(db).id;
    const chair = await memberWithRole(db, compactId, 'admin', partyId);
    const monitor = await memberWithRole(db, compactId, 'monitor', partyId);
    await memberWithRole(db, compactId, 'negotiator', partyId);
    const [period] = configureQuarters(db, compactId);
    const indicator = buildIndicator(db, compactId, partyId);
    draftBy(db, { userId: monitor.id, partyId }, compactId, indicator.id, period!.id);
    buildThread(db, compactId, { id: chair.id, partyId }, 'Words');
    const offered = async () => {
      const members = await chair.caller.members.list({ compactId });
      const { threads } = await chair.caller.comments.list({ compactId });
      const asChair = await chair.caller.indicators.detail({ compactId, indicatorId: indicator.id });
      const asMonitor = await monitor.caller.indicators.detail({ compactId, indicatorId: indicator.id });
      return [
        ...members.map((m) => m.can.manage),
        ...threads.flatMap((thread) => [
          thread.can.reply,
          thread.can.settle,
          ...thread.comments.map((c) => c.can.delete),
        ]),
        ...Object.values(asChair.can),
        ...asMonitor.updates.flatMap((update) => Object.values(update.can)),
      ];
    };
    assert.equal((await offered()).some(Boolean), true, 'an active compact offers actions');
    await instanceAdmin.compacts.archive({ compactId, reason: '' });
    assert.deepEqual((await offered()).filter(Boolean), [], 'an archived compact offers none');
  });

  test('a refused mutation writes nothing (audit log, members, text)', async () => {
    const db = getDb();
    const compactId = buildCompact(db, { text: 'Frozen.' }).id;
    const chair = await memberWithRole(db, compactId, 'admin');
    await instanceAdmin.compacts.archive({ compactId, reason: '' });
    const counts = () => [
      countRows(db, `audit_events WHERE compact_id = '${compactId}'`),
      countRows(db, `memberships WHERE compact_id = '${compactId}'`),
      countRows(db, `doc_updates WHERE compact_id = '${compactId}'`),
      countRows(db, `versions WHERE compact_id = '${compactId}'`),
    ];
    const before = counts();
    await assert.rejects(
      chair.caller.members.invite({
        compactId,
        email: 'late@example.org',
        partyId: chair.partyId,
        role: 'reviewer',
        signatory: false,
      }),
      { message: english(ARCHIVED_REFUSAL) },
    );
    await assert.rejects(chair.caller.versions.create({ compactId, name: 'Too late' }), {
      message: english(ARCHIVED_REFUSAL),
    });
    assert.deepEqual(counts(), before);
  });

  test('a heavy mutation that passed its checks and then waited for its turn while the compact was archived is refused and writes nothing', async () => {
    const db = getDb();
    const compactId = buildCompact(db, { text: 'Queued.' }).id;
    const chair = await memberWithRole(db, compactId, 'admin');
    const versions = () => countRows(db, `versions WHERE compact_id = '${compactId}'`);
    const before = versions();
    const named = chair.caller.versions.create({ compactId, name: 'Queued' });
    // A heavy call yields to the event loop once it has its turn (after its checks): the archiving lands in between.
    await new Promise<void>((resolve) =>
      setImmediate(() => {
        archiveCompact(db.db, { userId: instanceAdminId }, { compactId, reason: '' });
        resolve();
      }),
    );
    await assert.rejects(named, { message: english(ARCHIVED_REFUSAL) });
    assert.equal(versions(), before);
  });

  test('an evidence upload to an archived compact is refused (403, archived) and stores nothing', async () => {
    const db = getDb();
    const compactId = buildCompact(db).id;
    const partyId = buildParty(db).id;
    const monitor = await memberWithRole(db, compactId, 'monitor', partyId);
    const [period] = configureQuarters(db, compactId);
    const indicator = buildIndicator(db, compactId, partyId);
    const updateId = draftBy(db, { userId: monitor.id, partyId }, compactId, indicator.id, period!.id).id;
    await instanceAdmin.compacts.archive({ compactId, reason: '' });
    const form = new FormData();
    form.set('file', new File([Buffer.from('%PDF-1.4\n')], 'report.pdf'));
    const encoded = new Response(form);
    const body = await encoded.arrayBuffer();
    const response = await uploadEvidence(
      new Request(`http://localhost:3000/api/compacts/${compactId}/evidence?updateId=${updateId}`, {
        method: 'POST',
        headers: {
          cookie: monitor.cookie,
          host: 'localhost:3000',
          origin: 'http://localhost:3000',
          'content-type': encoded.headers.get('content-type')!,
          'content-length': String(body.byteLength),
        },
        body,
      }),
      compactId,
    );
    assert.equal(response.status, 403);
    assert.equal(((await response.json()) as { message: string }).message, english(ARCHIVED_REFUSAL));
    assert.equal(countRows(db, `evidence_files WHERE update_id = '${updateId}'`), 0);
  });

  test('an invitation issued before the archiving cannot be accepted while the compact is archived, and can after the restore', async () => {
    const db = getDb();
    const compactId = buildCompact(db, { text: 'Text.' }).id;
    const chair = await memberWithRole(db, compactId, 'admin');
    const invitation = await chair.caller.members.invite({
      compactId,
      email: 'newcomer@example.org',
      partyId: chair.partyId,
      role: 'reviewer',
      signatory: false,
    });
    const anonymous = await callerFor(db, null);
    const accept = () =>
      anonymous.account.acceptInvite({
        token: tokenOf(invitation.path),
        name: 'New Comer',
        password: 'a long enough password',
      });
    await instanceAdmin.compacts.archive({ compactId, reason: '' });
    assert.equal(await codeOf(accept()), 'NOT_FOUND', 'the link does not work while the compact is archived');
    assert.equal(countRows(db, `memberships WHERE compact_id = '${compactId}'`), 1);
    await instanceAdmin.compacts.restore({ compactId, reason: '' });
    await accept();
    assert.equal(countRows(db, `memberships WHERE compact_id = '${compactId}'`), 2);
  });

  test('a restore brings every write back: the chair invites and names a version again', async () => {
    const db = getDb();
    const compactId = buildCompact(db, { text: 'Text.' }).id;
    const chair = await memberWithRole(db, compactId, 'admin');
    await instanceAdmin.compacts.archive({ compactId, reason: '' });
    await instanceAdmin.compacts.restore({ compactId, reason: '' });
    const compact = await chair.caller.compacts.byId({ compactId });
    assert.equal(compact.archive, null);
    assert.equal(compact.can.editText && compact.can.manageMembers, true);
    await chair.caller.versions.create({ compactId, name: 'Rev.2' });
    await chair.caller.members.invite({
      compactId,
      email: 'again@example.org',
      partyId: chair.partyId,
      role: 'reviewer',
      signatory: false,
    });
  });
});

describe('lists and sweeps', () => {
  test('My compacts leaves archived compacts out unless asked; the administrators’ list shows every compact with its state', async () => {
    const db = getDb();
    const person = await buildUser(db);
    const cookie = await signIn(db, person.email);
    const [active, archived] = [
      buildCompact(db, { title: 'Active compact' }).id,
      buildCompact(db, { title: 'Archived compact' }).id,
    ];
    const partyId = buildParty(db).id;
    for (const compactId of [active, archived]) {
      db.sqlite
        .prepare(
          `INSERT INTO memberships (compact_id, user_id, party_id, role, signatory, created_at) VALUES (?, ?, ?, 'negotiator', 0, ?)`,
        )
        .run(compactId, person.id, partyId, Date.now());
    }
    await instanceAdmin.compacts.archive({ compactId: archived, reason: 'Old' });
    const caller = await callerFor(db, cookie);
    assert.deepEqual(
      (await caller.compacts.list()).map((c) => c.title),
      ['Active compact'],
    );
    const all = await caller.compacts.list({ includeArchived: true });
    assert.deepEqual(
      all.map((c) => [c.title, c.archivedAt !== null, c.can.editText]),
      [
        ['Active compact', false, true],
        ['Archived compact', true, false],
      ],
    );
    const adminList = await instanceAdmin.compacts.all();
    const row = adminList.find((c) => c.id === archived)!;
    assert.equal(row.archivedByName, 'Ines Admin');
    assert.equal(row.archiveReason, 'Old');
    assert.equal(adminList.find((c) => c.id === active)!.archivedAt, null);
  });

  test('archiving versions the text edited since its newest version at once; the sweep then skips the archived compact', async () => {
    const db = getDb();
    const compactId = buildCompact(db, { text: 'Unversioned edits.' }).id;
    const versions = () => countRows(db, `versions WHERE compact_id = '${compactId}'`);
    assert.equal(versions(), 0);
    await instanceAdmin.compacts.archive({ compactId, reason: '' });
    assert.equal(versions(), 1, 'the text as archived is kept as an automatic version');
    const rules = { quietMs: 0, activityMs: 0 };
    const later = Date.now() + 60_000;
    await createAutomaticVersions(db.db, later, rules);
    assert.equal(versions(), 1, 'an archived compact is not versioned again');
    assert.equal(activeCompactIds(db.db).includes(compactId), false);
    await instanceAdmin.compacts.restore({ compactId, reason: '' });
    await instanceAdmin.compacts.archive({ compactId, reason: 'Again' });
    assert.equal(versions(), 1, 'an unchanged text is not versioned twice');
  });
});

test('deadline alerts leave an archived compact out, and name its deadlines again once restored', async () => {
  const db = getDb();
  const compactId = buildCompact(db).id;
  const partyId = buildParty(db).id;
  await memberWithRole(db, compactId, 'monitor', partyId);
  configureQuarters(db, compactId, '2025-01-01', 4);
  buildIndicator(db, compactId, partyId);
  // 2025-Q1 ends on 31 March: with the default 30 days its report is due on 30 April.
  const now = new Date('2025-04-28T12:00:00Z');
  const alerts = () => deadlineAlerts(db.db, now).filter((alert) => alert.compactId === compactId).length;
  assert.equal(alerts(), 1, 'an active compact is alerted');
  await instanceAdmin.compacts.archive({ compactId, reason: '' });
  assert.equal(alerts(), 0);
  await instanceAdmin.compacts.restore({ compactId, reason: '' });
  assert.equal(alerts(), 1);
});

describe('never deleted', () => {
  test('the database refuses to delete a compact that holds text, framework data or audit events; an empty one can go', () => {
    const db = getDb();
    const withText = buildCompact(db, { text: 'Words.' }).id;
    const withFramework = buildCompact(db).id;
    configureQuarters(db, withFramework);
    const withAudit = buildCompact(db).id;
    recordAuditEvent(
      db.db,
      { userId: null, partyId: null },
      {
        compactId: withAudit,
        action: 'compact.noted',
        entityType: 'compact',
        entityId: withAudit,
      },
    );
    for (const compactId of [withText, withFramework, withAudit]) {
      assert.throws(() => db.sqlite.prepare('DELETE FROM compacts WHERE id = ?').run(compactId), /never deleted/);
    }
    const empty = buildCompact(db).id;
    db.sqlite.prepare('DELETE FROM compacts WHERE id = ?').run(empty);
    assert.equal(countRows(db, `compacts WHERE id = '${empty}'`), 0);
  });
});
