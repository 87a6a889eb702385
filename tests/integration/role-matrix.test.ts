import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TRPCError } from '@trpc/server';
import { COMPACT_ROLES, type CompactRole } from '../../server/services/roles';
import { buildCompact, buildParty, buildUser, callerFor, memberWithRole, addMember } from '../helpers/factories';
import { createTestDb } from '../helpers/test-db';

type Caller = Awaited<ReturnType<typeof callerFor>>;

const db = createTestDb();
let compactId: string;
let partyId: string;

/** Makes a fresh member to act on, so each mutating call has its own target. */
async function freshTarget() {
  const person = await buildUser(db, { partyId });
  addMember(db, compactId, person.id, 'negotiator');
  return person.id;
}

const PROCEDURES: { name: string; allowed: readonly CompactRole[] | 'all'; call: (caller: Caller) => Promise<unknown> }[] = [
  { name: 'compacts.byId', allowed: 'all', call: (c) => c.compacts.byId({ compactId }) },
  { name: 'compacts.text', allowed: 'all', call: (c) => c.compacts.text({ compactId }) },
  { name: 'members.list', allowed: 'all', call: (c) => c.members.list({ compactId }) },
  { name: 'members.invite', allowed: ['admin'], call: (c) => c.members.invite({ compactId, email: `invitee-${Math.random()}@example.org`, partyId, role: 'reviewer', signatory: false }) },
  { name: 'members.update', allowed: ['admin'], call: async (c) => c.members.update({ compactId, userId: await freshTarget(), role: 'reviewer', signatory: true }) },
  { name: 'members.remove', allowed: ['admin'], call: async (c) => c.members.remove({ compactId, userId: await freshTarget() }) },
  { name: 'members.passwordResetLink', allowed: ['admin'], call: async (c) => c.members.passwordResetLink({ compactId, userId: await freshTarget() }) },
  { name: 'members.deactivate', allowed: ['admin'], call: async (c) => c.members.deactivate({ compactId, userId: await freshTarget() }) },
];

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    assert.ok(error instanceof TRPCError, `expected a TRPCError, got ${String(error)}`);
    return error.code;
  }
}

describe('every compact-scoped procedure × every role', () => {
  const callers = new Map<CompactRole, Caller>();
  let outsider: Caller;
  let signedOut: Caller;

  before(async () => {
    compactId = buildCompact(db, { text: 'Operative paragraph one.' }).id;
    partyId = buildParty(db).id;
    for (const role of COMPACT_ROLES) callers.set(role, (await memberWithRole(db, compactId, role, partyId)).caller);
    // a member of another compact only
    const other = buildCompact(db).id;
    outsider = (await memberWithRole(db, other, 'admin')).caller;
    signedOut = await callerFor(db, null);
  });
  after(() => db.cleanup());

  for (const procedure of PROCEDURES) {
    for (const role of COMPACT_ROLES) {
      const allowed = procedure.allowed === 'all' || procedure.allowed.includes(role);
      test(`${procedure.name} as ${role}: ${allowed ? 'allowed' : 'FORBIDDEN'}`, async () => {
        assert.equal(await codeOf(procedure.call(callers.get(role)!)), allowed ? 'OK' : 'FORBIDDEN');
      });
    }
    test(`${procedure.name} as a non-member: NOT_FOUND`, async () => {
      assert.equal(await codeOf(procedure.call(outsider)), 'NOT_FOUND');
    });
    test(`${procedure.name} signed out: UNAUTHORIZED`, async () => {
      assert.equal(await codeOf(procedure.call(signedOut)), 'UNAUTHORIZED');
    });
  }

  test('a compact that does not exist looks the same as one you are not a member of', async () => {
    const admin = callers.get('admin')!;
    assert.equal(await codeOf(admin.compacts.byId({ compactId: 'no-such-compact' })), 'NOT_FOUND');
  });
});
