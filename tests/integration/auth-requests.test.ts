import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { closeDb, getDb } from '@/db/client';
import { getAuth } from '@/server/auth/auth';
import { handleAuthRequest } from '@/server/auth/auth-route';
import { CLIENT_ADDRESS_HEADER } from '@/server/auth/request-origin';
import { MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS } from '@/server/auth/sign-in-throttle';
import { buildUser, TEST_PASSWORD } from '../helpers/factories';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compact-auth-requests-'));
process.env.DATABASE_PATH = path.join(dir, 'compact.db');

const LAN = 'http://192.168.1.5:3000';

function signInRequest(
  body: Record<string, string>,
  options: {
    origin?: string;
    url?: string;
    headers?: Record<string, string>;
    encoding?: 'json' | 'form' | 'multipart';
  } = {},
) {
  const origin = options.origin ?? LAN;
  const url = options.url ?? origin;
  const headers: Record<string, string> = {
    host: new URL(url).host,
    origin,
    'sec-fetch-site': 'same-origin',
    [CLIENT_ADDRESS_HEADER]: '192.168.1.77',
    ...options.headers,
  };
  let payload: string | FormData;
  if (options.encoding === 'form') {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    payload = new URLSearchParams(body).toString();
  } else if (options.encoding === 'multipart') {
    payload = new FormData();
    for (const [key, value] of Object.entries(body)) payload.append(key, value);
  } else {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  return new Request(`${url}/api/auth/sign-in/email`, { method: 'POST', headers, body: payload });
}

function resetPasswordGet(callbackURL: string) {
  const url = new URL(`${LAN}/api/auth/reset-password/not-a-token`);
  url.searchParams.set('callbackURL', callbackURL);
  return new Request(url, { headers: { host: '192.168.1.5:3000' }, redirect: 'manual' });
}

const sessionCookie = (response: Response) => response.headers.getSetCookie().find((c) => c.includes('session_token'));

describe('/api/auth requests', () => {
  let person: { email: string };
  before(async () => {
    person = await buildUser(getDb());
  });
  after(() => {
    closeDb();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a reset-password link with a callback on another host is refused, not redirected', async () => {
    for (const evil of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/%2Fevil.example',
      'javascript:alert(1)',
    ]) {
      const response = await handleAuthRequest(resetPasswordGet(evil));
      assert.equal(response.status, 400, evil);
      assert.equal(response.headers.get('location'), null, evil);
    }
  });

  test('better-auth itself no longer trusts callbacks on other hosts', async () => {
    const auth = getAuth(getDb());
    const redirect = await auth.handler(resetPasswordGet('https://evil.example/steal'));
    assert.doesNotMatch(redirect.headers.get('location') ?? '', /evil\.example/);
    const signIn = await auth.handler(
      signInRequest({ email: person.email, password: TEST_PASSWORD, callbackURL: 'https://evil.example/x' }),
    );
    assert.equal(signIn.status, 403);
    assert.equal(sessionCookie(signIn), undefined);
  });

  test('a sign-in asking to go to another host afterwards is refused and starts no session', async () => {
    const response = await handleAuthRequest(
      signInRequest({ email: person.email, password: TEST_PASSWORD, callbackURL: 'https://evil.example/x' }),
    );
    assert.equal(response.status, 400);
    assert.equal(sessionCookie(response), undefined);
  });

  test('signing in over a LAN address works, with a path on this site to go to afterwards', async () => {
    const response = await handleAuthRequest(
      signInRequest(
        { email: person.email, password: TEST_PASSWORD, callbackURL: '/compacts' },
        { headers: { cookie: 'better-auth.session_token=stale' } },
      ),
    );
    assert.equal(response.status, 200);
    assert.ok(sessionCookie(response));
    assert.equal(((await response.json()) as { url?: string }).url, '/compacts');
  });

  test('signing in behind a TLS proxy works with the forwarded host, and another origin is still refused', async () => {
    process.env.TRUST_PROXY = '1';
    try {
      const proxied = {
        url: 'http://127.0.0.1:3000',
        origin: 'https://compacts.example.org',
        headers: {
          'x-forwarded-host': 'compacts.example.org',
          'x-forwarded-proto': 'https',
          cookie: 'better-auth.session_token=stale',
        },
      };
      const response = await handleAuthRequest(
        signInRequest({ email: person.email, password: TEST_PASSWORD }, proxied),
      );
      assert.equal(response.status, 200);
      assert.ok(sessionCookie(response));
      const foreign = await getAuth(getDb()).handler(
        signInRequest({ email: person.email, password: TEST_PASSWORD }, { ...proxied, origin: 'https://evil.example' }),
      );
      assert.equal(foreign.status, 403, 'better-auth’s own origin check is on');
    } finally {
      delete process.env.TRUST_PROXY;
    }
  });

  test('only sign-in and sign-out are served: a member cannot make the server hash passwords, read session tokens or revoke sessions over HTTP', async () => {
    const member = await buildUser(getDb());
    const signedIn = await handleAuthRequest(signInRequest({ email: member.email, password: TEST_PASSWORD }));
    const cookie = signedIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const call = (method: 'GET' | 'POST', endpoint: string, body?: unknown) =>
      handleAuthRequest(
        new Request(`${LAN}/api/auth/${endpoint}`, {
          method,
          headers: {
            host: new URL(LAN).host,
            origin: LAN,
            cookie,
            [CLIENT_ADDRESS_HEADER]: '192.168.1.78',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      );
    const newPassword = 'a different long password';
    for (const [method, endpoint, body] of [
      // Each of these runs scrypt (change-password twice) with no throttle.
      ['POST', 'change-password', { currentPassword: TEST_PASSWORD, newPassword }],
      ['POST', 'verify-password', { password: 'not the password' }],
      // These answer the session token that the httpOnly cookie keeps from scripts.
      ['GET', 'get-session', undefined],
      ['GET', 'list-sessions', undefined],
      ['POST', 'revoke-sessions', {}],
    ] as const) {
      assert.equal((await call(method, endpoint, body)).status, 404, endpoint);
    }
    const session = await getAuth(getDb()).api.getSession({ headers: new Headers({ cookie }) });
    assert.ok(session, 'the session was not revoked');
    const withNew = await handleAuthRequest(signInRequest({ email: member.email, password: newPassword }));
    assert.equal(withNew.status, 401, 'the password did not change');
    assert.equal((await call('POST', 'sign-out', {})).status, 200);
  });

  test('form-encoded and multipart sign-ins are refused before any password check, so they cannot dodge the per-account count', async () => {
    const victim = await buildUser(getDb());
    const attacker = await buildUser(getDb());
    const statuses: number[] = [];
    for (let i = 0; i <= MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
      for (const encoding of ['form', 'multipart'] as const) {
        statuses.push(
          (await handleAuthRequest(signInRequest({ email: victim.email, password: `guess ${i}` }, { encoding })))
            .status,
        );
        // The attacker's own correct sign-in used to wipe the count the guesses above were filed under.
        statuses.push(
          (await handleAuthRequest(signInRequest({ email: attacker.email, password: TEST_PASSWORD }, { encoding })))
            .status,
        );
      }
    }
    assert.deepEqual(new Set(statuses), new Set([415]));
    const honest = await handleAuthRequest(signInRequest({ email: victim.email, password: TEST_PASSWORD }));
    assert.equal(honest.status, 200, 'refused attempts are not counted against the person');
  });
});
