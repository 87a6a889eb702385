import assert from 'node:assert/strict';
import { test } from 'node:test';
import { negotiateLocale, resolveLocale } from '@/i18n/resolve-locale';
import { cookieValue, localeOfRequest } from '@/server/i18n/request-locale';

test('the account’s language wins over the cookie, the cookie over the browser, and English is the last resort', () => {
  assert.equal(resolveLocale({ account: 'ar', cookie: 'fr', acceptLanguage: 'en' }), 'ar');
  assert.equal(resolveLocale({ account: null, cookie: 'fr', acceptLanguage: 'ar' }), 'fr');
  assert.equal(resolveLocale({ account: null, cookie: 'xx', acceptLanguage: 'ar-EG,en;q=0.5' }), 'ar');
  assert.equal(resolveLocale({}), 'en');
});

test('the browser’s languages are read by quality, then order, and unknown ones are skipped', () => {
  assert.equal(negotiateLocale('fr-CA,fr;q=0.9,en;q=0.8'), 'fr');
  assert.equal(negotiateLocale('de-DE,ar;q=0.4,fr;q=0.7'), 'fr');
  assert.equal(negotiateLocale('en;q=0,ar'), 'ar');
  assert.equal(negotiateLocale('de, *;q=0.1'), null);
  assert.equal(negotiateLocale('garbage;;;q=x'), null);
  assert.equal(negotiateLocale(`${'x,'.repeat(1000)}fr`), null);
});

test('a request is answered in the cookie’s language when the account has not chosen one', () => {
  const headers = new Headers({ cookie: 'a=1; cw-locale=ar; b=2', 'accept-language': 'fr' });
  assert.equal(cookieValue(headers, 'cw-locale'), 'ar');
  assert.equal(localeOfRequest(null, headers), 'ar');
  assert.equal(localeOfRequest({ locale: 'fr' }, headers), 'fr');
  assert.equal(localeOfRequest({ locale: null }, new Headers({ 'accept-language': 'fr-FR' })), 'fr');
});
