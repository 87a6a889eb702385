import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { progressUpdates } from '@/db/schema/framework';
import { buildCompact, buildParty, memberWithRole } from '../helpers/factories';
import { buildIndicator, configureQuarters, submittedBy } from '../helpers/framework-fixtures';
import { countRows, createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

const RIGHT_TO_LEFT_OVERRIDE = '\u202E';

/** Notes, reasons and comments reach other people (the bell, e-mails, the update page): none may hold control or text-direction characters. */
test('a validation note, a return reason, a discussion comment or a progress narrative with text-direction or control characters is refused and changes nothing', async () => {
  const compactId = buildCompact(db).id;
  const party = buildParty(db);
  const monitor = await memberWithRole(db, compactId, 'monitor', party.id);
  const validator = await memberWithRole(db, compactId, 'validator');
  const [period] = configureQuarters(db, compactId, '2025-01-01', 4);
  const indicatorId = buildIndicator(db, compactId, party.id).id;
  const update = submittedBy(db, { userId: monitor.id, partyId: party.id }, compactId, indicatorId, period!.id);
  const before = { audit: countRows(db, 'audit_events'), notifications: countRows(db, 'notifications') };
  const refused = { code: 'BAD_REQUEST' };

  await assert.rejects(
    validator.caller.progress.validate({
      compactId,
      updateId: update.id,
      rating: null,
      note: `Checked ${RIGHT_TO_LEFT_OVERRIDE}evil.example`,
    }),
    refused,
  );
  await assert.rejects(
    validator.caller.validation.validateMany({ updateIds: [update.id], note: `Checked\u2066 twice` }),
    refused,
  );
  await assert.rejects(
    validator.caller.progress.return({ compactId, updateId: update.id, reason: 'Fix\u0007 the figure' }),
    refused,
  );
  await assert.rejects(
    validator.caller.progress.comment({ compactId, updateId: update.id, body: `See ${RIGHT_TO_LEFT_OVERRIDE}annex` }),
    refused,
  );
  await assert.rejects(
    monitor.caller.progress.saveDraft({
      compactId,
      indicatorId,
      periodId: period!.id,
      value: 3,
      rating: null,
      narrative: `Going well ${RIGHT_TO_LEFT_OVERRIDE}`,
      disaggregated: {},
      evidenceLinks: [],
      confidence: 'low',
      comment: '',
    }),
    refused,
  );

  const [stored] = db.db.select().from(progressUpdates).where(eq(progressUpdates.id, update.id)).all();
  assert.equal(stored?.state, 'submitted');
  assert.equal(countRows(db, 'audit_events'), before.audit);
  assert.equal(countRows(db, 'notifications'), before.notifications);

  // Line breaks and tabs stay allowed in these texts.
  await validator.caller.progress.return({
    compactId,
    updateId: update.id,
    reason: 'Fix the figure:\n\tsee the annex',
  });
  await validator.caller.progress.comment({ compactId, updateId: update.id, body: 'First line\n\tSecond line' });
});
