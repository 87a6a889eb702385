import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { closeDb, getDb } from '@/db/client';
import { CLIENT_ADDRESS_HEADER } from '@/server/auth/request-origin';
import { handleTrpcRequest } from '@/server/trpc/fetch-handler';
import { buildCompact, buildParty, callerFor, memberWithRole, tokenOf } from '../helpers/factories';
import { behindTrustedProxy, sessionCookieOf, TLS_PROXY_HEADERS } from '../helpers/trusted-proxy';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compact-invite-session-'));
process.env.DATABASE_PATH = path.join(dir, 'compact.db');

const ORIGIN = 'http://10.0.0.5:3000';

/** POSTs one tRPC mutation through the real HTTP handler, as a browser on the same origin would. */
async function postMutation(procedure: string, input: unknown, extra: Record<string, string> = {}) {
  return handleTrpcRequest(
    new Request(`${ORIGIN}/api/trpc/${procedure}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        host: '10.0.0.5:3000',
        origin: ORIGIN,
        [CLIENT_ADDRESS_HEADER]: '10.0.0.9',
        ...extra,
      },
      body: JSON.stringify({ json: input }),
    }),
  );
}

async function invitation(email: string) {
  const handle = getDb();
  const compactId = buildCompact(handle, { text: 'Text.' }).id;
  const admin = await memberWithRole(handle, compactId, 'admin', buildParty(handle).id);
  const sent = await admin.caller.members.invite({
    compactId,
    email,
    partyId: admin.partyId,
    role: 'monitor',
    signatory: false,
  });
  return { compactId, token: tokenOf(sent.path) };
}

describe('accepting an invitation signs the new person in', () => {
  after(() => {
    closeDb();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the accept response sets an httpOnly session cookie that authenticates the next request', async () => {
    const { compactId, token } = await invitation('fresh@example.org');
    const response = await postMutation('account.acceptInvite', {
      token,
      name: 'Fresh Person',
      password: 'a long enough password',
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { result: { data: { json: { signedIn: boolean; joined: boolean } } } };
    assert.deepEqual(body.result.data.json, { email: 'fresh@example.org', joined: false, signedIn: true });
    const cookies = response.headers.getSetCookie();
    const session = sessionCookieOf(response);
    assert.ok(session, 'a session cookie is set');
    assert.match(session, /HttpOnly/i);
    assert.doesNotMatch(session, /;\s*Secure/i, 'plain http on a LAN address');
    const caller = await callerFor(getDb(), cookies.map((c) => c.split(';')[0]).join('; '));
    const me = await caller.account.me();
    assert.equal(me.email, 'fresh@example.org');
    assert.deepEqual(
      (await caller.compacts.list()).map((c) => [c.id, c.role]),
      [[compactId, 'monitor']],
    );
  });

  test('behind a TLS proxy the session cookie is Secure', async () => {
    const { token } = await invitation('proxied@example.org');
    const response = await behindTrustedProxy(() =>
      postMutation(
        'account.acceptInvite',
        { token, name: 'Proxied Person', password: 'a long enough password' },
        TLS_PROXY_HEADERS,
      ),
    );
    assert.equal(response.status, 200);
    assert.match(sessionCookieOf(response)!, /;\s*Secure/i);
  });

  test('a refused acceptance sets no cookie', async () => {
    const { token } = await invitation('short@example.org');
    const response = await postMutation('account.acceptInvite', { token, name: 'Short', password: 'short' });
    assert.equal(response.status, 400);
    assert.equal(response.headers.getSetCookie().length, 0);
  });
});
