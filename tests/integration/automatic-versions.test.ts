import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Y from 'yjs';
import { verifyStoredChain } from '@/server/services/audit-verify';
import {
  createAutomaticVersions,
  makeAutomaticVersionsPeriodically,
} from '@/server/services/versions/automatic-versions';
import { listVersions } from '@/server/services/versions/version-list';
import { firstTextBlock, typeInto, waitFor, waitForSync, type TestClient } from '../helpers/collab-client';
import { collabTestEnvironment } from '../helpers/collab-server';
import { countRows } from '../helpers/test-db';
import { storedPlainText } from '../helpers/stored-text';
import { buildCompact, buildParty, memberWithRole } from '../helpers/factories';

const env = collabTestEnvironment();
const { db } = env;

const QUIET_MS = 120_000;
const ACTIVITY_MS = 600_000;

const storedText = (compactId: string, uptoUpdateId?: number) => storedPlainText(db, compactId, uptoUpdateId);

/** The stored updates of a compact: newest id, and when the oldest and the newest were stored. */
function updateLog(compactId: string) {
  return db.sqlite
    .prepare(
      'SELECT max(id) AS newestId, min(created_at) AS oldestAt, max(created_at) AS newestAt FROM doc_updates WHERE compact_id = ?',
    )
    .get(compactId) as { newestId: number; oldestAt: number; newestAt: number };
}

/** Sweeps (with a fake clock) and answers the automatic versions made of this compact. */
async function sweepAt(now: number, compactId: string) {
  return (await createAutomaticVersions(db.db, now)).filter((version) =>
    listVersions(db.db, compactId).versions.some((listed) => listed.id === version.id),
  );
}

async function negotiatorEditing(compactId: string, partyId = buildParty(db).id) {
  const member = await memberWithRole(db, compactId, 'negotiator', partyId);
  const client = env.connect(compactId, member.cookie);
  await waitForSync(client);
  return { member, partyId, client };
}

async function typeAndStore(client: TestClient, compactId: string, words: string) {
  typeInto(client.doc, 0, words);
  await waitFor(() => storedText(compactId).includes(words), `“${words}” is stored`);
}

test('an automatic version is made once the text has gone quiet, by the system, with an audited content hash', async () => {
  const compactId = buildCompact(db, { text: 'The parties meet.' }).id;
  const { client, member, partyId } = await negotiatorEditing(compactId);
  await typeAndStore(client, compactId, 'Every year, ');
  const log = updateLog(compactId);

  assert.deepEqual(await sweepAt(log.newestAt + QUIET_MS - 1, compactId), [], 'not yet quiet');
  const [made] = await sweepAt(log.newestAt + QUIET_MS, compactId);
  assert.ok(made, 'made once quiet');
  assert.equal(made.kind, 'auto');
  assert.equal(made.name, null);
  assert.equal(made.uptoUpdateId, log.newestId);

  const [listed] = listVersions(db.db, compactId).versions;
  assert.equal(listed!.createdBy, null);
  assert.deepEqual(
    listed!.contributors.map(({ userId, partyId: party }) => ({ userId, partyId: party })),
    [
      { userId: null, partyId: null },
      { userId: member.id, partyId },
    ],
  );
  const event = db.sqlite
    .prepare(
      `SELECT actor_user_id AS userId, actor_party_id AS partyId, after FROM audit_events
        WHERE compact_id = ? AND action = 'version.created'`,
    )
    .get(compactId) as { userId: string | null; partyId: string | null; after: string };
  assert.deepEqual({ userId: event.userId, partyId: event.partyId }, { userId: null, partyId: null });
  assert.equal((JSON.parse(event.after) as { contentHash: string }).contentHash, made.contentHash);
  assert.ok(verifyStoredChain(db.sqlite, compactId).ok);
});

test('an automatic version is made while people keep editing, once the oldest update not in a version is ten minutes old', async () => {
  const compactId = buildCompact(db, { text: 'The parties meet.' }).id;
  const { client } = await negotiatorEditing(compactId);
  await typeAndStore(client, compactId, 'Today, ');
  // What was stored so far was stored eleven minutes ago; someone is still typing now.
  db.sqlite
    .prepare('UPDATE doc_updates SET created_at = created_at - ? WHERE compact_id = ?')
    .run(11 * 60_000, compactId);
  await typeAndStore(client, compactId, 'Again, ');
  const log = updateLog(compactId);
  const now = log.newestAt + 1000;
  assert.ok(now - log.oldestAt >= ACTIVITY_MS && now - log.newestAt < QUIET_MS, 'not quiet, long active');

  const [made] = await sweepAt(now, compactId);
  assert.ok(made, 'made during the activity');
  assert.equal(made.uptoUpdateId, log.newestId, 'it reaches the newest stored update');
  assert.deepEqual(await sweepAt(now + 1000, compactId), [], 'and nothing new was stored since');
});

test('no automatic version when nothing was stored since the newest version, or before the text goes quiet', async () => {
  const compactId = buildCompact(db, { text: 'Text.' }).id;
  const emptyCompactId = buildCompact(db).id;
  const log = updateLog(compactId);
  assert.equal((await sweepAt(log.newestAt + QUIET_MS, compactId)).length, 1, 'the seeded text is versioned once');
  assert.deepEqual(await sweepAt(log.newestAt + 10 * QUIET_MS, compactId), []);
  assert.deepEqual(await sweepAt(Date.now() + 10 * ACTIVITY_MS, emptyCompactId), [], 'an empty log has no version');
  assert.equal(listVersions(db.db, compactId).versions.length, 1);
});

test('a text hashed like the previous version makes no version, and the next version counts its contributors too', async () => {
  const compactId = buildCompact(db, { text: 'The parties meet.' }).id;
  const [first] = await sweepAt(updateLog(compactId).newestAt + QUIET_MS, compactId);
  assert.ok(first);
  const aldoria = await negotiatorEditing(compactId);
  const varenia = await negotiatorEditing(compactId);

  // Aldoria types a word and takes it back: stored updates, the same text.
  await typeAndStore(aldoria.client, compactId, 'Perhaps ');
  const words = firstTextBlock(aldoria.client.doc).get(0) as Y.XmlText;
  words.delete(0, 'Perhaps '.length);
  await waitFor(() => !storedText(compactId).includes('Perhaps'), 'the deletion is stored');
  assert.deepEqual(await sweepAt(updateLog(compactId).newestAt + QUIET_MS, compactId), [], 'same hash: no version');

  await typeAndStore(varenia.client, compactId, 'Indeed, ');
  const [next] = await sweepAt(updateLog(compactId).newestAt + QUIET_MS, compactId);
  assert.ok(next);
  assert.equal(next.number, 2);
  const [listed] = listVersions(db.db, compactId, { kind: 'auto', limit: 1 }).versions;
  assert.deepEqual(
    listed!.contributors.map((contributor) => contributor.userId),
    [aldoria.member.id, varenia.member.id],
    'the contributors span from the previous version, across the skipped one',
  );
});

test('a sweep told to stop (its timer was stopped) touches no further compact', async () => {
  const compactId = buildCompact(db, { text: 'The parties meet.' }).id;
  const { client } = await negotiatorEditing(compactId);
  await typeAndStore(client, compactId, 'Every year, ');
  const log = updateLog(compactId);
  const versions = () => countRows(db, 'versions');
  const before = versions();
  const made = await createAutomaticVersions(db.db, log.newestAt + QUIET_MS, undefined, () => false);
  assert.deepEqual(made, []);
  assert.equal(versions(), before, 'nothing written once stopped');
  assert.equal((await sweepAt(log.newestAt + QUIET_MS, compactId)).length, 1, 'the compact was due');
});

test('the history lists newest first a page at a time, keyed on the number, and filters by kind', async () => {
  const compactId = buildCompact(db, { text: 'Text.' }).id;
  const admin = await memberWithRole(db, compactId, 'admin');
  const { client } = await negotiatorEditing(compactId);
  const kinds: string[] = [];
  for (let i = 1; i <= 5; i++) {
    await typeAndStore(client, compactId, `Edit ${i}. `);
    if (i % 2 === 0) {
      await admin.caller.versions.create({ compactId, name: `Rev.${i}` });
      kinds.push('named');
    } else {
      assert.equal((await sweepAt(updateLog(compactId).newestAt + QUIET_MS, compactId)).length, 1);
      kinds.push('auto');
    }
  }
  const first = await admin.caller.versions.list({ compactId, limit: 2 });
  assert.deepEqual(
    first.versions.map((version) => version.number),
    [5, 4],
  );
  const second = await admin.caller.versions.list({ compactId, limit: 2, before: first.nextBefore! });
  assert.deepEqual(
    second.versions.map((version) => version.number),
    [3, 2],
  );
  const last = await admin.caller.versions.list({ compactId, limit: 2, before: second.nextBefore! });
  assert.deepEqual(
    last.versions.map((version) => version.number),
    [1],
  );
  assert.equal(last.nextBefore, null);
  const named = await admin.caller.versions.list({ compactId, kind: 'named' });
  assert.deepEqual(
    named.versions.map((version) => version.name),
    ['Rev.4', 'Rev.2'],
  );
  assert.deepEqual(kinds, ['auto', 'named', 'auto', 'named', 'auto']);
});

test('the HTTP process sweeps on a timer, with the configured quiet time, until it is stopped', async (t) => {
  const compactId = buildCompact(db, { text: 'Timed.' }).id;
  process.env.VERSION_QUIET_MS = '1';
  t.after(() => delete process.env.VERSION_QUIET_MS);
  const stop = makeAutomaticVersionsPeriodically(db.db, 20);
  try {
    await waitFor(() => listVersions(db.db, compactId).versions.length === 1, 'an automatic version is made');
  } finally {
    stop();
  }
  assert.equal(listVersions(db.db, compactId).versions[0]!.kind, 'auto');
});
