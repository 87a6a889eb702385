import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { stopChainVerifier } from '@/server/services/audit-chain-status';
import { archiveCompact } from '@/server/services/compact-archive';
import { currentTextHash } from '@/server/services/sign-offs/current-text-hash';
import { TEXT_LANGUAGES } from '@/shared/text-languages';
import { buildCompact, buildParty, buildUser, callerFor, memberWithRole, signIn } from '../helpers/factories';
import { createTestDb, storedUpdates } from '../helpers/test-db';
import { codeOf } from '../helpers/trpc-codes';

const db = createTestDb();
after(async () => {
  await stopChainVerifier();
  db.cleanup();
});

const languageEvents = (compactId: string) =>
  db.sqlite
    .prepare(
      `SELECT actor_user_id AS actor, actor_party_id AS party, before, after FROM audit_events
       WHERE compact_id = ? AND action = 'compact.textLanguageSet' ORDER BY id`,
    )
    .all(compactId) as { actor: string; party: string; before: string; after: string }[];

describe('the language of the text', () => {
  test('a compact’s text is in English until an administrator says otherwise, and the pages read it', async () => {
    const compactId = buildCompact(db, { text: 'Operative paragraph.' }).id;
    const admin = await memberWithRole(db, compactId, 'admin');
    assert.equal((await admin.caller.compacts.byId({ compactId })).textLanguage, 'en');
  });

  test('an administrator sets it to Arabic: the pages read it and the change is audited with their party', async () => {
    const compactId = buildCompact(db, { text: 'Operative paragraph.' }).id;
    const admin = await memberWithRole(db, compactId, 'admin');
    assert.deepEqual(await admin.caller.compacts.setTextLanguage({ compactId, textLanguage: 'ar' }), {
      textLanguage: 'ar',
    });
    assert.equal((await admin.caller.compacts.byId({ compactId })).textLanguage, 'ar');
    const events = languageEvents(compactId);
    assert.equal(events.length, 1);
    assert.equal(events[0]!.actor, admin.id);
    assert.equal(events[0]!.party, admin.partyId);
    assert.deepEqual(JSON.parse(events[0]!.before), { textLanguage: 'en' });
    assert.deepEqual(JSON.parse(events[0]!.after), { textLanguage: 'ar' });
  });

  test('setting the language it already has changes nothing and audits nothing', async () => {
    const compactId = buildCompact(db, { text: 'Operative paragraph.' }).id;
    const admin = await memberWithRole(db, compactId, 'admin');
    await admin.caller.compacts.setTextLanguage({ compactId, textLanguage: 'en' });
    assert.deepEqual(languageEvents(compactId), []);
  });

  test('every one of the six UN languages is accepted', async () => {
    const compactId = buildCompact(db, { text: 'Operative paragraph.' }).id;
    const admin = await memberWithRole(db, compactId, 'admin');
    for (const textLanguage of TEXT_LANGUAGES) {
      await admin.caller.compacts.setTextLanguage({ compactId, textLanguage });
      assert.equal((await admin.caller.compacts.byId({ compactId })).textLanguage, textLanguage);
    }
  });

  test('a member who is not an administrator is refused and the language stays', async () => {
    const compactId = buildCompact(db, { text: 'Operative paragraph.' }).id;
    const negotiator = await memberWithRole(db, compactId, 'negotiator');
    assert.equal(
      await codeOf(negotiator.caller.compacts.setTextLanguage({ compactId, textLanguage: 'ar' })),
      'FORBIDDEN',
    );
    assert.equal((await negotiator.caller.compacts.byId({ compactId })).textLanguage, 'en');
    assert.deepEqual(languageEvents(compactId), []);
  });

  test('an archived compact is refused, even to its administrator', async () => {
    const compactId = buildCompact(db, { text: 'Operative paragraph.' }).id;
    const admin = await memberWithRole(db, compactId, 'admin');
    const instanceAdmin = await buildUser(db, { isInstanceAdmin: true });
    archiveCompact(db.db, { userId: instanceAdmin.id }, { compactId, reason: '' });
    assert.equal(await codeOf(admin.caller.compacts.setTextLanguage({ compactId, textLanguage: 'ar' })), 'FORBIDDEN');
    assert.equal((await admin.caller.compacts.byId({ compactId })).textLanguage, 'en');
  });

  test('a language outside the six is refused as bad input', async () => {
    const compactId = buildCompact(db, { text: 'Operative paragraph.' }).id;
    const admin = await memberWithRole(db, compactId, 'admin');
    const setTextLanguage = admin.caller.compacts.setTextLanguage as (input: unknown) => Promise<unknown>;
    assert.equal(await codeOf(setTextLanguage({ compactId, textLanguage: 'de' })), 'BAD_REQUEST');
    assert.equal(await codeOf(setTextLanguage({ compactId, textLanguage: 'ar'.repeat(100) })), 'BAD_REQUEST');
    assert.equal((await admin.caller.compacts.byId({ compactId })).textLanguage, 'en');
  });

  test('direction never enters the document: an Arabic text keeps its content hash and its update log', async () => {
    const compactId = buildCompact(db, { text: 'الفقرة الأولى من المنطوق، with an English quotation.' }).id;
    const admin = await memberWithRole(db, compactId, 'admin');
    const before = currentTextHash(db.db, compactId).contentHash;
    const updates = storedUpdates(db, compactId);
    await admin.caller.compacts.setTextLanguage({ compactId, textLanguage: 'ar' });
    assert.equal(currentTextHash(db.db, compactId).contentHash, before);
    assert.equal(storedUpdates(db, compactId), updates);
    const { content } = await admin.caller.compacts.text({ compactId });
    assert.doesNotMatch(JSON.stringify(content), /"dir"/);
  });

  test('a compact may be created with the language of its text', async () => {
    const instanceAdmin = await buildUser(db, { isInstanceAdmin: true });
    const caller = await callerFor(db, await signIn(db, instanceAdmin.email));
    const created = await caller.compacts.create({
      title: 'Pacte en français',
      partyId: buildParty(db).id,
      textLanguage: 'fr',
      requestKey: crypto.randomUUID(),
    });
    assert.equal((await caller.compacts.byId({ compactId: created.id })).textLanguage, 'fr');
  });
});
