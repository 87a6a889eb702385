import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TRPCError } from '@trpc/server';
import type * as Y from 'yjs';
import { yDocToContent, yDocToPlainText } from '@/server/editor/document-content';
import { verifyStoredChain } from '@/server/services/audit-verify';
import { loadDoc } from '@/server/services/document-store';
import { contentHash } from '@/shared/history/canonical-form';
import { typeInto, waitFor } from '../helpers/collab-client';
import { collabTestEnvironment } from '../helpers/collab-server';
import { storedPlainText } from '../helpers/stored-text';
import { buildCompact, buildParty, memberWithRole, type Member } from '../helpers/factories';
import { countRows } from '../helpers/test-db';

const env = collabTestEnvironment();
const { db } = env;

const storedText = (compactId: string, uptoUpdateId?: number) => storedPlainText(db, compactId, uptoUpdateId);

const editorOf = (member: Member, compactId: string) => env.editor(compactId, member.cookie);

/** Types at the start of the first paragraph and waits until the server has stored it. */
async function typeAndStore(doc: Y.Doc, compactId: string, words: string) {
  typeInto(doc, 0, words);
  await waitFor(() => storedText(compactId).includes(words), `“${words}” is stored`);
}

const versionEvents = (compactId: string) =>
  db.sqlite
    .prepare(
      `SELECT actor_user_id AS actorUserId, actor_party_id AS actorPartyId, entity_id AS entityId, after
         FROM audit_events WHERE compact_id = ? AND action = 'version.created' ORDER BY id`,
    )
    .all(compactId) as { actorUserId: string | null; actorPartyId: string | null; entityId: string; after: string }[];

/** A compact with an admin and negotiators of two parties, each with a live editor. */
async function twoPartyCompact() {
  const compactId = buildCompact(db, { text: 'The parties meet.' }).id;
  const [ald, varenia] = [buildParty(db), buildParty(db)];
  const admin = await memberWithRole(db, compactId, 'admin', ald.id);
  const aldoria = await memberWithRole(db, compactId, 'negotiator', ald.id);
  const varenian = await memberWithRole(db, compactId, 'negotiator', varenia.id);
  return {
    compactId,
    parties: { ald, varenia },
    admin,
    aldoria,
    varenian,
    editors: { aldoria: await editorOf(aldoria, compactId), varenian: await editorOf(varenian, compactId) },
  };
}

test('a named version reproduces exactly the stored text at the update it reaches, and later edits leave it as it was', async () => {
  const { compactId, admin, editors } = await twoPartyCompact();
  await typeAndStore(editors.aldoria.doc, compactId, 'Both ');
  await typeAndStore(editors.varenian.doc, compactId, 'Today, ');
  const newestUpdate = db.sqlite
    .prepare('SELECT max(id) AS id FROM doc_updates WHERE compact_id = ?')
    .get(compactId) as {
    id: number;
  };

  const made = await admin.caller.versions.create({
    compactId,
    name: '  Zero draft ',
    symbol: 'S/2027/123',
    note: 'For the first reading.\nComments by Friday.',
  });
  assert.equal(made.uptoUpdateId, newestUpdate.id, 'the version reaches the newest stored update');
  await typeAndStore(editors.aldoria.doc, compactId, 'Later, ');

  const version = await admin.caller.versions.get({ compactId, versionId: made.id });
  assert.equal(version.number, 1);
  assert.equal(version.kind, 'named');
  assert.equal(version.name, 'Zero draft', 'the name is trimmed');
  assert.equal(version.symbol, 'S/2027/123');
  assert.equal(version.note, 'For the first reading.\nComments by Friday.');
  assert.deepEqual(version.createdBy, { userId: admin.id, name: version.createdBy?.name });
  const { doc } = loadDoc(db.db, compactId, version.uptoUpdateId);
  try {
    assert.deepEqual(version.contentJson, yDocToContent(doc), 'the stored JSON is the rebuilt text');
    assert.equal(version.contentHash, contentHash(yDocToContent(doc)));
    assert.equal(version.plainText, yDocToPlainText(doc));
  } finally {
    doc.destroy();
  }
  assert.equal(version.plainText, 'Today, Both The parties meet.');
  assert.equal(version.canonicalVersion, 1);
  assert.notEqual(storedText(compactId), version.plainText, 'the live text has moved on');
});

test('contributors are the people and parties who sent updates since the previous version, and nobody else', async () => {
  const { compactId, admin, aldoria, varenian, parties, editors } = await twoPartyCompact();
  await typeAndStore(editors.aldoria.doc, compactId, 'Draft: ');
  const first = await admin.caller.versions.create({ compactId, name: 'Zero draft' });

  await typeAndStore(editors.varenian.doc, compactId, 'Both ');
  await typeAndStore(editors.aldoria.doc, compactId, 'Now ');
  await typeAndStore(editors.varenian.doc, compactId, 'Truly ');
  const second = await aldoria.caller.versions.create({ compactId, name: 'Rev.1', symbol: 'S/2027/123/Rev.1' });

  const sentBetween = (userId: string, after: number, upto: number) =>
    (
      db.sqlite
        .prepare('SELECT count(*) AS n FROM doc_updates WHERE compact_id = ? AND user_id = ? AND id > ? AND id <= ?')
        .get(compactId, userId, after, upto) as { n: number }
    ).n;
  const { versions } = await varenian.caller.versions.list({ compactId });
  assert.deepEqual(
    versions.map((version) => version.name),
    ['Rev.1', 'Zero draft'],
  );
  const [rev1, zero] = versions;
  assert.deepEqual(
    rev1!.contributors.map(({ userId, partyId, partyCode, updates }) => ({ userId, partyId, partyCode, updates })),
    [
      {
        userId: varenian.id,
        partyId: parties.varenia.id,
        partyCode: parties.varenia.shortCode,
        updates: sentBetween(varenian.id, first.uptoUpdateId, second.uptoUpdateId),
      },
      {
        userId: aldoria.id,
        partyId: parties.ald.id,
        partyCode: parties.ald.shortCode,
        updates: sentBetween(aldoria.id, first.uptoUpdateId, second.uptoUpdateId),
      },
    ],
    'Varenia first (it typed first), then Aldoria; the seeding system and the admin are not contributors',
  );
  assert.ok(rev1!.contributors.every((contributor) => contributor.name !== null && contributor.updates > 0));
  assert.deepEqual(
    zero!.contributors.map(({ userId, partyId, name }) => ({ userId, partyId, name })),
    [
      { userId: null, partyId: null, name: null },
      { userId: aldoria.id, partyId: parties.ald.id, name: rev1!.contributors[1]!.name },
    ],
    'the first version counts from the start of the log: the seeded text (the system) and Aldoria',
  );
  assert.equal('contentJson' in rev1!, false, 'the list leaves the text out');
});

test('a version name is bounded, its symbol and note checked, and unique in the compact (whatever the case)', async () => {
  const compactId = buildCompact(db, { text: 'Text.' }).id;
  const negotiator = await memberWithRole(db, compactId, 'negotiator');
  const stored = () => [countRows(db, 'versions'), versionEvents(compactId).length];
  await negotiator.caller.versions.create({ compactId, name: 'Rev.1' });
  const before = stored();

  const refused = [
    { compactId, name: '   ' },
    { compactId, name: 'x'.repeat(121) },
    { compactId, name: 'Rev\u202E.2' },
    { compactId, name: 'Rev.2', symbol: 'S/2027/<script>' },
    { compactId, name: 'Rev.2', symbol: `S/${'1'.repeat(80)}` },
    { compactId, name: 'Rev.2', note: 'n'.repeat(2001) },
    { compactId, name: 'Rev.2', note: 'Bell\u0007' },
    { compactId, name: 'x'.repeat(10_000) },
  ];
  for (const input of refused)
    await assert.rejects(negotiator.caller.versions.create(input), { code: 'BAD_REQUEST' }, JSON.stringify(input));
  await assert.rejects(negotiator.caller.versions.create({ compactId, name: 'rev.1' }), (error: unknown) => {
    assert.ok(error instanceof TRPCError);
    assert.equal(error.code, 'CONFLICT');
    assert.match(error.message, /already has a version named “rev\.1”/);
    return true;
  });
  assert.deepEqual(stored(), before, 'nothing was stored or audited');

  const otherCompact = buildCompact(db, { text: 'Other.' }).id;
  const elsewhere = await memberWithRole(db, otherCompact, 'admin');
  await elsewhere.caller.versions.create({ compactId: otherCompact, name: 'Rev.1', symbol: 'A/RES/78/1 (Part I)*' });
});

test('monitors, validators and reviewers cannot name a version, and nothing is stored', async () => {
  const compactId = buildCompact(db, { text: 'Text.' }).id;
  for (const role of ['monitor', 'validator', 'reviewer'] as const) {
    const member = await memberWithRole(db, compactId, role);
    await assert.rejects(member.caller.versions.create({ compactId, name: `By a ${role}` }), { code: 'FORBIDDEN' });
    assert.equal((await member.caller.versions.list({ compactId })).versions.length, 0);
  }
  assert.equal(versionEvents(compactId).length, 0);
});

test('each version writes its version.created event with the content hash, by the member and their party, and the chain verifies', async () => {
  const { compactId, admin, varenian, parties, editors } = await twoPartyCompact();
  const first = await varenian.caller.versions.create({ compactId, name: 'Zero draft' });
  await typeAndStore(editors.varenian.doc, compactId, 'Amended: ');
  const second = await admin.caller.versions.create({ compactId, name: 'Rev.1', symbol: 'S/2027/1/Rev.1' });

  const events = versionEvents(compactId);
  assert.deepEqual(
    events.map(({ actorUserId, actorPartyId, entityId, after }) => ({
      actorUserId,
      actorPartyId,
      entityId,
      after: JSON.parse(after) as unknown,
    })),
    [
      {
        actorUserId: varenian.id,
        actorPartyId: parties.varenia.id,
        entityId: first.id,
        after: {
          number: 1,
          kind: 'named',
          name: 'Zero draft',
          symbol: null,
          uptoUpdateId: first.uptoUpdateId,
          contentHash: first.contentHash,
          canonicalVersion: 1,
        },
      },
      {
        actorUserId: admin.id,
        actorPartyId: parties.ald.id,
        entityId: second.id,
        after: {
          number: 2,
          kind: 'named',
          name: 'Rev.1',
          symbol: 'S/2027/1/Rev.1',
          uptoUpdateId: second.uptoUpdateId,
          contentHash: second.contentHash,
          canonicalVersion: 1,
        },
      },
    ],
  );
  assert.notEqual(first.contentHash, second.contentHash);
  assert.ok(verifyStoredChain(db.sqlite, compactId).ok, 'the chain verifies');
});

test('a version of another compact, or of none, is not found', async () => {
  const compactId = buildCompact(db, { text: 'Mine.' }).id;
  const other = buildCompact(db, { text: 'Theirs.' }).id;
  const member = await memberWithRole(db, compactId, 'reviewer');
  const outsiderAdmin = await memberWithRole(db, other, 'admin');
  const theirs = await outsiderAdmin.caller.versions.create({ compactId: other, name: 'Theirs' });
  await assert.rejects(member.caller.versions.get({ compactId, versionId: theirs.id }), { code: 'NOT_FOUND' });
  await assert.rejects(member.caller.versions.get({ compactId, versionId: 'no-such-version' }), { code: 'NOT_FOUND' });
});

test('a compact whose log is empty gets a version of the empty text at update 0', async () => {
  const compactId = buildCompact(db).id;
  const admin = await memberWithRole(db, compactId, 'admin');
  const version = await admin.caller.versions.create({ compactId, name: 'Blank page' });
  assert.equal(version.uptoUpdateId, 0);
  const stored = await admin.caller.versions.get({ compactId, versionId: version.id });
  assert.equal(stored.plainText, '');
  assert.deepEqual(stored.contributors, []);
});
