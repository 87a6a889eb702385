import assert from 'node:assert/strict';
import { after, beforeEach, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { user } from '@/db/schema/auth';
import {
  addMember,
  buildCompact,
  buildParty,
  buildUser,
  callerFor,
  memberWithRole,
  signIn,
} from '../helpers/factories';
import { countRows, createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

const tokenOf = (path: string) => path.split('/').pop()!;

/** Compact A with a negotiator, compact B with its own admin; all of one party. */
async function setup() {
  const partyId = buildParty(db).id;
  const compactA = buildCompact(db).id;
  const compactB = buildCompact(db).id;
  const adminA = await memberWithRole(db, compactA, 'admin', partyId);
  const adminB = await memberWithRole(db, compactB, 'admin', partyId);
  const personOfA = await memberWithRole(db, compactA, 'negotiator', partyId);
  return { partyId, compactA, compactB, adminA, adminB, personOfA };
}

function snapshot(userId: string) {
  return {
    links: countRows(db, 'access_links'),
    memberships: countRows(db, `memberships WHERE user_id = '${userId}'`),
    sessions: countRows(db, `session WHERE user_id = '${userId}'`),
    deactivated: db.db.select({ at: user.deactivatedAt }).from(user).where(eq(user.id, userId)).all()[0]?.at ?? null,
  };
}

describe('a compact admin manages a person only within that compact', () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  beforeEach(async () => {
    ctx = await setup();
  });

  test('inviting an existing member of another compact creates no membership until that person accepts', async () => {
    const { adminB, compactB, compactA, personOfA, partyId } = ctx;
    const invitation = await adminB.caller.members.invite({
      compactId: compactB,
      email: personOfA.email,
      partyId,
      role: 'negotiator',
      signatory: true,
    });
    assert.equal(invitation.kind, 'pending');
    assert.equal(countRows(db, `memberships WHERE user_id = '${personOfA.id}' AND compact_id = '${compactB}'`), 0);
    assert.deepEqual(
      (await personOfA.caller.compacts.list()).map((c) => c.id),
      [compactA],
    );

    const pending = await personOfA.caller.account.pendingInvitations();
    assert.equal(pending.length, 1);
    assert.equal(pending[0]!.compactId, compactB);
    assert.equal(pending[0]!.role, 'negotiator');
    await personOfA.caller.account.acceptInvitation({ invitationId: pending[0]!.id });

    const mine = await personOfA.caller.compacts.list();
    assert.deepEqual(mine.map((c) => c.id).sort(), [compactA, compactB].sort());
    assert.deepEqual(await personOfA.caller.account.pendingInvitations(), []);
    assert.equal(countRows(db, `audit_events WHERE action = 'invite.issued' AND compact_id = '${compactB}'`), 1);
    assert.equal(
      countRows(
        db,
        `audit_events WHERE action = 'invite.accepted' AND compact_id = '${compactB}' AND actor_user_id = '${personOfA.id}'`,
      ),
      1,
    );
  });

  test('declining an invitation leaves no membership and is audited', async () => {
    const { adminB, compactB, personOfA, partyId } = ctx;
    await adminB.caller.members.invite({
      compactId: compactB,
      email: personOfA.email,
      partyId,
      role: 'reviewer',
      signatory: false,
    });
    const [pending] = await personOfA.caller.account.pendingInvitations();
    await personOfA.caller.account.declineInvitation({ invitationId: pending!.id });
    assert.equal(countRows(db, `memberships WHERE user_id = '${personOfA.id}' AND compact_id = '${compactB}'`), 0);
    assert.deepEqual(await personOfA.caller.account.pendingInvitations(), []);
    await assert.rejects(personOfA.caller.account.acceptInvitation({ invitationId: pending!.id }), {
      code: 'NOT_FOUND',
    });
    assert.equal(countRows(db, `audit_events WHERE action = 'invite.declined' AND compact_id = '${compactB}'`), 1);
  });

  test('another account cannot accept someone else’s invitation, by id or by link', async () => {
    const { adminB, compactB, personOfA, partyId } = ctx;
    const invitation = await adminB.caller.members.invite({
      compactId: compactB,
      email: personOfA.email,
      partyId,
      role: 'admin',
      signatory: false,
    });
    const [pending] = await personOfA.caller.account.pendingInvitations();
    const intruder = await memberWithRole(db, buildCompact(db).id, 'negotiator', partyId);
    assert.deepEqual(await intruder.caller.account.pendingInvitations(), []);
    await assert.rejects(intruder.caller.account.acceptInvitation({ invitationId: pending!.id }), {
      code: 'NOT_FOUND',
    });
    await assert.rejects(intruder.caller.account.declineInvitation({ invitationId: pending!.id }), {
      code: 'NOT_FOUND',
    });
    await assert.rejects(intruder.caller.account.acceptInvite({ token: tokenOf(invitation.path) }), {
      code: 'UNAUTHORIZED',
    });
    const anonymous = await callerFor(db, null);
    await assert.rejects(anonymous.account.acceptInvite({ token: tokenOf(invitation.path) }), { code: 'UNAUTHORIZED' });
    assert.equal(countRows(db, `memberships WHERE compact_id = '${compactB}'`), 1, 'only admin B');
    assert.equal(
      (await personOfA.caller.account.pendingInvitations()).length,
      1,
      'the invitation is still open for its owner',
    );
  });

  test('an account created through one compact’s link never receives an invitation issued, before it existed, for a new person', async () => {
    const { adminA, adminB, compactA, compactB, partyId } = ctx;
    const email = 'not-yet-signed-up@example.org';
    // B invites a new person: the link goes to the real holder of the address.
    const forTheirs = await adminB.caller.members.invite({
      compactId: compactB,
      email,
      partyId,
      role: 'admin',
      signatory: false,
    });
    assert.equal(forTheirs.kind, 'link');
    // A invites the same address to A and accepts that link A holds, choosing the password.
    const squat = await adminA.caller.members.invite({
      compactId: compactA,
      email,
      partyId,
      role: 'reviewer',
      signatory: false,
    });
    const anonymous = await callerFor(db, null);
    await anonymous.account.acceptInvite({
      token: tokenOf(squat.path),
      name: 'Not Them',
      password: 'chosen by admin A',
    });
    const asThem = await callerFor(db, await signIn(db, email, 'chosen by admin A'));
    // B's invitation is not A's to see or answer: only its link (held by the real person) accepts it.
    assert.deepEqual(await asThem.account.pendingInvitations(), []);
    const [link] = db.sqlite
      .prepare("SELECT id FROM access_links WHERE kind = 'invite' AND compact_id = ? AND used_at IS NULL")
      .all(compactB) as { id: string }[];
    await assert.rejects(asThem.account.acceptInvitation({ invitationId: link!.id }), { code: 'NOT_FOUND' });
    await assert.rejects(asThem.account.declineInvitation({ invitationId: link!.id }), { code: 'NOT_FOUND' });
    assert.equal(countRows(db, `memberships WHERE compact_id = '${compactB}'`), 1, 'only admin B');
    assert.equal(countRows(db, `access_links WHERE id = '${link!.id}' AND used_at IS NULL`), 1, 'still open');
  });

  test('the link of an existing account never sets its password; signed in as that account, it joins', async () => {
    const { adminB, compactB, personOfA, partyId } = ctx;
    const invitation = await adminB.caller.members.invite({
      compactId: compactB,
      email: personOfA.email,
      partyId,
      role: 'reviewer',
      signatory: false,
    });
    const token = tokenOf(invitation.path);
    const anonymous = await callerFor(db, null);
    assert.equal((await anonymous.account.invite({ token })).hasAccount, true);
    await assert.rejects(
      anonymous.account.acceptInvite({ token, name: 'Taken Over', password: 'chosen by the admin' }),
      { code: 'BAD_REQUEST' },
    );
    await assert.rejects(signIn(db, personOfA.email, 'chosen by the admin'));
    const result = await personOfA.caller.account.acceptInvite({ token });
    assert.equal(result.joined, true);
    assert.equal((await personOfA.caller.compacts.byId({ compactId: compactB })).myRole, 'reviewer');
  });

  test('admin B can neither issue a reset link for nor deactivate a person who is also a member of A; nothing changes', async () => {
    const { adminB, compactB, personOfA } = ctx;
    addMember(db, compactB, personOfA.id, 'negotiator');
    const before = snapshot(personOfA.id);
    await assert.rejects(adminB.caller.members.passwordResetLink({ compactId: compactB, userId: personOfA.id }), {
      code: 'FORBIDDEN',
      message: /ask an instance administrator/,
    });
    await assert.rejects(adminB.caller.members.deactivate({ compactId: compactB, userId: personOfA.id }), {
      code: 'FORBIDDEN',
      message: /ask an instance administrator/,
    });
    assert.deepEqual(snapshot(personOfA.id), before);
    await personOfA.caller.compacts.byId({ compactId: compactB });
  });

  test('admin B can still remove such a person from B, which touches nothing in A', async () => {
    const { adminB, compactA, compactB, personOfA } = ctx;
    addMember(db, compactB, personOfA.id, 'negotiator');
    await adminB.caller.members.remove({ compactId: compactB, userId: personOfA.id });
    assert.deepEqual(
      (await personOfA.caller.compacts.list()).map((c) => c.id),
      [compactA],
    );
  });

  test('admin B can reset and deactivate a person who belongs only to B', async () => {
    const { adminB, compactB, partyId } = ctx;
    const onlyB = await memberWithRole(db, compactB, 'monitor', partyId);
    const link = await adminB.caller.members.passwordResetLink({ compactId: compactB, userId: onlyB.id });
    assert.match(link.path, /^\/reset-password\//);
    await adminB.caller.members.deactivate({ compactId: compactB, userId: onlyB.id });
    assert.notEqual(snapshot(onlyB.id).deactivated, null);
  });

  test('an instance administrator who administers B may reset a person who is also a member of A', async () => {
    const { compactB, personOfA, partyId } = ctx;
    addMember(db, compactB, personOfA.id, 'negotiator');
    const instanceAdmin = await buildUser(db, { isInstanceAdmin: true });
    addMember(db, compactB, instanceAdmin.id, 'admin', partyId);
    const caller = await callerFor(db, await signIn(db, instanceAdmin.email));
    const link = await caller.members.passwordResetLink({ compactId: compactB, userId: personOfA.id });
    assert.match(link.path, /^\/reset-password\//);
  });

  test('an instance administrator cannot deactivate the only admin of another compact', async () => {
    const { compactB, adminA, partyId } = ctx;
    addMember(db, compactB, adminA.id, 'negotiator');
    const instanceAdmin = await buildUser(db, { isInstanceAdmin: true });
    addMember(db, compactB, instanceAdmin.id, 'admin', partyId);
    const caller = await callerFor(db, await signIn(db, instanceAdmin.email));
    const before = snapshot(adminA.id);
    await assert.rejects(caller.members.deactivate({ compactId: compactB, userId: adminA.id }), {
      code: 'CONFLICT',
      message: /at least one admin/,
    });
    assert.deepEqual(snapshot(adminA.id), before);
  });
});

describe('a pending invitation to another compact puts the account beyond a compact admin', () => {
  test('while an invitation to compact B waits, compact A’s admin can neither reset the person’s password nor use an earlier reset link', async () => {
    const { adminA, adminB, compactA, compactB, personOfA, partyId } = await setup();
    const earlierLink = await adminA.caller.members.passwordResetLink({ compactId: compactA, userId: personOfA.id });
    await adminB.caller.members.invite({
      compactId: compactB,
      email: personOfA.email,
      partyId,
      role: 'admin',
      signatory: true,
    });
    await assert.rejects(adminA.caller.members.passwordResetLink({ compactId: compactA, userId: personOfA.id }), {
      code: 'FORBIDDEN',
    });
    await assert.rejects(adminA.caller.members.deactivate({ compactId: compactA, userId: personOfA.id }), {
      code: 'FORBIDDEN',
    });
    const anonymous = await callerFor(db, null);
    await assert.rejects(
      anonymous.account.resetPassword({ token: tokenOf(earlierLink.path), password: 'chosen by admin A' }),
      { code: 'FORBIDDEN' },
    );
    await signIn(db, personOfA.email, personOfA.password); // the person's own password still works
    assert.equal(countRows(db, `memberships WHERE user_id = '${personOfA.id}' AND compact_id = '${compactB}'`), 0);
  });
});

describe('the member list carries what the viewer may do to each member', () => {
  test('an admin may manage every membership, and the accounts only of others who reach no further', async () => {
    const { compactA, adminA, personOfA, partyId } = await setup();
    const alsoElsewhere = await memberWithRole(db, compactA, 'monitor', partyId);
    addMember(db, buildCompact(db).id, alsoElsewhere.id, 'reviewer');
    const seen = new Map((await adminA.caller.members.list({ compactId: compactA })).map((m) => [m.userId, m.can]));
    assert.deepEqual(seen.get(personOfA.id), { manage: true, manageAccount: true });
    assert.deepEqual(seen.get(alsoElsewhere.id), { manage: true, manageAccount: false });
    assert.deepEqual(seen.get(adminA.id), { manage: true, manageAccount: false });
    const asNegotiator = await personOfA.caller.members.list({ compactId: compactA });
    assert.ok(asNegotiator.every((m) => !m.can.manage && !m.can.manageAccount));
  });

  test("what the list withholds the server refuses: an admin's own account, another compact's member", async () => {
    const { compactA, adminA, partyId } = await setup();
    const alsoElsewhere = await memberWithRole(db, compactA, 'monitor', partyId);
    addMember(db, buildCompact(db).id, alsoElsewhere.id, 'reviewer');
    for (const userId of [adminA.id, alsoElsewhere.id]) {
      const before = snapshot(userId);
      const target = { compactId: compactA, userId };
      await assert.rejects(adminA.caller.members.rename({ ...target, name: 'Someone Else' }), { code: 'FORBIDDEN' });
      await assert.rejects(adminA.caller.members.passwordResetLink(target), { code: 'FORBIDDEN' });
      await assert.rejects(adminA.caller.members.deactivate(target), { code: 'FORBIDDEN' });
      assert.deepEqual(snapshot(userId), before);
    }
  });
});
