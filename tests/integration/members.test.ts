import assert from 'node:assert/strict';
import { after, beforeEach, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { accessLinks } from '@/db/schema/compacts';
import { onAccessChange, type AccessChange } from '@/server/events/access-changes';
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
import { countRows, createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

async function setup() {
  const compactId = buildCompact(db, { text: 'Text.' }).id;
  const partyId = buildParty(db).id;
  const admin = await memberWithRole(db, compactId, 'admin', partyId);
  const anonymous = await callerFor(db, null);
  return { compactId, partyId, admin, anonymous };
}

describe('invitations', () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  beforeEach(async () => {
    ctx = await setup();
  });
  /** The admin invites `email` to the compact as a monitor of the admin's party. */
  const inviteMonitor = (email: string) =>
    ctx.admin.caller.members.invite({
      compactId: ctx.compactId,
      email,
      partyId: ctx.partyId,
      role: 'monitor',
      signatory: false,
    });

  test('a new person accepts a one-time link, sets name and password, and can sign in as a member', async () => {
    const result = await ctx.admin.caller.members.invite({
      compactId: ctx.compactId,
      email: 'New.Person@Example.org',
      partyId: ctx.partyId,
      role: 'negotiator',
      signatory: true,
    });
    assert.equal(result.kind, 'link');
    if (result.kind !== 'link') return;
    assert.match(result.path, /^\/invite\/[\w-]{40,}$/);
    const token = tokenOf(result.path);
    const described = await ctx.anonymous.account.invite({ token });
    assert.equal(described.email, 'new.person@example.org');
    assert.equal(described.hasAccount, false);
    await ctx.anonymous.account.acceptInvite({ token, name: 'New Person', password: 'a long enough password' });
    const cookie = await signIn(db, 'new.person@example.org', 'a long enough password');
    const me = await callerFor(db, cookie);
    const mine = await me.compacts.list();
    assert.deepEqual(
      mine.map((c) => [c.id, c.role, c.signatory]),
      [[ctx.compactId, 'negotiator', true]],
    );
    assert.equal((await me.compacts.byId({ compactId: ctx.compactId })).myParty.id, ctx.partyId);
  });

  test('a link works once', async () => {
    const result = await ctx.admin.caller.members.invite({
      compactId: ctx.compactId,
      email: 'once@example.org',
      partyId: ctx.partyId,
      role: 'reviewer',
      signatory: false,
    });
    assert.equal(result.kind, 'link');
    const token = tokenOf(result.kind === 'link' ? result.path : '');
    await ctx.anonymous.account.acceptInvite({ token, name: 'Once', password: 'a long enough password' });
    await assert.rejects(
      ctx.anonymous.account.acceptInvite({ token, name: 'Twice', password: 'another long password' }),
      { code: 'NOT_FOUND' },
    );
    assert.equal(countRows(db, "user WHERE email = 'once@example.org'"), 1);
  });

  test('an expired link is refused and creates nothing', async () => {
    const result = await ctx.admin.caller.members.invite({
      compactId: ctx.compactId,
      email: 'late@example.org',
      partyId: ctx.partyId,
      role: 'reviewer',
      signatory: false,
    });
    const token = tokenOf(result.kind === 'link' ? result.path : '');
    db.db
      .update(accessLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(accessLinks.email, 'late@example.org'))
      .run();
    await assert.rejects(ctx.anonymous.account.invite({ token }), { code: 'NOT_FOUND' });
    await assert.rejects(
      ctx.anonymous.account.acceptInvite({ token, name: 'Late', password: 'a long enough password' }),
      { code: 'NOT_FOUND' },
    );
    assert.equal(countRows(db, "user WHERE email = 'late@example.org'"), 0);
  });

  test('an existing user is asked, not added: the membership exists only once they accept', async () => {
    const existing = await buildUser(db);
    const result = await inviteMonitor(existing.email);
    assert.equal(result.kind, 'pending');
    assert.match(result.path, /^\/invite\/[\w-]{40,}$/);
    assert.equal(
      (await ctx.admin.caller.members.list({ compactId: ctx.compactId })).some((m) => m.userId === existing.id),
      false,
    );
    const person = await callerFor(db, await signIn(db, existing.email));
    const [pending] = await person.account.pendingInvitations();
    await person.account.acceptInvitation({ invitationId: pending!.id });
    const members = await ctx.admin.caller.members.list({ compactId: ctx.compactId });
    assert.equal(members.find((m) => m.userId === existing.id)?.role, 'monitor');
  });

  test('a link issued for a new person needs a sign-in once an account with that address exists', async () => {
    const result = await inviteMonitor('switched@example.org');
    const token = tokenOf(result.kind === 'link' ? result.path : '');
    await buildUser(db, { email: 'switched@example.org' }); // created meanwhile
    await assert.rejects(ctx.anonymous.account.acceptInvite({ token }), { code: 'UNAUTHORIZED' });
    assert.equal(countRows(db, `memberships WHERE compact_id = '${ctx.compactId}'`), 1);
  });

  test('an existing account that represents another party elsewhere joins this compact for the invitation’s party', async () => {
    const elsewhere = buildCompact(db).id;
    const otherParty = buildParty(db).id;
    const existing = await memberWithRole(db, elsewhere, 'negotiator', otherParty);
    const result = await inviteMonitor(existing.email);
    assert.equal(result.kind, 'pending');
    const [pending] = await existing.caller.account.pendingInvitations();
    assert.equal(pending?.partyName, (await ctx.admin.caller.compacts.byId({ compactId: ctx.compactId })).myParty.name);
    await existing.caller.account.acceptInvitation({ invitationId: pending!.id });
    const here = (await ctx.admin.caller.members.list({ compactId: ctx.compactId })).find(
      (m) => m.userId === existing.id,
    );
    assert.equal(here?.partyId, ctx.partyId, 'the invitation chose the party');
    assert.equal((await existing.caller.compacts.byId({ compactId: ctx.compactId })).myParty.id, ctx.partyId);
    assert.equal((await existing.caller.compacts.byId({ compactId: elsewhere })).myParty.id, otherParty);
    const accepted = db.sqlite
      .prepare(
        "SELECT actor_party_id AS partyId FROM audit_events WHERE action = 'invite.accepted' AND actor_user_id = ?",
      )
      .get(existing.id) as { partyId: string };
    assert.equal(accepted.partyId, ctx.partyId);
  });

  test('invalid input is rejected and nothing is written', async () => {
    const before = {
      links: countRows(db, 'access_links'),
      members: countRows(db, 'memberships'),
      audit: countRows(db, 'audit_events'),
    };
    await assert.rejects(
      ctx.admin.caller.members.invite({
        compactId: ctx.compactId,
        email: 'not-an-email',
        partyId: ctx.partyId,
        role: 'monitor',
        signatory: false,
      }),
      { code: 'BAD_REQUEST' },
    );
    await assert.rejects(
      ctx.admin.caller.members.invite({
        compactId: ctx.compactId,
        email: 'x@example.org',
        partyId: ctx.partyId,
        // @ts-expect-error an unknown role
        role: 'emperor',
        signatory: false,
      }),
      { code: 'BAD_REQUEST' },
    );
    await assert.rejects(
      ctx.admin.caller.members.invite({
        compactId: ctx.compactId,
        email: 'x@example.org',
        partyId: 'no-such-party',
        role: 'monitor',
        signatory: false,
      }),
      { code: 'BAD_REQUEST' },
    );
    await assert.rejects(ctx.admin.caller.compacts.byId({ compactId: 'x'.repeat(65) }), { code: 'BAD_REQUEST' });
    await assert.rejects(
      ctx.anonymous.account.acceptInvite({ token: 'short', name: 'A', password: 'a long enough password' }),
      { code: 'BAD_REQUEST' },
    );
    assert.deepEqual(
      {
        links: countRows(db, 'access_links'),
        members: countRows(db, 'memberships'),
        audit: countRows(db, 'audit_events'),
      },
      before,
    );
  });
});

describe('managing members', () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  const changes: AccessChange[] = [];
  const stop = onAccessChange((c) => changes.push(c));
  after(stop);
  beforeEach(async () => {
    ctx = await setup();
    changes.length = 0;
  });

  test('changing a role is audited and tells open sockets', async () => {
    const person = await memberWithRole(db, ctx.compactId, 'negotiator');
    await ctx.admin.caller.members.update({
      compactId: ctx.compactId,
      userId: person.id,
      role: 'reviewer',
      signatory: true,
    });
    assert.equal((await person.caller.compacts.byId({ compactId: ctx.compactId })).myRole, 'reviewer');
    assert.deepEqual(changes, [{ type: 'membership-changed', userId: person.id, compactId: ctx.compactId }]);
    assert.equal(countRows(db, `audit_events WHERE action = 'membership.updated' AND entity_id = '${person.id}'`), 1);
  });

  test('the last admin cannot be demoted or removed', async () => {
    await assert.rejects(
      ctx.admin.caller.members.update({
        compactId: ctx.compactId,
        userId: ctx.admin.id,
        role: 'reviewer',
        signatory: false,
      }),
      { code: 'CONFLICT' },
    );
    await assert.rejects(ctx.admin.caller.members.remove({ compactId: ctx.compactId, userId: ctx.admin.id }), {
      code: 'CONFLICT',
    });
  });

  test('a removed member gets NOT_FOUND for the compact', async () => {
    const person = await memberWithRole(db, ctx.compactId, 'monitor');
    await ctx.admin.caller.members.remove({ compactId: ctx.compactId, userId: person.id });
    await assert.rejects(person.caller.compacts.byId({ compactId: ctx.compactId }), { code: 'NOT_FOUND' });
    assert.deepEqual(changes, [{ type: 'membership-removed', userId: person.id, compactId: ctx.compactId }]);
  });

  test('a password-reset link sets a new password and ends existing sessions', async () => {
    const person = await memberWithRole(db, ctx.compactId, 'monitor');
    const link = await ctx.admin.caller.members.passwordResetLink({ compactId: ctx.compactId, userId: person.id });
    await ctx.anonymous.account.resetPassword({ token: tokenOf(link.path), password: 'brand new password' });
    await assert.rejects((await callerFor(db, person.cookie)).compacts.list(), { code: 'UNAUTHORIZED' });
    await assert.rejects(signIn(db, person.email, person.password));
    await signIn(db, person.email, 'brand new password');
    await assert.rejects(
      ctx.anonymous.account.resetPassword({ token: tokenOf(link.path), password: 'yet another password' }),
      { code: 'NOT_FOUND' },
    );
  });

  test('a deactivated person is signed out and cannot sign in again', async () => {
    const person = await memberWithRole(db, ctx.compactId, 'negotiator');
    await ctx.admin.caller.members.deactivate({ compactId: ctx.compactId, userId: person.id });
    await assert.rejects((await callerFor(db, person.cookie)).compacts.list(), { code: 'UNAUTHORIZED' });
    await assert.rejects(signIn(db, person.email, person.password));
    assert.deepEqual(changes, [{ type: 'user-sessions-revoked', userId: person.id }]);
    const listed = await ctx.admin.caller.members.list({ compactId: ctx.compactId });
    assert.equal(listed.find((m) => m.userId === person.id)?.deactivated, true);
  });

  test('a compact admin cannot reset or deactivate accounts that reach beyond the compact', async () => {
    const elsewhere = buildCompact(db).id;
    const otherAdmin = await memberWithRole(db, elsewhere, 'admin');
    addMember(db, ctx.compactId, otherAdmin.id, 'reviewer');
    const instanceAdmin = await buildUser(db, { isInstanceAdmin: true });
    addMember(db, ctx.compactId, instanceAdmin.id, 'reviewer');
    for (const userId of [otherAdmin.id, instanceAdmin.id]) {
      await assert.rejects(ctx.admin.caller.members.passwordResetLink({ compactId: ctx.compactId, userId }), {
        code: 'FORBIDDEN',
      });
      await assert.rejects(ctx.admin.caller.members.deactivate({ compactId: ctx.compactId, userId }), {
        code: 'FORBIDDEN',
      });
    }
  });

  test('a deactivated admin does not count as the compact’s other admin', async () => {
    const second = await memberWithRole(db, ctx.compactId, 'admin');
    await ctx.admin.caller.members.deactivate({ compactId: ctx.compactId, userId: second.id });
    await assert.rejects(
      ctx.admin.caller.members.update({
        compactId: ctx.compactId,
        userId: ctx.admin.id,
        role: 'reviewer',
        signatory: false,
      }),
      { code: 'CONFLICT' },
    );
  });

  test('a member of another compact cannot be managed through this one', async () => {
    const elsewhere = buildCompact(db).id;
    const stranger = await buildUser(db);
    addMember(db, elsewhere, stranger.id, 'negotiator');
    await assert.rejects(ctx.admin.caller.members.deactivate({ compactId: ctx.compactId, userId: stranger.id }), {
      code: 'NOT_FOUND',
    });
    await assert.rejects(
      ctx.admin.caller.members.passwordResetLink({ compactId: ctx.compactId, userId: stranger.id }),
      { code: 'NOT_FOUND' },
    );
  });
});

describe('links die with their issuer’s right to issue them', () => {
  /** A compact with two admins: the rogue one issues links, then the other takes their admin role away. */
  async function rogueAdmin() {
    const compactId = buildCompact(db).id;
    const partyId = buildParty(db).id;
    const admin = await memberWithRole(db, compactId, 'admin', partyId);
    const rogue = await memberWithRole(db, compactId, 'admin', partyId);
    const anonymous = await callerFor(db, null);
    return { compactId, partyId, admin, rogue, anonymous };
  }

  for (const loss of ['demoted', 'removed'] as const) {
    test(`an admin who is ${loss} can no longer use the invitations and reset links they issued`, async () => {
      const { compactId, partyId, admin, rogue, anonymous } = await rogueAdmin();
      const invitation = await rogue.caller.members.invite({
        compactId,
        email: `way-back-${loss}@example.org`,
        partyId,
        role: 'admin',
        signatory: false,
      });
      const existing = await buildUser(db);
      await rogue.caller.members.invite({ compactId, email: existing.email, partyId, role: 'admin', signatory: false });
      const victim = await memberWithRole(db, compactId, 'negotiator', partyId);
      const reset = await rogue.caller.members.passwordResetLink({ compactId, userId: victim.id });
      if (loss === 'demoted')
        await admin.caller.members.update({ compactId, userId: rogue.id, role: 'reviewer', signatory: false });
      else await admin.caller.members.remove({ compactId, userId: rogue.id });

      await assert.rejects(anonymous.account.invite({ token: tokenOf(invitation.path) }), { code: 'NOT_FOUND' });
      await assert.rejects(
        anonymous.account.acceptInvite({
          token: tokenOf(invitation.path),
          name: 'Back Door',
          password: 'chosen by the rogue',
        }),
        { code: 'NOT_FOUND' },
      );
      const invitee = await callerFor(db, await signIn(db, existing.email));
      assert.deepEqual(await invitee.account.pendingInvitations(), []);
      await assert.rejects(
        anonymous.account.resetPassword({ token: tokenOf(reset.path), password: 'chosen by the rogue' }),
        { code: 'NOT_FOUND' },
      );
      await signIn(db, victim.email, victim.password);
      assert.equal(countRows(db, `memberships WHERE compact_id = '${compactId}'`), loss === 'demoted' ? 3 : 2);
    });
  }

  test('links issued by an admin who still is one keep working', async () => {
    const { compactId, partyId, rogue, anonymous } = await rogueAdmin();
    const invitation = await rogue.caller.members.invite({
      compactId,
      email: 'still-fine@example.org',
      partyId,
      role: 'monitor',
      signatory: false,
    });
    await anonymous.account.acceptInvite({
      token: tokenOf(invitation.path),
      name: 'Still Fine',
      password: 'a long enough password',
    });
    assert.equal(countRows(db, `memberships WHERE compact_id = '${compactId}'`), 3);
  });
});
