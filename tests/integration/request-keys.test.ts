import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, test } from 'node:test';
import { TRPCError } from '@trpc/server';
import {
  addMember,
  buildCompact,
  buildParty,
  buildUser,
  callerFor,
  memberWithRole,
  signIn,
} from '../helpers/factories';
import { definition } from '../helpers/framework-fixtures';
import { countRows, createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

async function instanceAdmin() {
  const person = await buildUser(db, { isInstanceAdmin: true });
  return callerFor(db, await signIn(db, person.email));
}

test('a double-clicked "Create compact" creates one compact: the same submission key answers the first result', async () => {
  const admin = await instanceAdmin();
  const party = buildParty(db);
  const before = countRows(db, 'compacts');
  const requestKey = randomUUID();
  const input = { title: 'Compact for MINUSKEY', description: '', partyId: party.id, requestKey };
  const results = await Promise.allSettled([admin.compacts.create(input), admin.compacts.create(input)]);
  const created = results.filter((r) => r.status === 'fulfilled').map((r) => r.value.id);
  assert.ok(created.length >= 1);
  assert.equal(new Set(created).size, 1, 'both answers name the same compact');
  for (const result of results)
    if (result.status === 'rejected')
      assert.ok(result.reason instanceof TRPCError && result.reason.code === 'CONFLICT', String(result.reason));
  assert.equal(countRows(db, 'compacts'), before + 1);
  const again = await admin.compacts.create(input);
  assert.equal(again.id, created[0], 'a retried request answers the same compact');
  assert.equal(countRows(db, 'compacts'), before + 1);

  // A new submission (a new key) creates another; another person's identical key is theirs alone.
  await admin.compacts.create({ ...input, requestKey: randomUUID() });
  const other = await instanceAdmin();
  await other.compacts.create(input);
  assert.equal(countRows(db, 'compacts'), before + 3);
});

test('a refused creation frees its key: corrected and sent again, it is created once', async () => {
  const { id: compactId } = buildCompact(db);
  const admin = await memberWithRole(db, compactId, 'admin');
  const requestKey = randomUUID();
  const good = { compactId, ...definition(admin.partyId), requestKey };
  const taken = await admin.caller.indicators.create({ compactId, ...definition(admin.partyId) });
  // Refused by the service itself (the code is taken), after the key was claimed: the key is released.
  await assert.rejects(admin.caller.indicators.create({ ...good, code: taken.code }), { code: 'CONFLICT' });
  const made = await admin.caller.indicators.create(good);
  const replay = await admin.caller.indicators.create(good);
  assert.equal(replay.id, made.id);
  assert.equal(countRows(db, `indicators WHERE compact_id = '${compactId}'`), 2);
  await assert.rejects(
    admin.caller.commitments.create({
      compactId,
      reference: '1.1',
      leadPartyId: admin.partyId,
      supportingPartyIds: [],
      deliverable: 'A plan',
      dueDate: null,
      narrativeStatus: '',
      provisionId: null,
      requestKey,
    }),
    (error: TRPCError) => error.code === 'CONFLICT',
    'a key used for an indicator is not a commitment’s',
  );
});

test('a submission key replayed on another compact never answers the first compact’s creation', async () => {
  const first = buildCompact(db);
  const second = buildCompact(db);
  const admin = await memberWithRole(db, first.id, 'admin');
  addMember(db, second.id, admin.id, 'admin', admin.partyId);
  const requestKey = randomUUID();
  const made = await admin.caller.indicators.create({ compactId: first.id, ...definition(admin.partyId), requestKey });
  await assert.rejects(
    admin.caller.indicators.create({ compactId: second.id, ...definition(admin.partyId), requestKey }),
    (error: TRPCError) => error.code === 'CONFLICT',
    'the key of a submission in one compact is not a submission in another',
  );
  assert.equal(countRows(db, `indicators WHERE compact_id = '${second.id}'`), 0);
  const replay = await admin.caller.indicators.create({
    compactId: first.id,
    ...definition(admin.partyId),
    requestKey,
  });
  assert.equal(replay.id, made.id);
});
