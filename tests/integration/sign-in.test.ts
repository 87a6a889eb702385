import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { closeDb, getDb } from '@/db/client';
import { handleAuthRequest } from '@/server/auth/auth-route';
import { DEMO_PASSWORD_REFUSED } from '@/server/auth/endpoint-policy';
import { CLIENT_ADDRESS_HEADER } from '@/server/auth/request-origin';
import { DEMO_PASSWORD } from '@/server/services/demo-accounts';
import { MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS } from '@/server/auth/sign-in-throttle';
import { buildUser, TEST_PASSWORD } from '../helpers/factories';
import { countRows } from '../helpers/test-db';
import { behindTrustedProxy, sessionCookieOf, TLS_PROXY_HEADERS } from '../helpers/trusted-proxy';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compact-signin-'));
process.env.DATABASE_PATH = path.join(dir, 'compact.db');

function signInRequest(email: string, password: string, address: string, extra: Record<string, string> = {}) {
  return new Request('http://10.0.0.5:3000/api/auth/sign-in/email', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      host: '10.0.0.5:3000',
      origin: 'http://10.0.0.5:3000',
      [CLIENT_ADDRESS_HEADER]: address,
      ...extra,
    },
    body: JSON.stringify({ email, password }),
  });
}

describe('sign-in', () => {
  let alice: { email: string };
  let bob: { email: string };
  before(async () => {
    alice = await buildUser(getDb());
    bob = await buildUser(getDb());
  });
  after(() => {
    closeDb();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('sets an httpOnly session cookie, not Secure over plain http on a LAN address', async () => {
    const response = await handleAuthRequest(signInRequest(alice.email, TEST_PASSWORD, '10.0.0.9'));
    assert.equal(response.status, 200);
    const cookie = response.headers.getSetCookie().find((c) => c.includes('session_token'))!;
    assert.match(cookie, /HttpOnly/i);
    assert.doesNotMatch(cookie, /;\s*Secure/i);
  });

  test('cookies are Secure behind a TLS proxy', async () => {
    const response = await behindTrustedProxy(() =>
      handleAuthRequest(signInRequest(alice.email, TEST_PASSWORD, '10.0.0.9', TLS_PROXY_HEADERS)),
    );
    assert.equal(response.status, 200);
    assert.match(sessionCookieOf(response)!, /;\s*Secure/i);
  });

  test('a sign-in posted from another site is refused', async () => {
    const response = await handleAuthRequest(
      signInRequest(alice.email, TEST_PASSWORD, '10.0.0.9', { origin: 'https://evil.example' }),
    );
    assert.equal(response.status, 403);
  });

  test('failures are counted per account and address: one person’s typos do not lock out the office', async () => {
    const office = '203.0.113.7';
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
      assert.equal((await handleAuthRequest(signInRequest(bob.email, 'wrong password', office))).status, 401);
    }
    const locked = await handleAuthRequest(signInRequest(bob.email, TEST_PASSWORD, office));
    assert.equal(locked.status, 429, 'even the right password waits once the limit is reached');
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
    assert.equal(
      (await handleAuthRequest(signInRequest(alice.email, TEST_PASSWORD, office))).status,
      200,
      'a colleague behind the same address still signs in',
    );
    assert.equal(
      (await handleAuthRequest(signInRequest(bob.email, TEST_PASSWORD, '198.51.100.1'))).status,
      200,
      'the same person from elsewhere still signs in',
    );
  });

  test('addresses of one IPv6 network (/64) count as one address: cycling through them gains no attempts', async () => {
    const dave = await buildUser(getDb());
    // Whoever holds a /64 picks any of its 2^64 addresses; a v4 client on a dual-stack socket arrives as ::ffff:a.b.c.d.
    for (let i = 1; i <= MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
      const address = `2001:db8:aa:bb::${i.toString(16)}`;
      assert.equal((await handleAuthRequest(signInRequest(dave.email, 'wrong password', address))).status, 401);
    }
    for (const address of ['2001:db8:aa:bb:ffff:1:2:3', '2001:0db8:00aa:00bb::99', '2001:DB8:AA:BB::1%eth0']) {
      assert.equal((await handleAuthRequest(signInRequest(dave.email, TEST_PASSWORD, address))).status, 429, address);
    }
    assert.equal(
      (await handleAuthRequest(signInRequest(dave.email, TEST_PASSWORD, '2001:db8:aa:bc::1'))).status,
      200,
      'the next network is another address',
    );
    const erin = await buildUser(getDb());
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
      assert.equal((await handleAuthRequest(signInRequest(erin.email, 'wrong password', '192.0.2.90'))).status, 401);
    }
    assert.equal((await handleAuthRequest(signInRequest(erin.email, TEST_PASSWORD, '::ffff:192.0.2.90'))).status, 429);
  });

  test('parallel attempts cannot slip past the limit', async () => {
    const carol = await buildUser(getDb());
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () =>
        handleAuthRequest(signInRequest(carol.email, 'wrong password', '192.0.2.44')).then((r) => r.status),
      ),
    );
    assert.equal(statuses.filter((s) => s === 401).length, MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS);
    assert.equal(statuses.filter((s) => s === 429).length, 12 - MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS);
  });

  test('the published demo password is refused over https (directly or behind a TLS proxy), with a clear message', async () => {
    const demo = await buildUser(getDb(), { password: DEMO_PASSWORD });
    const direct = await handleAuthRequest(
      new Request('https://compacts.example.org/api/auth/sign-in/email', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          host: 'compacts.example.org',
          origin: 'https://compacts.example.org',
          [CLIENT_ADDRESS_HEADER]: '192.0.2.80',
        },
        body: JSON.stringify({ email: demo.email, password: DEMO_PASSWORD }),
      }),
    );
    assert.equal(direct.status, 403);
    assert.equal(((await direct.json()) as { message: string }).message, DEMO_PASSWORD_REFUSED);
    assert.equal(direct.headers.getSetCookie().length, 0);
    process.env.TRUST_PROXY = '1';
    try {
      const proxied = await handleAuthRequest(
        signInRequest(demo.email, DEMO_PASSWORD, '192.0.2.81', {
          'x-forwarded-proto': 'https',
          'x-forwarded-host': 'compacts.example.org',
          origin: 'https://compacts.example.org',
        }),
      );
      assert.equal(proxied.status, 403);
    } finally {
      delete process.env.TRUST_PROXY;
    }
    assert.equal(
      (await handleAuthRequest(signInRequest(demo.email, DEMO_PASSWORD, '192.0.2.82'))).status,
      200,
      'a local try-out over http still works',
    );
  });

  test('open sign-up is disabled', async () => {
    const response = await handleAuthRequest(
      new Request('http://10.0.0.5:3000/api/auth/sign-up/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', host: '10.0.0.5:3000', origin: 'http://10.0.0.5:3000' },
        body: JSON.stringify({
          email: 'self@example.org',
          password: 'a long enough password',
          name: 'Self',
          partyId: 'x',
        }),
      }),
    );
    assert.ok(response.status >= 400);
    assert.equal(countRows(getDb(), "user WHERE email = 'self@example.org'"), 0);
  });
});
