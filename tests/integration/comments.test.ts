import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { commentThreads } from '@/db/schema/comments';
import {
  COMMENT_ANCHOR_MAX,
  COMMENT_BODY_MAX,
  COMMENT_THREADS_PER_PARTY_MAX,
  COMMENTS_PER_THREAD_MAX,
} from '@/shared/comments/comment-rules';
import { buildParty, memberWithRole, type Member } from '../helpers/factories';
import { anchorFor, compactWithProvisions } from '../helpers/comment-fixtures';
import { countRows, createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

const TEXT = ['The parties commit to a ceasefire within 72 hours.', 'The mission shall report quarterly.'];

let compactId: string;
let provisionIds: string[];
let aldoria: Member, aldoriaColleague: Member, aldoriaReviewer: Member, mission: Member, missionAdmin: Member;

before(async () => {
  ({ compactId, provisionIds } = compactWithProvisions(db, TEXT));
  const aldoriaParty = buildParty(db, { shortCode: 'ALD' }).id;
  const missionParty = buildParty(db, { shortCode: 'MIS' }).id;
  aldoria = await memberWithRole(db, compactId, 'negotiator', aldoriaParty);
  aldoriaColleague = await memberWithRole(db, compactId, 'monitor', aldoriaParty);
  aldoriaReviewer = await memberWithRole(db, compactId, 'reviewer', aldoriaParty);
  mission = await memberWithRole(db, compactId, 'negotiator', missionParty);
  missionAdmin = await memberWithRole(db, compactId, 'admin', missionParty);
});

const rowCounts = () => ['comment_threads', 'comments', 'audit_events'].map((table) => countRows(db, table));

function open(by: Member, phrase: string, visibility: 'all' | 'delegation' = 'all', body = `About “${phrase}”.`) {
  return by.caller.comments.create({ compactId, ...anchorFor(db, compactId, phrase), visibility, body });
}

/** Threads opened by `by` straight in the database, up to their party's cap in the compact. */
function fillThreads(inCompact: string, by: Member, visibility: 'all' | 'delegation') {
  const addThread = db.sqlite.prepare(
    `INSERT INTO comment_threads (id, compact_id, provision_id, anchor_start, anchor_end, quote, visibility, author_id, party_id, created_at)
     VALUES (?, ?, NULL, 'AA==', 'AA==', 'q', ?, ?, ?, ?)`,
  );
  db.sqlite.transaction(() => {
    for (let i = 0; i < COMMENT_THREADS_PER_PARTY_MAX; i++)
      addThread.run(`${inCompact}-${i}`, inCompact, visibility, by.id, by.partyId, Date.now());
  })();
}

const listed = async (by: Member) => (await by.caller.comments.list({ compactId })).threads;

describe('delegation-only threads', () => {
  test('a delegation-only thread is invisible to every comments procedure called by a member of another party', async () => {
    const thread = await open(aldoria, 'ceasefire', 'delegation', 'Our red line: 72 hours.');
    const commentId = thread.comments[0]!.id;
    await aldoria.caller.comments.resolve({ compactId, threadId: thread.id });
    const before = rowCounts();
    for (const outsider of [mission, missionAdmin]) {
      assert.ok(!(await listed(outsider)).some((t) => t.id === thread.id), 'never listed');
      const calls = [
        outsider.caller.comments.reply({ compactId, threadId: thread.id, body: 'Seen it.' }),
        outsider.caller.comments.resolve({ compactId, threadId: thread.id }),
        outsider.caller.comments.reopen({ compactId, threadId: thread.id }),
        outsider.caller.comments.deleteComment({ compactId, commentId }),
      ];
      for (const call of calls) await assert.rejects(call, { code: 'NOT_FOUND' });
    }
    // exactly the answer for a thread that does not exist
    await assert.rejects(mission.caller.comments.reopen({ compactId, threadId: 'no-such-thread' }), {
      code: 'NOT_FOUND',
      message: 'No such comment thread in this compact.',
    });
    await assert.rejects(mission.caller.comments.reopen({ compactId, threadId: thread.id }), {
      message: 'No such comment thread in this compact.',
    });
    assert.deepEqual(rowCounts(), before, 'nothing written');
    const seen = (await listed(aldoria)).find((t) => t.id === thread.id);
    assert.ok(seen?.resolved, 'still resolved');
  });

  test('a colleague of the same party sees the delegation thread and takes part in it, whatever their role', async () => {
    const thread = await open(aldoria, 'within 72 hours', 'delegation');
    const seen = (await listed(aldoriaColleague)).find((t) => t.id === thread.id);
    assert.ok(seen);
    assert.equal(seen.quote, 'within 72 hours');
    assert.equal(seen.visibility, 'delegation');
    const replied = await aldoriaReviewer.caller.comments.reply({ compactId, threadId: thread.id, body: 'Agreed.' });
    assert.deepEqual(
      replied.comments.map((c) => [c.authorName.length > 0, c.partyCode, c.body]),
      [
        [true, 'ALD', 'About “within 72 hours”.'],
        [true, 'ALD', 'Agreed.'],
      ],
    );
    await aldoriaColleague.caller.comments.resolve({ compactId, threadId: thread.id });
  });

  test('a thread for all parties is seen and answered by every party', async () => {
    const thread = await open(aldoria, 'report quarterly');
    const seen = (await listed(mission)).find((t) => t.id === thread.id);
    assert.equal(seen?.partyCode, 'ALD');
    assert.equal(seen?.provisionId, provisionIds[1]);
    await mission.caller.comments.reply({ compactId, threadId: thread.id, body: 'Monthly, rather.' });
  });
});

describe('who may comment, resolve, reopen and delete', () => {
  test('a reviewer may comment, and still may not edit the text', async () => {
    const thread = await open(aldoriaReviewer, 'mission');
    assert.equal(thread.quote, 'mission');
    const { can } = await aldoriaReviewer.caller.compacts.byId({ compactId });
    assert.deepEqual([can.comment, can.editText], [true, false]);
  });

  test('a thread is resolved and reopened by its author’s party or an admin, not by another party', async () => {
    const thread = await open(aldoria, 'parties commit');
    await assert.rejects(mission.caller.comments.resolve({ compactId, threadId: thread.id }), { code: 'FORBIDDEN' });
    assert.equal((await listed(mission)).find((t) => t.id === thread.id)?.can.settle, false);
    const resolved = await missionAdmin.caller.comments.resolve({ compactId, threadId: thread.id });
    assert.ok(resolved.resolved?.byName);
    await assert.rejects(mission.caller.comments.reply({ compactId, threadId: thread.id, body: 'Late.' }), {
      code: 'CONFLICT',
    });
    await assert.rejects(aldoria.caller.comments.resolve({ compactId, threadId: thread.id }), { code: 'CONFLICT' });
    await assert.rejects(mission.caller.comments.reopen({ compactId, threadId: thread.id }), { code: 'FORBIDDEN' });
    const reopened = await aldoriaColleague.caller.comments.reopen({ compactId, threadId: thread.id });
    assert.equal(reopened.resolved, null);
  });

  test('a person deletes only their own comment: its words go, its place stays, and the last one takes the thread', async () => {
    const thread = await open(aldoria, 'commit to');
    const reply = await mission.caller.comments.reply({ compactId, threadId: thread.id, body: 'Why “commit”?' });
    const [first, second] = reply.comments;
    await assert.rejects(aldoriaColleague.caller.comments.deleteComment({ compactId, commentId: first!.id }), {
      code: 'FORBIDDEN',
    });
    assert.deepEqual(await aldoria.caller.comments.deleteComment({ compactId, commentId: first!.id }), {
      threadId: thread.id,
      threadDeleted: false,
    });
    const after = (await listed(mission)).find((t) => t.id === thread.id);
    assert.deepEqual(
      after?.comments.map((c) => [c.deleted, c.body]),
      [
        [true, ''],
        [false, 'Why “commit”?'],
      ],
    );
    await assert.rejects(aldoria.caller.comments.deleteComment({ compactId, commentId: first!.id }), {
      code: 'NOT_FOUND',
    });
    await mission.caller.comments.deleteComment({ compactId, commentId: second!.id });
    assert.ok(!(await listed(aldoria)).some((t) => t.id === thread.id), 'a thread with no comment left is gone');
    const stored = db.sqlite.prepare('SELECT body FROM comments WHERE id = ?').get(first!.id);
    assert.deepEqual(stored, { body: '' }, 'the words are erased from the database');
  });

  test('creating, resolving, reopening and deleting are audited, without the words', async () => {
    const thread = await open(aldoria, 'shall report', 'delegation', 'Secret words.');
    await aldoria.caller.comments.resolve({ compactId, threadId: thread.id });
    await aldoria.caller.comments.reopen({ compactId, threadId: thread.id });
    await aldoria.caller.comments.deleteComment({ compactId, commentId: thread.comments[0]!.id });
    const rows = db.sqlite
      .prepare(`SELECT action, actor_user_id AS actor, "after" FROM audit_events WHERE entity_id IN (?, ?) ORDER BY id`)
      .all(thread.id, thread.comments[0]!.id) as { action: string; actor: string; after: string | null }[];
    assert.deepEqual(
      rows.map((r) => [r.action, r.actor]),
      [
        ['commentThread.created', aldoria.id],
        ['commentThread.resolved', aldoria.id],
        ['commentThread.reopened', aldoria.id],
        ['comment.deleted', aldoria.id],
      ],
    );
    assert.ok(!rows.some((r) => r.after?.includes('Secret') || r.after?.includes('shall report')));
  });

  test('the audit event of a delegation-only thread, which every reviewer reads, does not say where in the text it is', async () => {
    const secret = await open(aldoria, 'within 72 hours', 'delegation');
    const forAll = await open(aldoria, 'ceasefire', 'all');
    const after = (threadId: string) =>
      JSON.parse(
        (
          db.sqlite
            .prepare(`SELECT "after" FROM audit_events WHERE entity_id = ? AND action = 'commentThread.created'`)
            .get(threadId) as { after: string }
        ).after,
      ) as Record<string, unknown>;
    assert.deepEqual(after(secret.id), { visibility: 'delegation' });
    assert.deepEqual(after(forAll.id), { visibility: 'all', provisionId: provisionIds[0] });
  });
});

describe('what the server accepts', () => {
  test('the quote is read from the server’s document; a quote sent by the client is ignored', async () => {
    const input = {
      compactId,
      ...anchorFor(db, compactId, 'ceasefire'),
      visibility: 'all' as const,
      body: 'Check.',
      quote: 'The parties shall surrender',
    };
    const thread = await aldoria.caller.comments.create(input);
    assert.equal(thread.quote, 'ceasefire');
    const [row] = db.db.select({ quote: commentThreads.quote }).from(commentThreads).all().slice(-1);
    assert.equal(row?.quote, 'ceasefire');
  });

  test('bad anchors and unknown provision ids give clear errors and write nothing', async () => {
    const good = anchorFor(db, compactId, 'ceasefire');
    const quarterly = anchorFor(db, compactId, 'quarterly');
    const elsewhere = compactWithProvisions(db, TEXT);
    const foreign = anchorFor(db, elsewhere.compactId, 'ceasefire');
    const cases: { input: { anchor: { start: string; end: string }; provisionId: string | null }; message: RegExp }[] =
      [
        { input: { ...good, anchor: { ...good.anchor, start: 'not base64!' } }, message: /could not be read/ },
        { input: { ...foreign, provisionId: good.provisionId }, message: /not in the stored compact text/ },
        { input: { ...good, anchor: { start: good.anchor.start, end: quarterly.anchor.end } }, message: /within one/ },
        { input: { ...good, anchor: { start: good.anchor.end, end: good.anchor.start } }, message: /before its start/ },
        { input: { ...good, provisionId: 'zzzzzzzzzzzz' }, message: /no provision with this id/ },
        { input: { ...good, provisionId: provisionIds[1]! }, message: /not in the provision given/ },
        { input: { ...good, provisionId: null }, message: /not in the provision given/ },
      ];
    const before = rowCounts();
    for (const { input, message } of cases) {
      await assert.rejects(aldoria.caller.comments.create({ compactId, ...input, visibility: 'all', body: 'Hm.' }), {
        code: 'BAD_REQUEST',
        message,
      });
    }
    assert.deepEqual(rowCounts(), before, 'nothing written');
  });

  test('comment input limits: body length, blank bodies, anchor size, page size, threads per party, comments per thread', async () => {
    const good = anchorFor(db, compactId, 'ceasefire');
    const before = rowCounts();
    // Each call starts when it is awaited (a create waits for a heavy-call turn; the others must not reject unheard).
    const refused = [
      () =>
        aldoria.caller.comments.create({
          compactId,
          ...good,
          visibility: 'all',
          body: 'x'.repeat(COMMENT_BODY_MAX + 1),
        }),
      () => aldoria.caller.comments.create({ compactId, ...good, visibility: 'all', body: ' \n\t ' }),
      () =>
        aldoria.caller.comments.create({
          compactId,
          ...good,
          anchor: { ...good.anchor, start: 'A'.repeat(COMMENT_ANCHOR_MAX + 4) },
          visibility: 'all',
          body: 'Long anchor.',
        }),
      () => aldoria.caller.comments.list({ compactId, limit: 500 }),
      () => aldoria.caller.comments.list({ compactId, cursor: 'garbage' }),
    ];
    for (const call of refused) await assert.rejects(call(), { code: 'BAD_REQUEST' });
    assert.deepEqual(rowCounts(), before, 'nothing written');
    const longest = await aldoria.caller.comments.create({
      compactId,
      ...good,
      visibility: 'all',
      body: 'y'.repeat(COMMENT_BODY_MAX),
    });
    assert.equal(longest.comments[0]!.body.length, COMMENT_BODY_MAX);

    // a thread at its cap of comments
    const insert = db.sqlite.prepare(
      'INSERT INTO comments (id, thread_id, author_id, party_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (let i = 1; i < COMMENTS_PER_THREAD_MAX; i++)
      insert.run(`filler-${i}`, longest.id, aldoria.id, aldoria.partyId, 'Filler.', Date.now());
    await assert.rejects(aldoria.caller.comments.reply({ compactId, threadId: longest.id, body: 'One more.' }), {
      code: 'CONFLICT',
    });

    // a party at its cap of threads in a compact
    const full = compactWithProvisions(db, TEXT);
    const member = await memberWithRole(db, full.compactId, 'negotiator');
    fillThreads(full.compactId, member, 'all');
    await assert.rejects(
      member.caller.comments.create({
        compactId: full.compactId,
        ...anchorFor(db, full.compactId, 'ceasefire'),
        visibility: 'all',
        body: 'Too many.',
      }),
      { code: 'CONFLICT' },
    );
  });

  test('the cap of threads counts the member’s own party only: another party’s delegation threads neither block nor show', async () => {
    const shared = compactWithProvisions(db, TEXT);
    const aldorian = await memberWithRole(db, shared.compactId, 'negotiator', aldoria.partyId);
    const missionary = await memberWithRole(db, shared.compactId, 'negotiator', mission.partyId);
    fillThreads(shared.compactId, aldorian, 'delegation');
    const anchor = anchorFor(db, shared.compactId, 'ceasefire');
    const opened = await missionary.caller.comments.create({
      compactId: shared.compactId,
      ...anchor,
      visibility: 'all',
      body: 'Not held up by threads I cannot see.',
    });
    assert.equal(opened.quote, 'ceasefire');
    await assert.rejects(
      aldorian.caller.comments.create({ compactId: shared.compactId, ...anchor, visibility: 'all', body: 'Full.' }),
      { code: 'CONFLICT' },
    );
  });

  test('opening a thread reads the whole text, so it takes a heavy-call turn: a flood beyond one’s turns is refused', async () => {
    process.env.HEAVY_CALLS_PER_PERSON = '1';
    process.env.HEAVY_CALLS_QUEUED_PER_PERSON = '1';
    try {
      const good = anchorFor(db, compactId, 'ceasefire');
      const before = rowCounts();
      const flood = await Promise.allSettled(
        Array.from({ length: 5 }, () =>
          mission.caller.comments.create({ compactId, ...good, provisionId: null, visibility: 'all', body: 'Again.' }),
        ),
      );
      const codes = flood.map((result) =>
        result.status === 'rejected' ? (result.reason as { code: string }).code : 'OK',
      );
      assert.deepEqual(codes, [
        'BAD_REQUEST',
        'BAD_REQUEST',
        'TOO_MANY_REQUESTS',
        'TOO_MANY_REQUESTS',
        'TOO_MANY_REQUESTS',
      ]);
      assert.deepEqual(rowCounts(), before, 'nothing written');
    } finally {
      delete process.env.HEAVY_CALLS_PER_PERSON;
      delete process.env.HEAVY_CALLS_QUEUED_PER_PERSON;
    }
  });

  test('threads come newest first, a page at a time', async () => {
    const paged = compactWithProvisions(db, TEXT);
    const member = await memberWithRole(db, paged.compactId, 'negotiator');
    const ids: string[] = [];
    for (const phrase of ['parties', 'ceasefire', 'mission']) {
      const thread = await member.caller.comments.create({
        compactId: paged.compactId,
        ...anchorFor(db, paged.compactId, phrase),
        visibility: 'all',
        body: phrase,
      });
      ids.push(thread.id);
    }
    const first = await member.caller.comments.list({ compactId: paged.compactId, limit: 2 });
    assert.equal(first.threads.length, 2);
    assert.ok(first.nextCursor);
    const second = await member.caller.comments.list({
      compactId: paged.compactId,
      limit: 2,
      cursor: first.nextCursor,
    });
    assert.equal(second.nextCursor, null);
    assert.deepEqual(
      [...first.threads, ...second.threads].map((t) => t.quote),
      ['mission', 'ceasefire', 'parties'],
    );
  });
});
