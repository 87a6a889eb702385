// The procedures that pages (server components) read through the server caller, beyond those the browser uses.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { partyColour } from '@/server/collab/presence-colour';
import { buildCompact, buildParty, memberWithRole } from '../helpers/factories';
import { buildIndicator, configureQuarters } from '../helpers/framework-fixtures';
import { createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

test("a member's presence is their name, party, e-mail domain and their party's colour", async () => {
  const compact = buildCompact(db);
  const party = buildParty(db, { shortCode: 'AU' });
  const member = await memberWithRole(db, compact.id, 'reviewer', party.id);
  const me = await member.caller.account.me();
  assert.deepEqual(await member.caller.compacts.myPresence({ compactId: compact.id }), {
    userId: member.id,
    name: me.name,
    partyName: party.name,
    partyShortCode: 'AU',
    emailDomain: member.email.split('@')[1],
    color: partyColour(db.db, party.id),
  });
});

test("an indicator's definition is answered in its own compact only", async () => {
  const compact = buildCompact(db);
  const other = buildCompact(db);
  const admin = await memberWithRole(db, compact.id, 'admin');
  const indicator = buildIndicator(db, compact.id, admin.partyId, { code: 'POC-9' });
  const answer = await admin.caller.indicators.byId({ compactId: compact.id, indicatorId: indicator.id });
  assert.equal(answer.code, 'POC-9');
  assert.equal(answer.id, indicator.id);
  const elsewhere = await memberWithRole(db, other.id, 'admin');
  await assert.rejects(elsewhere.caller.indicators.byId({ compactId: other.id, indicatorId: indicator.id }), {
    code: 'NOT_FOUND',
  });
});

test('the reporting periods are listed oldest first', async () => {
  const compact = buildCompact(db);
  configureQuarters(db, compact.id, '2025-01-01', 4);
  const monitor = await memberWithRole(db, compact.id, 'monitor');
  const periods = await monitor.caller.framework.periods({ compactId: compact.id });
  assert.deepEqual(
    periods.map((p) => [p.label, p.startsOn, p.endsOn]),
    [
      ['2025-Q1', '2025-01-01', '2025-03-31'],
      ['2025-Q2', '2025-04-01', '2025-06-30'],
      ['2025-Q3', '2025-07-01', '2025-09-30'],
      ['2025-Q4', '2025-10-01', '2025-12-31'],
    ],
  );
});
