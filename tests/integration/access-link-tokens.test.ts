import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { hashPassword } from 'better-auth/crypto';
import { acceptInvite } from '@/server/services/invitations';
import { completePasswordReset } from '@/server/services/password-resets';
import type { PasswordHasher } from '@/server/services/password-rules';
import { buildCompact, buildParty, callerFor, memberWithRole } from '../helpers/factories';
import { countRows, createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

const tokenOf = (path: string) => path.split('/').pop()!;
const BOGUS_TOKEN = 'bogus-token-that-was-never-issued-000000';
const HUGE_PASSWORD = 'x'.repeat(10_000);

/** A hasher that counts its calls, so a test can prove when no hash was computed. */
function countingHasher() {
  const calls: string[] = [];
  const hasher: PasswordHasher = async (password) => {
    calls.push(password);
    return hashPassword(password);
  };
  return { hasher, calls };
}

describe('link tokens are checked before any password is hashed', () => {
  test('accepting an invitation with a bogus token and a 10,000-character password fails with NOT_FOUND and hashes nothing', async () => {
    const { hasher, calls } = countingHasher();
    const users = countRows(db, 'user');
    await assert.rejects(acceptInvite(db.db, null, BOGUS_TOKEN, { name: 'Someone', password: HUGE_PASSWORD }, hasher), {
      code: 'NOT_FOUND',
    });
    assert.equal(calls.length, 0);
    assert.equal(countRows(db, 'user'), users);
  });

  test('resetting a password with a bogus token and a 10,000-character password fails with NOT_FOUND and hashes nothing', async () => {
    const { hasher, calls } = countingHasher();
    await assert.rejects(completePasswordReset(db.db, BOGUS_TOKEN, { password: HUGE_PASSWORD }, hasher), {
      code: 'NOT_FOUND',
    });
    assert.equal(calls.length, 0);
  });

  test('through tRPC, a bogus token with a valid password is NOT_FOUND for both public procedures', async () => {
    const anonymous = await callerFor(db, null);
    await assert.rejects(
      anonymous.account.acceptInvite({ token: BOGUS_TOKEN, name: 'Someone', password: 'a long enough password' }),
      { code: 'NOT_FOUND' },
    );
    await assert.rejects(anonymous.account.resetPassword({ token: BOGUS_TOKEN, password: 'a long enough password' }), {
      code: 'NOT_FOUND',
    });
  });

  test('with a valid token, the password is checked and then hashed exactly once', async () => {
    const compactId = buildCompact(db).id;
    const partyId = buildParty(db).id;
    const admin = await memberWithRole(db, compactId, 'admin', partyId);
    const invitation = await admin.caller.members.invite({
      compactId,
      email: 'hashed.once@example.org',
      partyId,
      role: 'reviewer',
      signatory: false,
    });
    const { hasher, calls } = countingHasher();
    await assert.rejects(
      acceptInvite(db.db, null, tokenOf(invitation.path), { name: 'Hashed Once', password: HUGE_PASSWORD }, hasher),
      { code: 'BAD_REQUEST' },
    );
    assert.equal(calls.length, 0, 'an over-long password is refused before hashing');
    await acceptInvite(
      db.db,
      null,
      tokenOf(invitation.path),
      { name: 'Hashed Once', password: 'a long enough password' },
      hasher,
    );
    assert.equal(calls.length, 1);

    const member = await memberWithRole(db, compactId, 'monitor', partyId);
    const reset = await admin.caller.members.passwordResetLink({ compactId, userId: member.id });
    await completePasswordReset(db.db, tokenOf(reset.path), { password: 'another long password' }, hasher);
    assert.equal(calls.length, 2);
  });
});
