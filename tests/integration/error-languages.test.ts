import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { closeDb, getDb } from '@/db/client';
import { config } from '@/server/config';
import type { Problem } from '@/i18n/types';
import { buildCompact, memberWithRole } from '../helpers/factories';
import { trpcBatch } from '../helpers/trpc-http';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compact-error-languages-'));
process.env.DATABASE_PATH = path.join(dir, 'compact.db');
after(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

const FRENCH = 'cw-locale=fr';
const BOGUS_TOKEN = 'x'.repeat(43);

interface ErrorItem {
  error: {
    json: {
      message: string;
      data: {
        code: string;
        problem?: Problem;
        zodIssues?: { path: string; code: string; maximum?: number }[];
        csvErrors?: { row: number; column: string; problem: Problem }[];
      };
    };
  };
}

const firstError = (body: unknown) => (body as ErrorItem[])[0]!.error.json;

test('a French reader gets a domain error in French, with its key for the client', async () => {
  const answer = await trpcBatch([{ path: 'account.invite', input: { token: BOGUS_TOKEN } }], {
    cookie: FRENCH,
    address: '203.0.113.40',
  });
  const error = firstError(answer.body);
  assert.equal(error.data.code, 'NOT_FOUND');
  assert.equal(error.data.problem?.key, 'errors.accessLinks.linkNotValidMay');
  assert.match(error.message, /^Ce lien n’est pas valide/);
});

test('without a language choice the same error answers in English', async () => {
  const answer = await trpcBatch([{ path: 'account.invite', input: { token: BOGUS_TOKEN } }], {
    address: '203.0.113.41',
  });
  assert.match(firstError(answer.body).message, /^This link is not valid/);
});

test('a French reader’s refused CSV import reports each row’s problem by key, and says so in French', async () => {
  const compactId = buildCompact(getDb()).id;
  const admin = await memberWithRole(getDb(), compactId, 'admin');
  const answer = await trpcBatch(
    [{ path: 'framework.importFrameworkCsv', input: { compactId, csv: 'code,title\nX-1,Only two columns\n' } }],
    { method: 'POST', cookie: `${FRENCH}; ${admin.cookie}` },
  );
  const error = firstError(answer.body);
  assert.equal(error.data.problem?.key, 'errors.csv.nothingImported');
  assert.match(error.message, /^Rien n’a été importé\u00a0: le fichier présente 4 problèmes/);
  const missing = error.data.csvErrors!.find((e) => e.column === 'level')!;
  assert.deepEqual(missing.problem, { key: 'errors.csv.missingColumn', args: { column: 'level' } });
});

test('a French reader’s invalid input answers Zod’s issue codes and a French message, never Zod’s English', async () => {
  const compactId = buildCompact(getDb()).id;
  const admin = await memberWithRole(getDb(), compactId, 'admin');
  const answer = await trpcBatch([{ path: 'indicators.byId', input: { compactId, indicatorId: 'i'.repeat(65) } }], {
    cookie: `${FRENCH}; ${admin.cookie}`,
  });
  const error = firstError(answer.body);
  assert.equal(error.data.code, 'BAD_REQUEST');
  assert.deepEqual(error.data.zodIssues, [{ path: 'indicatorId', code: 'too_big', maximum: 64 }]);
  assert.equal(error.message, 'indicatorId: Trop grand ou trop long\u00a0: au plus 64.');
});

test('a French reader who tried too many bad links is told in French when to try again', async () => {
  const address = '203.0.113.42';
  for (let i = 0; i < config.tokenLinkMaxFailures; i++)
    await trpcBatch([{ path: 'account.invite', input: { token: BOGUS_TOKEN } }], { address });
  const answer = await trpcBatch([{ path: 'account.invite', input: { token: BOGUS_TOKEN } }], {
    cookie: FRENCH,
    address,
  });
  const error = firstError(answer.body);
  assert.equal(error.data.code, 'TOO_MANY_REQUESTS');
  assert.equal(error.data.problem?.key, 'errors.tooMany.links');
  assert.match(error.message, /^Trop de tentatives avec des liens non valides\. Réessayez dans \d+ minutes?\.$/);
});
