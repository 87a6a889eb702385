import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { closeDb, getDb } from '@/db/client';
import { user } from '@/db/schema/auth';
import { getAuth } from '@/server/auth/auth';
import { handleAuthRequest } from '@/server/auth/auth-route';
import { CLIENT_ADDRESS_HEADER } from '@/server/auth/request-origin';
import { MAX_DISPLAY_NAME_LENGTH } from '@/shared/display-name-rules';
import {
  addMember,
  buildCompact,
  buildParty,
  buildUser,
  callerFor,
  memberWithRole,
  signIn,
  TEST_PASSWORD,
} from '../helpers/factories';
import { countRows } from '../helpers/test-db';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compact-names-'));
process.env.DATABASE_PATH = path.join(dir, 'compact.db');
const db = getDb();
after(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

const tokenOf = (p: string) => p.split('/').pop()!;
const nameOf = (userId: string) =>
  db.db.select({ name: user.name }).from(user).where(eq(user.id, userId)).all()[0]?.name;
const FIVE_MB = 'A'.repeat(5 * 1024 * 1024);
const BAD_NAMES = [
  FIVE_MB,
  'x'.repeat(MAX_DISPLAY_NAME_LENGTH + 1),
  'Jonas\nMbeki',
  'Jonas\u0000',
  'Tab\tName',
  'Evil \u202Eikbem sanoJ',
  '   ',
];

async function setup() {
  const partyId = buildParty(db).id;
  const compactId = buildCompact(db).id;
  const admin = await memberWithRole(db, compactId, 'admin', partyId);
  return { partyId, compactId, admin };
}

function authRequest(pathname: string, body: unknown, cookie?: string) {
  return new Request(`http://10.0.0.5:3000/api/auth/${pathname}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      host: '10.0.0.5:3000',
      origin: 'http://10.0.0.5:3000',
      [CLIENT_ADDRESS_HEADER]: '10.0.0.9',
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify(body),
  });
}

describe('display names', () => {
  test('names of 5 MB, over the limit, with control or text-direction characters, or blank are refused at invitation; nothing is created', async () => {
    const { partyId, compactId, admin } = await setup();
    const invitation = await admin.caller.members.invite({
      compactId,
      email: 'named@example.org',
      partyId,
      role: 'reviewer',
      signatory: false,
    });
    const anonymous = await callerFor(db, null);
    for (const name of BAD_NAMES) {
      await assert.rejects(
        anonymous.account.acceptInvite({ token: tokenOf(invitation.path), name, password: 'a long enough password' }),
        { code: 'BAD_REQUEST' },
        JSON.stringify(name.slice(0, 20)),
      );
    }
    assert.equal(countRows(db, "user WHERE email = 'named@example.org'"), 0);
    await anonymous.account.acceptInvite({
      token: tokenOf(invitation.path),
      name: `  ${'é'.repeat(MAX_DISPLAY_NAME_LENGTH)}  `,
      password: 'a long enough password',
    });
    assert.equal(
      db.db.select({ name: user.name }).from(user).where(eq(user.email, 'named@example.org')).all()[0]?.name,
      'é'.repeat(MAX_DISPLAY_NAME_LENGTH),
    );
  });

  test('a new person cannot take the name of a member of the compact who represents the same party', async () => {
    const { partyId, compactId, admin } = await setup();
    addMember(db, compactId, (await buildUser(db, { name: 'Jonas Mbeki' })).id, 'negotiator', partyId);
    const invitation = await admin.caller.members.invite({
      compactId,
      email: 'lookalike@example.org',
      partyId,
      role: 'negotiator',
      signatory: false,
    });
    const anonymous = await callerFor(db, null);
    await assert.rejects(
      anonymous.account.acceptInvite({
        token: tokenOf(invitation.path),
        name: ' jonas  MBEKI ',
        password: 'a long enough password',
      }),
      { code: 'CONFLICT' },
    );
    assert.equal(countRows(db, "user WHERE email = 'lookalike@example.org'"), 0);
  });

  test('a compact admin renames a member who belongs only to that compact; bad names are refused and change nothing', async () => {
    const { compactId, admin, partyId } = await setup();
    const member = await memberWithRole(db, compactId, 'negotiator', partyId);
    for (const name of BAD_NAMES) {
      await assert.rejects(admin.caller.members.rename({ compactId, userId: member.id, name }), {
        code: 'BAD_REQUEST',
      });
    }
    const before = nameOf(member.id);
    addMember(db, compactId, (await buildUser(db, { name: 'Claire Fontaine' })).id, 'reviewer', partyId);
    await assert.rejects(admin.caller.members.rename({ compactId, userId: member.id, name: 'Claire Fontaine' }), {
      code: 'CONFLICT',
    });
    assert.equal(nameOf(member.id), before);
    await admin.caller.members.rename({ compactId, userId: member.id, name: '  Dr. Ada Lovelace ' });
    assert.equal(nameOf(member.id), 'Dr. Ada Lovelace');
    assert.equal(countRows(db, `audit_events WHERE action = 'user.renamed' AND entity_id = '${member.id}'`), 1);
  });

  test('a compact admin cannot rename a member who also belongs to another compact; an instance administrator can', async () => {
    const { compactId, admin, partyId } = await setup();
    const member = await memberWithRole(db, buildCompact(db).id, 'negotiator', partyId);
    addMember(db, compactId, member.id, 'negotiator');
    await assert.rejects(admin.caller.members.rename({ compactId, userId: member.id, name: 'Renamed Elsewhere' }), {
      code: 'FORBIDDEN',
    });
    const instanceAdmin = await buildUser(db, { isInstanceAdmin: true });
    addMember(db, compactId, instanceAdmin.id, 'admin', partyId);
    await (
      await callerFor(db, await signIn(db, instanceAdmin.email))
    ).members.rename({ compactId, userId: member.id, name: 'Renamed By Instance Admin' });
    assert.equal(nameOf(member.id), 'Renamed By Instance Admin');
  });

  test('a member cannot rename themselves through tRPC', async () => {
    const { compactId, partyId } = await setup();
    const member = await memberWithRole(db, compactId, 'negotiator', partyId);
    await assert.rejects(member.caller.members.rename({ compactId, userId: member.id, name: 'Self Chosen' }), {
      code: 'FORBIDDEN',
    });
    assert.equal('rename' in member.caller.account, false);
    assert.notEqual(nameOf(member.id), 'Self Chosen');
  });

  test('POST /api/auth/update-user through the auth route is refused and the name stays', async () => {
    const person = await buildUser(db);
    const signedIn = await handleAuthRequest(
      authRequest('sign-in/email', { email: person.email, password: TEST_PASSWORD }),
    );
    assert.equal(signedIn.status, 200);
    const cookie = signedIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const before = nameOf(person.id);
    for (const body of [
      { name: 'Jonas Mbeki' },
      { name: FIVE_MB.slice(0, 100_000) },
      { image: 'https://evil.example/x.png' },
    ]) {
      const response = await handleAuthRequest(authRequest('update-user', body, cookie));
      assert.ok(response.status === 404 || response.status === 403, `status ${response.status}`);
    }
    assert.equal(nameOf(person.id), before);
    // The server-side API refuses too, whatever calls it.
    await assert.rejects(
      getAuth(db).api.updateUser({ body: { name: 'Jonas Mbeki' }, headers: new Headers({ cookie }) }),
    );
    assert.equal(nameOf(person.id), before);
  });
});
