import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TRPCError } from '@trpc/server';
import {
  buildCompact,
  buildParty,
  buildUser,
  callerFor,
  memberWithRole,
  signIn,
  tokenOf,
  type Member,
} from '../helpers/factories';

type Caller = Awaited<ReturnType<typeof callerFor>>;
import { countRows, createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

const PASSWORD = 'a long enough password';

let compactId: string;
let partyName: string;
let admin: Member;
let anonymous: Caller;

before(async () => {
  compactId = buildCompact(db, { title: 'Mission compact', text: 'Text.' }).id;
  const party = buildParty(db);
  partyName = party.name;
  admin = await memberWithRole(db, compactId, 'admin', party.id);
  anonymous = await callerFor(db, null);
});

const auditCount = (action: string) => countRows(db, `audit_events WHERE action = '${action}'`);

async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => assert.fail('expected a refusal'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof TRPCError);
  return error;
}

/** The admin invites `email` as a monitor of the admin's party. */
const invite = (email: string) =>
  admin.caller.members.invite({ compactId, email, partyId: admin.partyId, role: 'monitor', signatory: false });

/** The compact's listed invitations for one address. */
const listedFor = async (email: string) =>
  (await admin.caller.members.invitations({ compactId })).filter((row) => row.email === email);

describe('pending invitations, administered per compact', () => {
  test('the list shows whom, for which party and role, who invited them and when it was sent and expires', async () => {
    const sent = await invite('new.monitor@example.org');
    const [row, ...rest] = await listedFor('new.monitor@example.org');
    assert.equal(rest.length, 0);
    assert.ok(row);
    assert.equal(row.email, 'new.monitor@example.org');
    assert.equal(row.partyName, partyName);
    assert.equal(row.role, 'monitor');
    assert.equal(row.invitedByParty, partyName);
    assert.match(row.invitedBy, /^Person \d+$/);
    assert.equal(row.state, 'open');
    assert.equal(row.expiresAt.getTime(), new Date(sent.expiresAt).getTime());
    assert.ok(row.sentAt.getTime() <= Date.now());
  });

  test('only admins of that compact see its invitations', async () => {
    await invite('someone@example.org');
    const negotiator = await memberWithRole(db, compactId, 'negotiator');
    assert.equal((await refusal(negotiator.caller.members.invitations({ compactId }))).code, 'FORBIDDEN');
    const elsewhere = await memberWithRole(db, buildCompact(db).id, 'admin');
    assert.equal((await refusal(elsewhere.caller.members.invitations({ compactId }))).code, 'NOT_FOUND');
  });

  test('a revoked invitation’s link stops working, says it was withdrawn, and the revocation is audited', async () => {
    const sent = await invite('revoked@example.org');
    const [row] = await listedFor('revoked@example.org');
    await admin.caller.members.revokeInvitation({ compactId, invitationId: row!.id });
    assert.equal(auditCount('invite.revoked'), 1);
    const token = tokenOf(sent.path);
    const described = await refusal(anonymous.account.invite({ token }));
    assert.equal(described.code, 'NOT_FOUND');
    assert.match(described.message, /withdrawn/);
    await refusal(anonymous.account.acceptInvite({ token, name: 'Too Late', password: PASSWORD }));
    assert.equal(countRows(db, "user WHERE email = 'revoked@example.org'"), 0);
    assert.deepEqual(await listedFor('revoked@example.org'), []);
    const again = await refusal(admin.caller.members.revokeInvitation({ compactId, invitationId: row!.id }));
    assert.equal(again.code, 'NOT_FOUND');
  });

  test('re-issuing kills the old link; the new link (new expiry) works and the re-issue is audited', async () => {
    const first = await invite('reissued@example.org');
    const [row] = await listedFor('reissued@example.org');
    const second = await admin.caller.members.reissueInvitation({
      compactId,
      invitationId: row!.id,
    });
    assert.notEqual(second.path, first.path);
    assert.equal(second.kind, 'link');
    assert.ok(new Date(second.expiresAt).getTime() >= new Date(first.expiresAt).getTime());
    assert.equal(auditCount('invite.reissued'), 1);
    assert.match((await refusal(anonymous.account.invite({ token: tokenOf(first.path) }))).message, /withdrawn/);
    const listed = await listedFor('reissued@example.org');
    assert.equal(listed.length, 1);
    assert.notEqual(listed[0]!.id, row!.id);
    await anonymous.account.acceptInvite({ token: tokenOf(second.path), name: 'Re Issued', password: PASSWORD });
    assert.equal(countRows(db, "user WHERE email = 'reissued@example.org'"), 1);
  });

  test('inviting the same address again while an invitation is pending is refused with a clear message and writes nothing', async () => {
    await invite('twice@example.org');
    const links = countRows(db, 'access_links');
    const events = countRows(db, 'audit_events');
    const refused = await refusal(invite('Twice@Example.org'));
    assert.equal(refused.code, 'CONFLICT');
    assert.equal(refused.message, 'A pending invitation for twice@example.org already exists — re-issue it instead.');
    assert.equal(countRows(db, 'access_links'), links);
    assert.equal(countRows(db, 'audit_events'), events);
  });

  test('an expired invitation is listed as expired, its link says when it expired, and the address can be invited again', async () => {
    const sent = await invite('expired@example.org');
    db.sqlite
      .prepare("UPDATE access_links SET expires_at = ? WHERE email = 'expired@example.org'")
      .run(Date.parse('2026-01-02T10:00:00Z'));
    const [row] = await listedFor('expired@example.org');
    assert.equal(row?.state, 'expired');
    assert.match(
      (await refusal(anonymous.account.invite({ token: tokenOf(sent.path) }))).message,
      /expired on 2026-01-02/,
    );
    const again = await invite('expired@example.org');
    assert.equal((await anonymous.account.invite({ token: tokenOf(again.path) })).email, 'expired@example.org');
    assert.match((await refusal(anonymous.account.invite({ token: tokenOf(sent.path) }))).message, /withdrawn/);
  });

  test('invitations from an admin who was demoted since are listed as such; the other admin’s stay open', async () => {
    const other = await memberWithRole(db, compactId, 'admin', admin.partyId);
    for (const email of ['first.demoted@example.org', 'second.demoted@example.org'])
      await other.caller.members.invite({
        compactId,
        email,
        partyId: admin.partyId,
        role: 'monitor',
        signatory: false,
      });
    await admin.caller.members.update({ compactId, userId: other.id, role: 'negotiator', signatory: false });
    for (const email of ['first.demoted@example.org', 'second.demoted@example.org'])
      assert.equal((await listedFor(email))[0]?.state, 'inviter-not-entitled', email);
    assert.equal((await listedFor('new.monitor@example.org'))[0]?.state, 'open', 'the other admin’s stay open');
  });

  test('once the pending invitation is withdrawn, the address can be invited again', async () => {
    await invite('later@example.org');
    const [row] = await listedFor('later@example.org');
    await admin.caller.members.revokeInvitation({ compactId, invitationId: row!.id });
    assert.equal((await invite('later@example.org')).kind, 'link');
  });

  test('the invitee’s page names who invited them (name and party), the compact and the role', async () => {
    const sent = await invite('described@example.org');
    const described = await anonymous.account.invite({ token: tokenOf(sent.path) });
    assert.equal(described.compactTitle, 'Mission compact');
    assert.match(described.invitedBy, /^Person \d+$/);
    assert.equal(described.invitedByParty, partyName);
    assert.equal(described.partyName, partyName);
    assert.equal(described.role, 'monitor');
  });

  test('an existing account that is signed in is just added, and is told it is signed in', async () => {
    const person = await buildUser(db);
    const sent = await invite(person.email);
    const caller = await callerFor(db, await signIn(db, person.email));
    const accepted = await caller.account.acceptInvite({ token: tokenOf(sent.path) });
    assert.deepEqual([accepted.joined, accepted.signedIn], [true, true]);
    assert.equal((await caller.compacts.list()).length, 1);
  });
});
