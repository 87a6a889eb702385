import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import {
  addMember,
  buildCompact,
  buildParty,
  buildUser,
  callerFor,
  memberWithRole,
  signIn,
  tokenOf,
} from '../helpers/factories';
import { buildIndicator, configureQuarters, progressInput } from '../helpers/framework-fixtures';
import { countRows, createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

function auditParty(action: string, compactId: string | null, userId: string) {
  const row = db.sqlite
    .prepare(
      'SELECT actor_party_id AS partyId FROM audit_events WHERE action = ? AND compact_id IS ? AND actor_user_id = ? ORDER BY id DESC LIMIT 1',
    )
    .get(action, compactId, userId) as { partyId: string | null } | undefined;
  assert.ok(row, `an audit event ${action}`);
  return row.partyId;
}

function membershipParty(compactId: string, userId: string) {
  return (
    db.sqlite
      .prepare('SELECT party_id AS partyId FROM memberships WHERE compact_id = ? AND user_id = ?')
      .get(compactId, userId) as { partyId: string } | undefined
  )?.partyId;
}

describe('one person, two compacts, two parties', () => {
  test('audit events and progress are stamped with the party the person represents in each compact', async () => {
    const [compactA, compactB] = [buildCompact(db).id, buildCompact(db).id];
    const [partyA, partyB] = [buildParty(db).id, buildParty(db).id];
    for (const compactId of [compactA, compactB]) configureQuarters(db, compactId);
    const person = await buildUser(db);
    addMember(db, compactA, person.id, 'monitor', partyA);
    addMember(db, compactB, person.id, 'monitor', partyB);
    const caller = await callerFor(db, await signIn(db, person.email));

    const indicatorA = buildIndicator(db, compactA, partyA);
    const indicatorB = buildIndicator(db, compactB, partyB);
    const partyAIndicatorInB = buildIndicator(db, compactB, partyA);
    const periodOf = (compactId: string) =>
      (
        db.sqlite
          .prepare('SELECT id FROM reporting_periods WHERE compact_id = ? ORDER BY starts_on')
          .get(compactId) as {
          id: string;
        }
      ).id;

    const draftA = await caller.progress.saveDraft({
      compactId: compactA,
      ...progressInput(indicatorA.id, periodOf(compactA)),
    });
    const draftB = await caller.progress.saveDraft({
      compactId: compactB,
      ...progressInput(indicatorB.id, periodOf(compactB)),
    });
    const createdBy = (id: string) =>
      (
        db.sqlite.prepare('SELECT created_by_party_id AS partyId FROM progress_updates WHERE id = ?').get(id) as {
          partyId: string;
        }
      ).partyId;
    assert.equal(createdBy(draftA.id), partyA);
    assert.equal(createdBy(draftB.id), partyB);
    // In B the person represents B's party: A's indicators there are not theirs to report on.
    await assert.rejects(
      caller.progress.saveDraft({ compactId: compactB, ...progressInput(partyAIndicatorInB.id, periodOf(compactB)) }),
      { code: 'FORBIDDEN' },
    );
    await caller.progress.submit({ compactId: compactA, updateId: draftA.id });
    await caller.progress.submit({ compactId: compactB, updateId: draftB.id });
    assert.equal(auditParty('progress.submitted', compactA, person.id), partyA);
    assert.equal(auditParty('progress.submitted', compactB, person.id), partyB);

    const sheetB = await caller.progress.periodSheet({ compactId: compactB, periodId: periodOf(compactB) });
    assert.ok(JSON.stringify(sheetB).includes(indicatorB.id));
    assert.equal(JSON.stringify(sheetB).includes(partyAIndicatorInB.id), false, 'the grid is of B’s party');
  });

  test('an admin of two compacts is audited with each compact’s party; account-level actions with none', async () => {
    const [compactA, compactB] = [buildCompact(db).id, buildCompact(db).id];
    const [partyA, partyB] = [buildParty(db).id, buildParty(db).id];
    const person = await buildUser(db, { isInstanceAdmin: true });
    addMember(db, compactA, person.id, 'admin', partyA);
    addMember(db, compactB, person.id, 'admin', partyB);
    const caller = await callerFor(db, await signIn(db, person.email));
    for (const compactId of [compactA, compactB]) {
      await caller.members.invite({
        compactId,
        email: `invitee-${compactId}@example.org`,
        partyId: partyA,
        role: 'reviewer',
        signatory: false,
      });
    }
    assert.equal(auditParty('invite.issued', compactA, person.id), partyA);
    assert.equal(auditParty('invite.issued', compactB, person.id), partyB);

    await caller.parties.create({ name: 'Account-level party', shortCode: 'ALP', kind: 'other' });
    assert.equal(auditParty('party.created', null, person.id), null);
    const created = await caller.compacts.create({ title: 'Created for party B', description: '', partyId: partyB });
    assert.equal(auditParty('compact.created', created.id, person.id), partyB, 'the creator’s first act in it');
    assert.equal(membershipParty(created.id, person.id), partyB);
  });
});

describe('a membership’s party never changes', () => {
  test('an update that names a party is refused and changes nothing; the role still changes without one', async () => {
    const compactId = buildCompact(db).id;
    const admin = await memberWithRole(db, compactId, 'admin');
    const member = await memberWithRole(db, compactId, 'negotiator');
    const otherParty = buildParty(db).id;
    const audits = countRows(db, 'audit_events');
    await assert.rejects(
      admin.caller.members.update({
        compactId,
        userId: member.id,
        role: 'negotiator',
        signatory: false,
        // @ts-expect-error the input has no party: a membership's party never changes
        partyId: otherParty,
      }),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'BAD_REQUEST');
        assert.match(error.message, /never changes/);
        return true;
      },
    );
    assert.equal(membershipParty(compactId, member.id), member.partyId);
    assert.equal(countRows(db, 'audit_events'), audits);
    await admin.caller.members.update({ compactId, userId: member.id, role: 'reviewer', signatory: true });
    assert.equal(membershipParty(compactId, member.id), member.partyId);
  });

  test('to represent another party a member is removed and invited again; what they did before keeps the first party', async () => {
    const compactId = buildCompact(db).id;
    const admin = await memberWithRole(db, compactId, 'admin');
    const member = await memberWithRole(db, compactId, 'admin');
    const firstParty = member.partyId;
    await member.caller.members.invite({
      compactId,
      email: 'before@example.org',
      partyId: firstParty,
      role: 'reviewer',
      signatory: false,
    });
    await admin.caller.members.remove({ compactId, userId: member.id });
    const secondParty = buildParty(db).id;
    const invitation = await admin.caller.members.invite({
      compactId,
      email: member.email,
      partyId: secondParty,
      role: 'admin',
      signatory: false,
    });
    assert.equal(invitation.kind, 'pending');
    await member.caller.account.acceptInvite({ token: tokenOf(invitation.path) });
    assert.equal(membershipParty(compactId, member.id), secondParty);
    await member.caller.members.invite({
      compactId,
      email: 'after@example.org',
      partyId: secondParty,
      role: 'reviewer',
      signatory: false,
    });
    const issued = db.sqlite
      .prepare(
        "SELECT actor_party_id AS partyId, json_extract(after, '$.email') AS email FROM audit_events WHERE action = 'invite.issued' AND actor_user_id = ? ORDER BY id",
      )
      .all(member.id);
    assert.deepEqual(issued, [
      { partyId: firstParty, email: 'before@example.org' },
      { partyId: secondParty, email: 'after@example.org' },
    ]);
  });
});
