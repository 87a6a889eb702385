import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Y from 'yjs';
import { verifyStoredChain } from '@/server/services/audit-verify';
import { currentTextHash } from '@/server/services/sign-offs/current-text-hash';
import { WITHDRAWN_SHOWN } from '@/server/services/sign-offs/sign-off-status';
import { newestUpdateId, snapshotAt } from '@/server/services/versions/text-snapshot';
import { insertVersion, newestVersion } from '@/server/services/versions/version-writes';
import { firstTextBlock, typeInto, waitFor } from '../helpers/collab-client';
import { collabTestEnvironment } from '../helpers/collab-server';
import { buildCompact, buildParty, memberWithRole, type Member } from '../helpers/factories';
import { signatoryWithRole, signOffRecord } from '../helpers/sign-off-fixtures';
import { storedPlainText } from '../helpers/stored-text';

const env = collabTestEnvironment();
const { db } = env;

const storedText = (compactId: string) => storedPlainText(db, compactId);

/** The migration's trigger that keeps what was signed from changing (put back after a test steps around it). */
const withdrawOnlyTrigger = (
  db.sqlite
    .prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'sign_offs_withdraw_only'`)
    .get() as {
    sql: string;
  }
).sql;

/**
 * A compact with two parties: Aldoria (a signatory negotiator, a colleague who is a signatory
 * monitor, a negotiator who is not a signatory, an admin who is not a signatory) and Varenia (a
 * signatory negotiator), plus a reviewer of a third party; Rev.1 named.
 */
async function compactWithSignatories() {
  const compactId = buildCompact(db, { text: 'The parties meet.' }).id;
  const [ald, varenia, observers] = [buildParty(db), buildParty(db), buildParty(db)];
  const people = {
    aldSignatory: await signatoryWithRole(db, compactId, 'negotiator', ald.id),
    aldColleague: await signatoryWithRole(db, compactId, 'monitor', ald.id),
    aldNegotiator: await memberWithRole(db, compactId, 'negotiator', ald.id),
    admin: await memberWithRole(db, compactId, 'admin', ald.id),
    varSignatory: await signatoryWithRole(db, compactId, 'negotiator', varenia.id),
    reviewer: await memberWithRole(db, compactId, 'reviewer', observers.id),
  };
  const rev1 = await people.admin.caller.versions.create({ compactId, name: 'Rev.1' });
  return { compactId, parties: { ald, varenia, observers }, rev1, ...people };
}

const statusOf = async (member: Member, compactId: string, partyId: string) => {
  const status = await member.caller.signOffs.status({ compactId });
  const party = status.parties.find((entry) => entry.partyId === partyId);
  assert.ok(party, 'the party is listed');
  return party;
};

const signOffEvents = (compactId: string) =>
  (
    db.sqlite
      .prepare(
        `SELECT action, actor_user_id AS actor, actor_party_id AS party, entity_id AS entityId, after
           FROM audit_events WHERE compact_id = ? AND entity_type = 'sign-off' ORDER BY id`,
      )
      .all(compactId) as { action: string; actor: string; party: string; entityId: string; after: string }[]
  ).map((event) => ({ ...event, after: JSON.parse(event.after) as Record<string, unknown> }));

test('a signatory signs a named version for their party: the sign-off keeps its content hash and the party has signed the current text', async () => {
  const { compactId, parties, rev1, aldSignatory, reviewer } = await compactWithSignatories();
  const signed = await aldSignatory.caller.signOffs.sign({
    compactId,
    versionId: rev1.id,
    statementKind: 'reservation',
    statement: '  Aldoria reserves its position on OP 3.\nSee the note verbale. ',
  });
  assert.equal(signed.partyId, parties.ald.id);
  assert.equal(signed.contentHash, rev1.contentHash);
  assert.equal(signed.canonicalVersion, rev1.canonicalVersion);

  const status = await statusOf(reviewer, compactId, parties.ald.id);
  assert.equal(status.state, 'signed-current');
  assert.equal(status.partyCode, parties.ald.shortCode);
  assert.equal(status.active?.signedBy.userId, aldSignatory.id);
  assert.ok(status.active?.signedBy.name);
  assert.equal(status.active?.statementKind, 'reservation');
  assert.equal(status.active?.statement, 'Aldoria reserves its position on OP 3.\nSee the note verbale.');
  assert.equal(status.active?.versionName, 'Rev.1');
  const me = (await aldSignatory.caller.signOffs.status({ compactId })).me;
  assert.deepEqual(me, { canSign: true, partyId: parties.ald.id, partyCode: parties.ald.shortCode });
  assert.equal((await reviewer.caller.signOffs.status({ compactId })).me.canSign, false);
});

test('only signatories sign: a non-signatory negotiator, an admin who is not a signatory and a reviewer are refused, and nothing is written', async () => {
  const { compactId, rev1, aldNegotiator, admin, reviewer } = await compactWithSignatories();
  for (const member of [aldNegotiator, admin, reviewer]) {
    await assert.rejects(member.caller.signOffs.sign({ compactId, versionId: rev1.id, statementKind: 'none' }), {
      code: 'FORBIDDEN',
    });
  }
  assert.deepEqual(signOffRecord(db, compactId), { rows: 0, withdrawn: 0, events: 0 });
});

test('a signatory signs only for the party of their membership, whatever party the request names', async () => {
  const { compactId, parties, rev1, varSignatory } = await compactWithSignatories();
  const input = { compactId, versionId: rev1.id, statementKind: 'none' as const, partyId: parties.ald.id };
  const signed = await varSignatory.caller.signOffs.sign(input);
  assert.equal(signed.partyId, parties.varenia.id);
  assert.equal((await statusOf(varSignatory, compactId, parties.ald.id)).state, 'not-signed');
});

test('an automatic version cannot be signed, nor a version of another compact', async () => {
  const { compactId, aldSignatory } = await compactWithSignatories();
  const previous = newestVersion(db.db, compactId);
  const automatic = insertVersion(
    db.db,
    { userId: null, partyId: null },
    {
      compactId,
      kind: 'auto',
      name: null,
      symbol: null,
      note: null,
      snapshot: snapshotAt(db.db, compactId, newestUpdateId(db.db, compactId)),
      contributors: [],
      follows: previous?.number ?? 0,
      createdBy: null,
    },
  );
  assert.ok(automatic);
  await assert.rejects(
    aldSignatory.caller.signOffs.sign({ compactId, versionId: automatic.id, statementKind: 'none' }),
    { code: 'BAD_REQUEST', message: /Only a named version can be signed/ },
  );
  const other = await compactWithSignatories();
  await assert.rejects(
    aldSignatory.caller.signOffs.sign({ compactId, versionId: other.rev1.id, statementKind: 'none' }),
    { code: 'NOT_FOUND' },
  );
  assert.deepEqual(signOffRecord(db, compactId), { rows: 0, withdrawn: 0, events: 0 });
});

test('a bad statement or reason is refused with the field named, and nothing is written', async () => {
  const { compactId, rev1, aldSignatory } = await compactWithSignatories();
  const refused = [
    { statementKind: 'reservation' as const, statement: '   ' },
    { statementKind: 'none' as const, statement: 'A statement without a kind.' },
    { statementKind: 'interpretive' as const, statement: 's'.repeat(4001) },
    { statementKind: 'interpretive' as const, statement: 'Reads \u202Eotherwise' },
    { statementKind: 'reservation' as const, statement: 'Bell\u0007' },
  ];
  for (const input of refused)
    await assert.rejects(
      aldSignatory.caller.signOffs.sign({ compactId, versionId: rev1.id, ...input }),
      { code: 'BAD_REQUEST', message: /statement/ },
      JSON.stringify(input),
    );
  await assert.rejects(
    aldSignatory.caller.signOffs.sign({
      compactId,
      versionId: rev1.id,
      statementKind: 'reservation',
      statement: 'x'.repeat(20_000),
    }),
    { code: 'BAD_REQUEST' },
  );
  assert.deepEqual(signOffRecord(db, compactId), { rows: 0, withdrawn: 0, events: 0 });

  const signed = await aldSignatory.caller.signOffs.sign({ compactId, versionId: rev1.id, statementKind: 'none' });
  await assert.rejects(
    aldSignatory.caller.signOffs.withdraw({ compactId, signOffId: signed.id, reason: 'r'.repeat(1001) }),
    { code: 'BAD_REQUEST', message: /reason/ },
  );
  await assert.rejects(aldSignatory.caller.signOffs.sign({ compactId, versionId: rev1.id, statementKind: 'none' }), {
    code: 'CONFLICT',
    message: /already signed “Rev\.1”/,
  });
  assert.deepEqual(signOffRecord(db, compactId), { rows: 1, withdrawn: 0, events: 1 });
});

test('a sign-off goes stale after an edit (naming the version to compare from) and is current again when the text is edited back', async () => {
  const { compactId, parties, rev1, aldSignatory, aldNegotiator, reviewer } = await compactWithSignatories();
  await aldSignatory.caller.signOffs.sign({ compactId, versionId: rev1.id, statementKind: 'none' });
  const editor = await env.editor(compactId, aldNegotiator.cookie);

  typeInto(editor.doc, 0, 'Both ');
  await waitFor(() => storedText(compactId).includes('Both '), 'the edit is stored');
  const stale = await statusOf(reviewer, compactId, parties.ald.id);
  assert.equal(stale.state, 'signed-earlier');
  assert.deepEqual(
    { id: stale.active?.versionId, number: stale.active?.versionNumber, name: stale.active?.versionName },
    { id: rev1.id, number: rev1.number, name: 'Rev.1' },
  );
  assert.equal((await statusOf(reviewer, compactId, parties.varenia.id)).state, 'not-signed');

  // A later named version of the changed text does not make the sign-off current…
  await aldNegotiator.caller.versions.create({ compactId, name: 'Rev.2' });
  assert.equal((await statusOf(reviewer, compactId, parties.ald.id)).state, 'signed-earlier');

  // …but the same text as the one signed does, whatever the history in between.
  (firstTextBlock(editor.doc).get(0) as Y.XmlText).delete(0, 'Both '.length);
  await waitFor(() => !storedText(compactId).includes('Both '), 'the deletion is stored');
  assert.equal(storedText(compactId), 'The parties meet.');
  const again = await statusOf(reviewer, compactId, parties.ald.id);
  assert.equal(again.state, 'signed-current');
  const status = await reviewer.caller.signOffs.status({ compactId });
  assert.equal(status.currentContentHash, rev1.contentHash);
});

test('signing a newer version supersedes the older sign-off: withdrawn by the signer, in the record, both audited', async () => {
  const { compactId, parties, rev1, admin, aldSignatory, reviewer } = await compactWithSignatories();
  const first = await aldSignatory.caller.signOffs.sign({
    compactId,
    versionId: rev1.id,
    statementKind: 'interpretive',
    statement: 'OP 2 applies to new missions only.',
  });
  await admin.caller.versions.create({ compactId, name: 'Rev.2' });
  const rev2 = (await admin.caller.versions.list({ compactId, kind: 'named' })).versions[0]!;
  const second = await aldSignatory.caller.signOffs.sign({ compactId, versionId: rev2.id, statementKind: 'none' });

  const status = await statusOf(reviewer, compactId, parties.ald.id);
  assert.equal(status.active?.id, second.id);
  assert.equal(status.state, 'signed-current', 'Rev.2 has the same text as now');
  assert.equal(status.withdrawnCount, 1);
  const [old] = status.withdrawn;
  assert.equal(old?.id, first.id);
  // Superseded by Rev.2: a fact the reader is told in their own language, not an English sentence stored as the reason.
  assert.deepEqual(old?.supersededBy, { versionNumber: rev2.number, versionName: 'Rev.2' });
  assert.equal(old?.withdrawalReason, null);
  assert.equal(status.active?.supersededBy, null);
  assert.equal(old?.withdrawnBy?.userId, aldSignatory.id);
  assert.equal(old?.statement, 'OP 2 applies to new missions only.', 'the row keeps what was signed');
  assert.deepEqual(
    signOffEvents(compactId).map((event) => [event.action, event.entityId]),
    [
      ['sign-off.signed', first.id],
      ['sign-off.withdrawn', first.id],
      ['sign-off.signed', second.id],
    ],
  );
  assert.deepEqual(signOffRecord(db, compactId), { rows: 2, withdrawn: 1, events: 3 });
});

test('another signatory of the same party withdraws a sign-off: the row is kept with who, when and why, and audited; other parties cannot', async () => {
  const { compactId, parties, rev1, aldSignatory, aldColleague, aldNegotiator, varSignatory, reviewer } =
    await compactWithSignatories();
  const signed = await aldSignatory.caller.signOffs.sign({ compactId, versionId: rev1.id, statementKind: 'none' });

  for (const member of [varSignatory, aldNegotiator, reviewer])
    await assert.rejects(member.caller.signOffs.withdraw({ compactId, signOffId: signed.id }), { code: 'FORBIDDEN' });
  assert.deepEqual(signOffRecord(db, compactId), { rows: 1, withdrawn: 0, events: 1 });

  await aldColleague.caller.signOffs.withdraw({
    compactId,
    signOffId: signed.id,
    reason: ' Instructions from capital. ',
  });
  await assert.rejects(aldSignatory.caller.signOffs.withdraw({ compactId, signOffId: signed.id }), {
    code: 'CONFLICT',
  });
  const row = db.sqlite.prepare('SELECT * FROM sign_offs WHERE id = ?').get(signed.id) as Record<string, unknown>;
  assert.equal(row.withdrawn_by, aldColleague.id);
  assert.equal(row.withdrawal_reason, 'Instructions from capital.');
  assert.equal(typeof row.withdrawn_at, 'number');
  assert.equal(row.signed_by, aldSignatory.id, 'who signed is still recorded');

  const status = await statusOf(reviewer, compactId, parties.ald.id);
  assert.equal(status.state, 'not-signed');
  assert.equal(status.withdrawn[0]?.withdrawnBy?.userId, aldColleague.id);
  const [, withdrawal] = signOffEvents(compactId);
  assert.equal(withdrawal?.action, 'sign-off.withdrawn');
  assert.equal(withdrawal?.actor, aldColleague.id);
  assert.equal(withdrawal?.party, parties.ald.id);
  assert.equal(withdrawal?.after.withdrawalReason, 'Instructions from capital.');
});

test('sign-off events carry the version, its content hash and the statement, by the signer and their party, and the chain verifies', async () => {
  const { compactId, parties, rev1, varSignatory } = await compactWithSignatories();
  const signed = await varSignatory.caller.signOffs.sign({
    compactId,
    versionId: rev1.id,
    statementKind: 'reservation',
    statement: 'Subject to ratification.',
  });
  const [event] = signOffEvents(compactId);
  assert.deepEqual(event, {
    action: 'sign-off.signed',
    actor: varSignatory.id,
    party: parties.varenia.id,
    entityId: signed.id,
    after: {
      versionId: rev1.id,
      versionNumber: rev1.number,
      contentHash: rev1.contentHash,
      canonicalVersion: rev1.canonicalVersion,
      partyId: parties.varenia.id,
      statementKind: 'reservation',
      statement: 'Subject to ratification.',
    },
  });
  assert.ok(verifyStoredChain(db.sqlite, compactId).ok, 'the chain verifies');
});

test('the status lists every party of the compact, those without a sign-off as not signed, and a party that signed and left', async () => {
  const { compactId, parties, rev1, varSignatory, reviewer } = await compactWithSignatories();
  await varSignatory.caller.signOffs.sign({ compactId, versionId: rev1.id, statementKind: 'none' });
  db.sqlite.prepare('DELETE FROM memberships WHERE compact_id = ? AND party_id = ?').run(compactId, parties.varenia.id);

  const status = await reviewer.caller.signOffs.status({ compactId });
  const states = Object.fromEntries(status.parties.map((party) => [party.partyId, party.state]));
  assert.deepEqual(states, {
    [parties.ald.id]: 'not-signed',
    [parties.varenia.id]: 'signed-current',
    [parties.observers.id]: 'not-signed',
  });
});

test('sign-offs are never deleted, and what was signed never changes', async () => {
  const { compactId, rev1, aldSignatory } = await compactWithSignatories();
  const signed = await aldSignatory.caller.signOffs.sign({ compactId, versionId: rev1.id, statementKind: 'none' });
  assert.throws(() => db.sqlite.prepare('DELETE FROM sign_offs WHERE id = ?').run(signed.id), /never deleted/);
  assert.throws(
    () => db.sqlite.prepare(`UPDATE sign_offs SET content_hash = 'x' WHERE id = ?`).run(signed.id),
    /only ever withdrawn/,
  );
  assert.deepEqual(signOffRecord(db, compactId), { rows: 1, withdrawn: 0, events: 1 });
});

test('the current text is rendered once per stored update: asking again without an edit answers from the cache', async () => {
  const { compactId, aldNegotiator } = await compactWithSignatories();
  const first = currentTextHash(db.db, compactId);
  assert.equal(currentTextHash(db.db, compactId), first, 'the same answer, not rendered again');
  const editor = await env.editor(compactId, aldNegotiator.cookie);
  typeInto(editor.doc, 0, 'Now ');
  await waitFor(() => storedText(compactId).includes('Now '), 'the edit is stored');
  const after = currentTextHash(db.db, compactId);
  assert.notEqual(after.uptoUpdateId, first.uptoUpdateId);
  assert.notEqual(after.contentHash, first.contentHash);
});

test('a sign-off made under an older canonical-form rule is compared by its version’s text under the current rule', async () => {
  const { compactId, parties, rev1, aldSignatory, reviewer } = await compactWithSignatories();
  const signed = await aldSignatory.caller.signOffs.sign({ compactId, versionId: rev1.id, statementKind: 'none' });
  // As if signed before the rule changed: another hash under rule 0 (the row is rewritten under the trigger's nose).
  db.sqlite.exec('DROP TRIGGER sign_offs_withdraw_only');
  try {
    db.sqlite
      .prepare(`UPDATE sign_offs SET canonical_version = 0, content_hash = 'old-rule-hash' WHERE id = ?`)
      .run(signed.id);
  } finally {
    db.sqlite.exec(withdrawOnlyTrigger);
  }
  assert.equal((await statusOf(reviewer, compactId, parties.ald.id)).state, 'signed-current');
});

test('each party lists its own newest withdrawn sign-offs, at most WITHDRAWN_SHOWN, with how many there are', async () => {
  const { compactId, parties, rev1, aldSignatory, varSignatory, reviewer } = await compactWithSignatories();
  const signAndWithdraw = async (member: Member) => {
    const signed = await member.caller.signOffs.sign({ compactId, versionId: rev1.id, statementKind: 'none' });
    await member.caller.signOffs.withdraw({ compactId, signOffId: signed.id });
    return signed.id;
  };
  for (let i = 0; i < WITHDRAWN_SHOWN + 2; i++) await signAndWithdraw(aldSignatory);
  const varenias = await signAndWithdraw(varSignatory);
  const ald = await statusOf(reviewer, compactId, parties.ald.id);
  assert.equal(ald.withdrawnCount, WITHDRAWN_SHOWN + 2);
  assert.equal(ald.withdrawn.length, WITHDRAWN_SHOWN);
  assert.ok(!ald.withdrawn.some((signOff) => signOff.id === varenias), 'another party’s are not listed');
  const varenia = await statusOf(reviewer, compactId, parties.varenia.id);
  assert.equal(varenia.withdrawnCount, 1);
  assert.deepEqual(
    varenia.withdrawn.map((signOff) => [signOff.id, signOff.withdrawnBy?.userId]),
    [[varenias, varSignatory.id]],
  );
});

test('a sign-off superseded before the fact was derived shows the fact, not its stored English sentence; a reason typed by a person stays', async () => {
  const { compactId, parties, rev1, admin, aldSignatory, varSignatory, reviewer } = await compactWithSignatories();
  await admin.caller.versions.create({ compactId, name: 'Rev.2' });
  const rev2 = (await admin.caller.versions.list({ compactId, kind: 'named' })).versions[0]!;
  for (const signatory of [aldSignatory, varSignatory]) {
    await signatory.caller.signOffs.sign({ compactId, versionId: rev1.id, statementKind: 'none' });
    await signatory.caller.signOffs.sign({ compactId, versionId: rev2.id, statementKind: 'none' });
  }
  // As the app stored them before: Aldoria's with the sentence, Varenia's with a sentence naming another version.
  const storeReason = (partyId: string, reason: string) => {
    db.sqlite.exec('DROP TRIGGER sign_offs_withdraw_only');
    try {
      db.sqlite
        .prepare(`UPDATE sign_offs SET withdrawal_reason = ? WHERE party_id = ? AND withdrawn_at IS NOT NULL`)
        .run(reason, partyId);
    } finally {
      db.sqlite.exec(withdrawOnlyTrigger);
    }
  };
  storeReason(parties.ald.id, 'superseded by Rev.2');
  storeReason(parties.varenia.id, 'superseded by Rev.9');

  const [aldOld] = (await statusOf(reviewer, compactId, parties.ald.id)).withdrawn;
  assert.deepEqual(aldOld?.supersededBy, { versionNumber: rev2.number, versionName: 'Rev.2' });
  assert.equal(aldOld?.withdrawalReason, null);
  const [varOld] = (await statusOf(reviewer, compactId, parties.varenia.id)).withdrawn;
  assert.deepEqual(varOld?.supersededBy, { versionNumber: rev2.number, versionName: 'Rev.2' });
  assert.equal(varOld?.withdrawalReason, 'superseded by Rev.9', 'not the sentence the app wrote: shown as stored');
});
