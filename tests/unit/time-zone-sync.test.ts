import assert from 'node:assert/strict';
import { test } from 'node:test';
import { timeZoneCookieUpdate } from '@/app/_lib/time-zone-sync';
import { cookieIn } from '@/i18n/cookies';

test('a browser whose zone the cookie already names changes nothing (so a reload never loops)', () => {
  assert.equal(timeZoneCookieUpdate('Africa/Bamako', 'cw-locale=fr; cw-tz=Africa/Bamako', false), null);
  assert.equal(timeZoneCookieUpdate('America/Port-au-Prince', 'cw-tz=America%2FPort-au-Prince', false), null);
});

test('a first visit from another zone than UTC sets the cookie and reloads once; from UTC it only sets the cookie', () => {
  assert.deepEqual(timeZoneCookieUpdate('Africa/Kinshasa', 'cw-locale=fr', false), {
    cookie: 'cw-tz=Africa%2FKinshasa; Path=/; Max-Age=31536000; SameSite=Lax',
    zone: 'Africa/Kinshasa',
    reload: true,
  });
  assert.equal(timeZoneCookieUpdate('UTC', '', true)?.reload, false);
  assert.match(timeZoneCookieUpdate('UTC', '', true)!.cookie, /; Secure$/);
});

test('a browser that moved to another zone gets the new zone and one reload', () => {
  const update = timeZoneCookieUpdate('Asia/Beirut', 'cw-tz=Africa%2FBangui', false);
  assert.equal(update?.zone, 'Asia/Beirut');
  assert.equal(update?.reload, true);
});

test('an unknown or missing browser zone counts as UTC', () => {
  assert.equal(timeZoneCookieUpdate('Mars/Olympus', 'cw-tz=UTC', false), null);
  assert.equal(timeZoneCookieUpdate(undefined, 'cw-tz=UTC', false), null);
  assert.equal(timeZoneCookieUpdate(undefined, '', false)?.reload, false);
});

test('cookies are read by exact name', () => {
  assert.equal(cookieIn('xcw-tz=a; cw-tz=Europe%2FParis', 'cw-tz'), 'Europe/Paris');
  assert.equal(cookieIn('', 'cw-tz'), null);
});

test('a cookie that does not URI-decode is replaced by the browser’s zone, never thrown on', () => {
  assert.equal(cookieIn('cw-tz=%E0%A4%A', 'cw-tz'), '%E0%A4%A');
  const update = timeZoneCookieUpdate('Europe/Paris', 'cw-tz=%E0%A4%A; cw-locale=fr', false);
  assert.equal(update?.zone, 'Europe/Paris');
  assert.equal(update?.reload, true, 'the server, which could not read it either, rendered in UTC');
});
