import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildCompact, buildParty, memberWithRole, type Member } from '../helpers/factories';
import { MAX_SUPPORTING_PARTIES } from '@/shared/framework/commitment-rules';
import { countRows, createTestDb } from '../helpers/test-db';

const db = createTestDb();
after(() => db.cleanup());

let compactId: string;
let lead: string, helper: string;
let admin: Member;

before(async () => {
  compactId = buildCompact(db).id;
  lead = buildParty(db).id;
  helper = buildParty(db).id;
  admin = await memberWithRole(db, compactId, 'admin', lead);
});

const fields = (supportingPartyIds: string[]) => ({
  compactId,
  reference: 'Section 4',
  leadPartyId: lead,
  supportingPartyIds,
  deliverable: 'A deliverable',
  dueDate: null,
  narrativeStatus: '',
});

test('a commitment keeps the supporting parties chosen (several, other than the lead)', async () => {
  const created = await admin.caller.commitments.create(fields([helper]));
  const listed = (await admin.caller.commitments.list({ compactId })).find((c) => c.id === created.id);
  assert.deepEqual(listed?.supportingPartyIds, [helper]);
});

test('the lead party named also as a supporting party, or a supporting party named twice, is refused and nothing is written', async () => {
  const rows = countRows(db, 'commitments');
  const events = countRows(db, 'audit_events');
  await assert.rejects(admin.caller.commitments.create(fields([helper, lead])), {
    code: 'BAD_REQUEST',
    message: 'The lead party cannot also be a supporting party.',
  });
  await assert.rejects(admin.caller.commitments.create(fields([helper, helper])), {
    code: 'BAD_REQUEST',
    message: 'Choose each supporting party once.',
  });
  const created = await admin.caller.commitments.create(fields([]));
  await assert.rejects(admin.caller.commitments.update({ ...fields([lead]), commitmentId: created.id }), {
    code: 'BAD_REQUEST',
    message: 'The lead party cannot also be a supporting party.',
  });
  assert.equal(countRows(db, 'commitments'), rows + 1);
  assert.equal(countRows(db, 'audit_events'), events + 1, 'only the valid creation is audited');
});

test('supporting parties that do not exist, or more than the bound, are refused', async () => {
  const rows = countRows(db, 'commitments');
  await assert.rejects(admin.caller.commitments.create(fields(['no-such-party'])), {
    code: 'BAD_REQUEST',
    message: 'Choose parties from the list.',
  });
  const many = Array.from({ length: MAX_SUPPORTING_PARTIES + 1 }, () => buildParty(db).id);
  await assert.rejects(admin.caller.commitments.create(fields(many)), { code: 'BAD_REQUEST' });
  assert.equal(countRows(db, 'commitments'), rows);
});
