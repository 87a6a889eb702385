import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { seedDemoIfEmpty, DEMO_COMPACT_TITLE, DEMO_PASSWORD } from '@/server/services/demo-seed';
import { buildUser, callerFor, signIn } from '../helpers/factories';
import { countRows, createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

test('the demo seed runs once, with its accounts, compact and server-rendered text', async () => {
  assert.equal(await seedDemoIfEmpty(db.db), true);
  assert.equal(await seedDemoIfEmpty(db.db), false);
  // The text's history: the penholder's zero draft, each party's proposals, the chair's states.
  assert.equal(countRows(db, 'doc_updates'), 5);
  const reviewer = await callerFor(db, await signIn(db, 'reviewer@secretariat.example', DEMO_PASSWORD));
  const [compact] = await reviewer.compacts.list();
  assert.equal(compact?.title, DEMO_COMPACT_TITLE);
  assert.equal(compact?.can.editText, false);
  const text = await reviewer.compacts.text({ compactId: compact!.id });
  assert.match(text.plainText, /^Strategic Compact for the UN Stabilization Mission in Aldoria/);
  for (const section of [
    'Political priorities',
    'Protection of civilians',
    'Performance expectations',
    'Consent parameters',
    'Mutual accountability and review',
  ]) {
    assert.ok(text.plainText.includes(section), section);
  }
  const provisions = text.content.content!.filter((block) => block.type === 'provision');
  assert.ok(provisions.length >= 10, 'the demo text is in provisions');
  const { versions } = await reviewer.versions.list({ compactId: compact!.id });
  assert.deepEqual(
    versions.map((version) => version.name),
    ['Rev.1', 'Zero draft'],
  );
  const zero = versions[1]!;
  const comparison = await reviewer.versions.compare({ compactId: compact!.id, fromVersionId: zero.id });
  assert.equal(comparison.to.versionId, null, 'the current text is Rev.1');
  assert.equal(comparison.from.versionId, zero.id);
  const rev1 = await reviewer.versions.compare({
    compactId: compact!.id,
    fromVersionId: zero.id,
    toVersionId: versions[0]!.id,
  });
  const codes = new Set(rev1.redline.authors.map((author) => author.partyCode));
  assert.deepEqual([...codes].sort(), ['ALD', 'UNS', 'UNSMA', 'VAR'], 'each party’s proposals are its own');
  assert.ok(!JSON.stringify(rev1.redline.blocks).includes('"type":"removed"'), 'proposals only add: nothing deleted');
  assert.ok(
    rev1.redline.provisions.some((change) => change.stateBefore === 'open' && change.stateAfter === 'bracketed'),
  );
  const threads = db.sqlite.prepare('SELECT visibility, quote FROM comment_threads').all() as { visibility: string }[];
  assert.ok(threads.length >= 3, 'a few comment threads');
  assert.ok(
    threads.some((thread) => thread.visibility === 'delegation'),
    'one of them for a delegation only',
  );
});

test('a party name or compact title with text-direction or control characters is refused and nothing is created', async () => {
  const admin = await callerFor(db, await signIn(db, 'admin@secretariat.example', DEMO_PASSWORD));
  const partiesBefore = (await admin.parties.list()).length;
  await assert.rejects(admin.parties.create({ name: 'Republic of \u202EainotsE', shortCode: 'RLO', kind: 'other' }), {
    code: 'BAD_REQUEST',
  });
  assert.equal((await admin.parties.list()).length, partiesBefore);
  const [party] = await admin.parties.list();
  await assert.rejects(
    admin.compacts.create({ title: 'Compact\nOpen https://evil.example', description: '', partyId: party!.id }),
    { code: 'BAD_REQUEST' },
  );
});

test('instance administrators create parties and compacts; others may not', async () => {
  const admin = await callerFor(db, await signIn(db, 'admin@secretariat.example', DEMO_PASSWORD));
  const party = await admin.parties.create({ name: 'European Union', shortCode: 'EU', kind: 'regional-organisation' });
  await assert.rejects(admin.parties.create({ name: 'european union', shortCode: 'EU2', kind: 'other' }), {
    code: 'CONFLICT',
  });
  await assert.rejects(admin.compacts.create({ title: 'Compact without a party', description: '', partyId: 'nope' }), {
    code: 'BAD_REQUEST',
  });
  const compact = await admin.compacts.create({ title: 'Compact for MINUSTEST', description: '', partyId: party.id });
  const created = await admin.compacts.byId({ compactId: compact.id });
  assert.equal(created.myRole, 'admin');
  assert.equal(created.myParty.id, party.id, 'the creator represents the party they chose');

  const plain = await buildUser(db);
  const someone = await callerFor(db, await signIn(db, plain.email));
  await assert.rejects(someone.parties.create({ name: 'Rogue', shortCode: 'RG', kind: 'other' }), {
    code: 'FORBIDDEN',
  });
  await assert.rejects(someone.compacts.create({ title: 'Rogue compact', description: '', partyId: party.id }), {
    code: 'FORBIDDEN',
  });
  assert.deepEqual(await someone.compacts.list(), [], 'only compacts one is a member of are listed');
  await assert.rejects(someone.compacts.byId({ compactId: compact.id }), { code: 'NOT_FOUND' });
});
