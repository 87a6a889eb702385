import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorMessage } from '@/app/_lib/error-message';
import { translatorFor } from '@/i18n/catalogues';

const fr = translatorFor('fr');

test('a failed call reads its problem in the reader’s language, before the server’s message', () => {
  const error = { message: 'No such file.', data: { problem: { key: 'errors.evidence.noSuchFile' } } };
  assert.equal(errorMessage(error, fr), 'Ce fichier n’existe pas.');
});

test('without a problem, input issues read through errors.input.<code>, each with its field', () => {
  const error = {
    message: '[{"code":"too_big"}]',
    data: { zodIssues: [{ path: 'name', code: 'too_big', maximum: 80 }] },
  };
  assert.equal(errorMessage(error, fr), 'name: Trop grand ou trop long\u00a0: au plus 80.');
});

test('without a problem or issues the message is shown; without any, errors.unknown', () => {
  assert.equal(errorMessage({ message: 'Failed to fetch' }, fr), 'Failed to fetch');
  assert.equal(errorMessage(null, fr), 'Une erreur s’est produite.');
  assert.equal(errorMessage({ message: '' }, fr), 'Une erreur s’est produite.');
});
