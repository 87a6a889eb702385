import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { TRPCError } from '@trpc/server';
import { recordAuditEvents } from '@/server/services/audit';
import { exportAuditChain } from '@/server/services/audit-export';
import { chainStatus, MAX_VERDICT_AGE_MS, stopChainVerifier } from '@/server/services/audit-chain-status';
import { buildCompact, buildUser, callerFor, memberWithRole, signIn } from '../helpers/factories';
import { createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(async () => {
  await stopChainVerifier();
  db.cleanup();
});

const system = { userId: null, partyId: null };
const events = (compactId: string, count: number, action = 'test.event') =>
  Array.from({ length: count }, (_, n) => ({ compactId, action, entityType: 'test', entityId: `e${n}`, after: { n } }));

/** Changes stored rows as someone with the database file would (the triggers dropped first). */
function tamper(sql: string, ...params: unknown[]): void {
  const raw = new Database(db.path);
  try {
    raw.exec('DROP TRIGGER IF EXISTS audit_events_no_update; DROP TRIGGER IF EXISTS audit_events_no_delete;');
    raw.prepare(sql).run(...params);
  } finally {
    raw.close();
  }
}

const nameOf = (userId: string) =>
  (db.sqlite.prepare('SELECT name FROM user WHERE id = ?').get(userId) as { name: string }).name;

async function compactWithReviewer() {
  const { id: compactId } = buildCompact(db);
  const admin = await memberWithRole(db, compactId, 'admin');
  const reviewer = await memberWithRole(db, compactId, 'reviewer');
  return { compactId, admin, reviewer };
}

test('a reviewer pages through the audit log newest first and filters it by actor, party, action, entity and time', async () => {
  const { compactId, admin, reviewer } = await compactWithReviewer();
  await admin.caller.members.invite({
    compactId,
    email: 'invitee@example.org',
    partyId: admin.partyId,
    role: 'monitor',
    signatory: false,
  });
  recordAuditEvents(db.db, system, events(compactId, 120));

  const first = await reviewer.caller.audit.events({ compactId, limit: 50 });
  assert.equal(first.events.length, 50);
  assert.ok(
    first.events.every((event, i) => i === 0 || event.id < first.events[i - 1].id),
    'newest first',
  );
  const second = await reviewer.caller.audit.events({ compactId, limit: 50, before: first.nextBefore! });
  assert.ok(second.events[0].id < first.events.at(-1)!.id, 'the next page continues where the first stopped');
  const seen = new Set<number>();
  let page = first;
  for (;;) {
    for (const event of page.events) seen.add(event.id);
    if (page.nextBefore === null) break;
    page = await reviewer.caller.audit.events({ compactId, limit: 50, before: page.nextBefore });
  }
  const total = (
    db.sqlite.prepare('SELECT count(*) AS n FROM audit_events WHERE compact_id = ?').get(compactId) as { n: number }
  ).n;
  assert.equal(seen.size, total, 'every event once, none twice');

  const byAdmin = await reviewer.caller.audit.events({ compactId, actorUserId: admin.id });
  assert.ok(byAdmin.events.length > 0);
  assert.ok(byAdmin.events.every((event) => event.actor?.id === admin.id && event.actor.name === nameOf(admin.id)));
  const byParty = await reviewer.caller.audit.events({ compactId, partyId: admin.partyId });
  assert.ok(byParty.events.length > 0 && byParty.events.every((event) => event.party?.id === admin.partyId));
  const entity = await reviewer.caller.audit.events({ compactId, entityType: 'test', entityId: 'e7' });
  assert.deepEqual(
    entity.events.map((event) => event.after),
    [{ n: 7 }],
  );
  const action = await reviewer.caller.audit.events({ compactId, action: 'test.event', limit: 100 });
  assert.equal(action.events.length, 100);
  const future = await reviewer.caller.audit.events({ compactId, from: Date.now() + 60_000 });
  assert.equal(future.events.length, 0);
  const past = await reviewer.caller.audit.events({ compactId, to: Date.now() - 3_600_000 });
  assert.equal(past.events.length, 0);

  const facets = await reviewer.caller.audit.facets({ compactId });
  assert.ok(facets.actions.includes('test.event') && facets.actions.includes('invite.issued'), facets.actions.join());
  assert.ok(facets.actors.some((actor) => actor.id === admin.id));
  assert.ok(facets.parties.some((party) => party.id === admin.partyId));
});

test('only administrators and reviewers read the audit log', async () => {
  const { compactId, admin } = await compactWithReviewer();
  for (const role of ['negotiator', 'monitor', 'validator'] as const) {
    const member = await memberWithRole(db, compactId, role, admin.partyId);
    await assert.rejects(member.caller.audit.events({ compactId }), (error: TRPCError) => error.code === 'FORBIDDEN');
    await assert.rejects(member.caller.audit.status({ compactId }), (error: TRPCError) => error.code === 'FORBIDDEN');
  }
  const { id: otherCompact } = buildCompact(db);
  await assert.rejects(
    admin.caller.audit.events({ compactId: otherCompact }),
    (error: TRPCError) => error.code === 'NOT_FOUND',
  );
});

test('the chain badge says the chain verifies, then names the first event an edit broke', async () => {
  const { compactId, reviewer } = await compactWithReviewer();
  recordAuditEvents(db.db, system, events(compactId, 30));
  const status = await reviewer.caller.audit.status({ compactId });
  assert.equal(status.state, 'verified');
  assert.ok(status.state === 'verified' && status.events >= 30);

  const victim = (
    db.sqlite
      .prepare('SELECT id FROM audit_events WHERE compact_id = ? ORDER BY id LIMIT 1 OFFSET 10')
      .get(compactId) as {
      id: number;
    }
  ).id;
  tamper(`UPDATE audit_events SET after = '{"n":999}' WHERE id = ?`, victim);
  const rechecked = await reviewer.caller.audit.status({ compactId, recheck: true });
  assert.equal(rechecked.state, 'broken');
  assert.ok(rechecked.state === 'broken' && rechecked.brokenAt === victim, 'the edited event is named');
});

test('a head kept from an export is found in the chain, and is not after the events up to it are deleted', async () => {
  const { compactId, admin, reviewer } = await compactWithReviewer();
  recordAuditEvents(db.db, system, events(compactId, 5));
  const exported = exportAuditChain(db, { userId: admin.id, partyId: admin.partyId }, compactId);
  const heads = await reviewer.caller.audit.heads({ compactId });
  assert.equal(heads[0].head, exported.head, 'the export published its head');
  assert.equal(heads[0].byName, nameOf(admin.id));

  const found = await reviewer.caller.audit.locateHead({ compactId, hash: exported.head.toUpperCase() });
  assert.ok(found.found);
  assert.equal(found.position, exported.events);

  // Truncation: the newest events (the exported head among them) deleted.
  tamper(`DELETE FROM audit_events WHERE compact_id = ? AND hash = ?`, compactId, exported.head);
  const lost = await reviewer.caller.audit.locateHead({ compactId, hash: exported.head });
  assert.equal(lost.found, false);
  await assert.rejects(reviewer.caller.audit.locateHead({ compactId, hash: 'not-a-hash' }));
});

test('stopping the verifier (server shutdown) settles the checks it was running: none is left hanging', async () => {
  const { compactId } = await compactWithReviewer();
  recordAuditEvents(db.db, system, events(compactId, 5));
  const checking = chainStatus(db, compactId, { recheck: true }).then(
    () => 'answered',
    () => 'failed',
  );
  await stopChainVerifier();
  const outcome = await checking;
  assert.ok(['answered', 'failed'].includes(outcome));
  // The next check starts the worker again.
  assert.equal((await chainStatus(db, compactId)).state, 'verified');
});

test('a verdict is not shown past its age: a chain edited in place (no new event) is checked again', async () => {
  const { compactId } = await compactWithReviewer();
  recordAuditEvents(db.db, system, events(compactId, 10));
  assert.equal((await chainStatus(db, compactId)).state, 'verified');
  const victim = (
    db.sqlite
      .prepare('SELECT id FROM audit_events WHERE compact_id = ? ORDER BY id LIMIT 1 OFFSET 3')
      .get(compactId) as {
      id: number;
    }
  ).id;
  tamper(`UPDATE audit_events SET after = '{"n":999}' WHERE id = ?`, victim);
  const later = await chainStatus(db, compactId, { now: Date.now() + MAX_VERDICT_AGE_MS + 1 });
  assert.ok(later.state === 'broken' && later.brokenAt === victim, 'the edit is found without asking for a recheck');
});

test('the instance’s chain is read by instance administrators only, with the same filters and badge', async () => {
  const instanceAdmin = await buildUser(db, { isInstanceAdmin: true });
  const admin = await callerFor(db, await signIn(db, instanceAdmin.email));
  await admin.parties.create({ name: `Party ${Date.now()}`, shortCode: `P${Date.now() % 100000}`, kind: 'other' });
  const page = await admin.instanceAudit.events({ action: 'party.created' });
  assert.ok(page.events.length > 0 && page.events.every((event) => event.action === 'party.created'));
  assert.ok(page.events.some((event) => event.actor?.id === instanceAdmin.id));
  assert.equal((await admin.instanceAudit.status({})).state, 'verified');
  assert.ok((await admin.instanceAudit.facets()).actions.includes('party.created'));

  const { admin: compactAdmin } = await compactWithReviewer();
  for (const call of [
    () => compactAdmin.caller.instanceAudit.events({}),
    () => compactAdmin.caller.instanceAudit.status({}),
    () => compactAdmin.caller.instanceAudit.facets(),
  ])
    await assert.rejects(call(), (error: TRPCError) => error.code === 'FORBIDDEN');
});
