import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signInErrorText } from '@/app/_components/sign-in-error';
import { translatorFor } from '@/i18n/catalogues';
import { enT } from '../helpers/i18n';

test('a refused sign-in is explained by its code in the reader’s language, never by the server’s English', () => {
  const fr = translatorFor('fr');
  assert.equal(signInErrorText(enT, 401, { message: 'Invalid email or password' }, null), enT('signIn.invalid'));
  assert.equal(
    signInErrorText(enT, 429, { code: 'TOO_MANY_ATTEMPTS', message: 'Too many' }, '600'),
    'Too many failed sign-ins. Try again in 10 minutes.',
  );
  assert.match(signInErrorText(fr, 429, { code: 'TOO_MANY_ATTEMPTS' }, '30'), /dans une minute/);
  assert.equal(
    signInErrorText(fr, 403, { code: 'ACCOUNT_DEACTIVATED', message: 'This account has been deactivated.' }, null),
    fr('errors.auth.accountDeactivated'),
  );
  assert.equal(
    signInErrorText(enT, 403, { code: 'DEMO_PASSWORD_REFUSED' }, null),
    enT('errors.auth.demoPasswordRefused'),
  );
  assert.equal(signInErrorText(enT, 500, { code: 'toString', message: 'boom' }, null), enT('signIn.failed'));
  assert.equal(signInErrorText(enT, 502, null, null), enT('signIn.failed'));
});
