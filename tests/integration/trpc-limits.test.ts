import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { closeDb, getDb } from '@/db/client';
import { config } from '@/server/config';
import { buildCompact, buildParty, buildUser, memberWithRole, signIn } from '../helpers/factories';
import { definition } from '../helpers/framework-fixtures';
import { countRows } from '../helpers/test-db';
import { itemCodes, trpcBatch, type TrpcItem } from '../helpers/trpc-http';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compact-trpc-limits-'));
process.env.DATABASE_PATH = path.join(dir, 'compact.db');

const bogusToken = 'x'.repeat(43);
const repeat = <T>(n: number, item: T) => Array.from({ length: n }, () => item);

describe('tRPC over HTTP: batch sizes, public link procedures, heavy calls', () => {
  let compactId: string;
  let admin: Awaited<ReturnType<typeof memberWithRole>>;
  let instanceAdminCookie: string;
  let partyId: string;
  before(async () => {
    partyId = buildParty(getDb()).id;
    compactId = buildCompact(getDb(), { text: 'Article 1. The parties agree.' }).id;
    admin = await memberWithRole(getDb(), compactId, 'admin');
    const root = await buildUser(getDb(), { isInstanceAdmin: true });
    instanceAdminCookie = await signIn(getDb(), root.email);
  });
  after(() => {
    closeDb();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a batch of 200 calls is refused with 400 before any of them runs', async () => {
    const before = countRows(getDb(), 'compacts');
    const answer = await trpcBatch(
      repeat(200, { path: 'compacts.create', input: { title: 'Flood compact', partyId } }),
      {
        method: 'POST',
        cookie: instanceAdminCookie,
      },
    );
    assert.equal(answer.status, 400);
    assert.match(JSON.stringify(answer.body), /Batch call exceeds maximum size/);
    assert.equal(countRows(getDb(), 'compacts'), before, 'no call of the batch ran');
  });

  test('a batch of the configured size runs every call', async () => {
    const before = countRows(getDb(), 'compacts');
    const answer = await trpcBatch(
      repeat(config.trpcMaxBatchSize, { path: 'compacts.create', input: { title: 'Batched compact', partyId } }),
      { method: 'POST', cookie: instanceAdminCookie },
    );
    assert.equal(answer.status, 200);
    assert.equal(countRows(getDb(), 'compacts'), before + config.trpcMaxBatchSize);
  });

  test('link attempts with bogus tokens from one address get TOO_MANY_REQUESTS past the limit, with a retry time', async () => {
    const address = '203.0.113.20';
    for (let i = 0; i < config.tokenLinkMaxFailures; i++) {
      const path = i % 2 ? 'account.invite' : 'account.passwordReset';
      assert.deepEqual(itemCodes((await trpcBatch([{ path, input: { token: bogusToken } }], { address })).body), [
        'NOT_FOUND',
      ]);
    }
    const refused = await trpcBatch(
      [{ path: 'account.resetPassword', input: { token: bogusToken, password: 'a long enough password' } }],
      { method: 'POST', address },
    );
    assert.equal(refused.status, 429);
    assert.deepEqual(itemCodes(refused.body), ['TOO_MANY_REQUESTS']);
    assert.ok(Number(refused.headers.get('retry-after')) > 0, 'the answer says when to try again');
    assert.ok(((refused.body as TrpcItem[])[0]!.error!.json.data.retryAfterSeconds ?? 0) > 0);
    const accept = await trpcBatch(
      [{ path: 'account.acceptInvite', input: { token: bogusToken, name: 'X', password: 'a long enough password' } }],
      { method: 'POST', address },
    );
    assert.deepEqual(itemCodes(accept.body), ['TOO_MANY_REQUESTS']);
    const elsewhere = await trpcBatch([{ path: 'account.invite', input: { token: bogusToken } }], {
      address: '198.51.100.20',
    });
    assert.deepEqual(itemCodes(elsewhere.body), ['NOT_FOUND'], 'another address is not affected');
  });

  test('parallel bogus link attempts cannot slip past the limit', async () => {
    const calls = config.tokenLinkMaxFailures + 10;
    const answers = await Promise.all(
      repeat(calls, null).map(() =>
        trpcBatch([{ path: 'account.invite', input: { token: bogusToken } }], { address: '192.0.2.77' }),
      ),
    );
    const codes = answers.flatMap((a) => itemCodes(a.body));
    assert.equal(codes.filter((c) => c === 'NOT_FOUND').length, config.tokenLinkMaxFailures);
    assert.equal(codes.filter((c) => c === 'TOO_MANY_REQUESTS').length, 10);
  });

  test('using a valid link does not count against the address', async () => {
    const invited = await admin.caller.members.invite({
      compactId,
      email: 'valid.link@example.org',
      partyId: buildParty(getDb()).id,
      role: 'reviewer',
      signatory: false,
    });
    assert.equal(invited.kind, 'link');
    const token = invited.kind === 'link' ? invited.path.split('/').pop()! : '';
    const address = '203.0.113.40';
    for (let i = 0; i < config.tokenLinkMaxFailures + 5; i++) {
      assert.deepEqual(itemCodes((await trpcBatch([{ path: 'account.invite', input: { token } }], { address })).body), [
        'OK',
      ]);
    }
    const accepted = await trpcBatch(
      [{ path: 'account.acceptInvite', input: { token, name: 'Valid Link', password: 'a long enough password' } }],
      { method: 'POST', address },
    );
    assert.deepEqual(itemCodes(accepted.body), ['OK']);
  });

  test('a batch of heavy calls is served in turns: every call of a full batch answers', async () => {
    const answer = await trpcBatch(repeat(config.trpcMaxBatchSize, { path: 'compacts.text', input: { compactId } }), {
      cookie: admin.cookie,
    });
    assert.equal(answer.status, 200);
    assert.deepEqual(itemCodes(answer.body), repeat(config.trpcMaxBatchSize, 'OK'));
  });

  test('heavy calls beyond one person’s running and waiting turns are refused, while other people are served', async () => {
    process.env.HEAVY_CALLS_PER_PERSON = '2';
    process.env.HEAVY_CALLS_QUEUED_PER_PERSON = '3';
    try {
      const reviewer = await memberWithRole(getDb(), compactId, 'reviewer');
      const [flood, other] = await Promise.all([
        trpcBatch(repeat(10, { path: 'compacts.text', input: { compactId } }), { cookie: admin.cookie }),
        trpcBatch([{ path: 'compacts.text', input: { compactId } }], { cookie: reviewer.cookie }),
      ]);
      assert.deepEqual(itemCodes(flood.body), [...repeat(5, 'OK'), ...repeat(5, 'TOO_MANY_REQUESTS')]);
      assert.deepEqual(itemCodes(other.body), ['OK'], 'another person is not held up');
      const again = await trpcBatch([{ path: 'framework.view', input: { compactId } }], { cookie: admin.cookie });
      assert.deepEqual(itemCodes(again.body), ['OK'], 'turns are given back when calls finish');
    } finally {
      delete process.env.HEAVY_CALLS_PER_PERSON;
      delete process.env.HEAVY_CALLS_QUEUED_PER_PERSON;
    }
  });
  test('the validation queue and bulk validation (across compacts) take heavy turns too', async () => {
    process.env.HEAVY_CALLS_PER_PERSON = '2';
    process.env.HEAVY_CALLS_QUEUED_PER_PERSON = '3';
    try {
      const validator = await memberWithRole(getDb(), compactId, 'validator');
      const queues = await trpcBatch(repeat(10, { path: 'validation.queue', input: undefined }), {
        cookie: validator.cookie,
      });
      assert.deepEqual(itemCodes(queues.body), [...repeat(5, 'OK'), ...repeat(5, 'TOO_MANY_REQUESTS')]);
      const bulk = await trpcBatch(
        repeat(10, { path: 'validation.validateMany', input: { updateIds: ['aaaaaaaaaaaa'], note: '' } }),
        { method: 'POST', cookie: validator.cookie },
      );
      assert.equal(itemCodes(bulk.body).filter((c) => c === 'TOO_MANY_REQUESTS').length, 5);
    } finally {
      delete process.env.HEAVY_CALLS_PER_PERSON;
      delete process.env.HEAVY_CALLS_QUEUED_PER_PERSON;
    }
  });
  test('writes that read the whole stored text (a provision link, a chair’s decision) take heavy turns too', async () => {
    process.env.HEAVY_CALLS_PER_PERSON = '2';
    process.env.HEAVY_CALLS_QUEUED_PER_PERSON = '3';
    try {
      const negotiator = await memberWithRole(getDb(), compactId, 'negotiator');
      const [provision] = await admin.caller.provisions.list({ compactId });
      // A negotiator may propose; each proposal naming a provision reads the whole text, valid or not.
      const proposals = await trpcBatch(
        repeat(10, null).map(() => ({
          path: 'indicators.propose',
          input: { compactId, ...definition(negotiator.partyId, { provisionId: 'aaaaaaaaaaaa' }) },
        })),
        { method: 'POST', cookie: negotiator.cookie },
      );
      assert.equal(itemCodes(proposals.body).filter((c) => c === 'TOO_MANY_REQUESTS').length, 5);
      const commitments = await trpcBatch(
        repeat(10, null).map((_, i) => ({
          path: 'commitments.create',
          input: {
            compactId,
            reference: `Flood ${i}`,
            leadPartyId: admin.partyId,
            supportingPartyIds: [],
            deliverable: 'A deliverable',
            dueDate: null,
            narrativeStatus: '',
            provisionId: provision!.id,
          },
        })),
        { method: 'POST', cookie: admin.cookie },
      );
      assert.equal(itemCodes(commitments.body).filter((c) => c === 'TOO_MANY_REQUESTS').length, 5);
      const decisions = await trpcBatch(
        repeat(10, {
          path: 'negotiation.setProvisionState',
          input: { compactId, provisionId: provision!.id, state: 'open' },
        }),
        { method: 'POST', cookie: admin.cookie },
      );
      assert.equal(itemCodes(decisions.body).filter((c) => c === 'TOO_MANY_REQUESTS').length, 5);
    } finally {
      delete process.env.HEAVY_CALLS_PER_PERSON;
      delete process.env.HEAVY_CALLS_QUEUED_PER_PERSON;
    }
  });
});
